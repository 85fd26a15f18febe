#pragma once

namespace pgdial::test {

// Call first in every test's initTestCase(): settings and caches go to throwaway test locations
// (QStandardPaths test mode), never to the user's own.
void isolateTestEnvironment();

} // namespace pgdial::test
