#pragma once

#include "base/diagnostic.h"
#include "base/textdocument.h"
#include "hba/hbafile.h"
#include "project/serversetting.h"

#include <QSet>
#include <QString>

#include <functional>

#include <optional>

namespace pgdial::core::hba {

struct HbaLintOptions
{
    int majorVersion = 17; // for the server defaults (password_encryption is md5 before PG 14)
    // What the project's postgresql.conf sets (password_encryption, ssl, ssl_ca_file). A lookup
    // that finds nothing means "the server default".
    project::ServerSettingLookup settings;
    // Role and database names the project mentions (app config, URLs). nullopt: not known, so
    // the "never mentioned" info is not given.
    std::optional<QSet<QString>> knownRoles;
    std::optional<QSet<QString>> knownDatabases;
    // The text of a file the rules came from (by HbaRule::file), for machine-applicable fixes;
    // nullptr or unset: suggestions only.
    std::function<const base::TextDocument *(const QString &file)> document;
};

// Security lint of a parsed pg_hba.conf: warnings (and infos) for weak or surprising rules, each
// explained, codes documented in docs/diagnostics.md. Lines with errors are skipped (validation
// reports them).
class HbaLint
{
public:
    static base::Diagnostics lint(const HbaFile &file, const HbaLintOptions &options);
};

} // namespace pgdial::core::hba
