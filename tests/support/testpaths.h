#pragma once

#include <QString>

namespace pgdial::test {

inline QString sourceDir()
{
    return QStringLiteral(PGDIAL_SOURCE_DIR);
}
inline QString testDataDir()
{
    return QStringLiteral(PGDIAL_TEST_DATA_DIR);
}
inline QString examplesDir()
{
    return QStringLiteral(PGDIAL_EXAMPLES_DIR);
}
inline QString exampleProject()
{
    return QStringLiteral(PGDIAL_EXAMPLES_DIR "/api-forge");
}
inline QString cliPath()
{
    return QStringLiteral(PGDIAL_CLI_PATH);
}
inline QString appPath()
{
    return QStringLiteral(PGDIAL_APP_PATH);
}

} // namespace pgdial::test
