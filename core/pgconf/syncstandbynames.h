#pragma once

#include <QString>

namespace pgdial::core::pgconf {

// synchronous_standby_names as the server's syncrep scanner and grammar read it:
//   standby_list | NUM '(' standby_list ')' | ANY NUM '(' standby_list ')' | FIRST NUM '(' ... ')'
// with names that are identifiers, "quoted" names, numbers or *. An empty value is fine.
class SyncStandbyNames
{
public:
    // True when the server accepts `value`; otherwise `detail` says why, in the server's words
    // ("syntax error at or near \"(\"", "number of synchronous standbys (0) must be greater than zero").
    static bool check(const QString &value, QString *detail);
};

} // namespace pgdial::core::pgconf
