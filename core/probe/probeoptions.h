#pragma once

#include "hba/hbafile.h"
#include "project/serversetting.h"

#include <QString>

#include <memory>
#include <optional>

namespace pgdial::core::probe {

// Where the probed connection string was found in a project (e.g. DATABASE_URL in .env), so that
// fixes can name the file and line.
struct ConninfoOrigin
{
    QString file; // project-relative
    int line = 0;
    QString key; // e.g. DATABASE_URL
};

// The guide's three-role pattern: a NOLOGIN owner of the database and schema, an application
// role with SELECT/INSERT/UPDATE/DELETE on the schema's tables, a read-only role with SELECT.
struct RolePattern
{
    QString owner = QStringLiteral("appowner");
    QString app = QStringLiteral("appuser");
    QString readOnly = QStringLiteral("backupuser");
    QString schema = QStringLiteral("app");
};

struct ProbeOptions
{
    QString conninfo; // key=value or URI, as libpq accepts it (may hold a password)
    int timeoutMs = 10000; // overall deadline
    int stageTimeoutMs = 5000; // per-stage cap (resolve, tcp per address, tls); connect_timeout lowers it
    QString adminConninfo; // optional: enables the checks stage and the password_failed reason
    std::optional<ConninfoOrigin> origin;
    project::ServerSettingLookup serverSettings; // optional: the project's postgresql.conf
    QString hbaFile; // project-relative pg_hba.conf, for the line of a reject rule
    // The project's pg_hba.conf as parsed when the probe starts (ProjectConninfo::hbaRules): a
    // refused connection's rule is proposed against it (hba::HbaRuleProposer) with the file and
    // line it goes to. Null without a project: the rule alone, no place.
    std::shared_ptr<const hba::HbaFile> hbaRules;
    RolePattern roles; // what the checks stage expects (with adminConninfo)
};

} // namespace pgdial::core::probe
