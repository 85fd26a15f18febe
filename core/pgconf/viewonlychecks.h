#pragma once

#include <QString>

#include <optional>

namespace pgdial::core::pgconf {

// Checks a server makes only when it reads the file inside a transaction of a database: the
// pg_file_settings view does (it is a query), the postmaster at start-up does not. Their hooks
// look things up in the catalogs (tablespaces, table access methods, text search configurations)
// or refuse a change of the running transaction's characteristics. So a value can start the
// server and still be listed "setting could not be applied" by the view; pgdial's rows follow
// the view of a freshly created cluster (what it holds: pg_default, pg_global, heap, the
// built-in text search configurations), while `ok` keeps following the start-up.
class ViewOnlyChecks
{
public:
    // nullopt: the view applies it. Otherwise why the view refuses it. `name` lower-case,
    // `setting` the value as the server normalised it (enum/bool canonical names).
    static std::optional<QString> refusal(const QString &name, const QString &setting, int major);
    // The reverse: hooks that need a database and therefore refuse the value at start-up, where
    // there is none (check_role except "none", check_session_authorization).
    static bool refusedAtStartup(const QString &name, const QString &setting);
};

} // namespace pgdial::core::pgconf
