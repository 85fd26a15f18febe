#include "probe/serverchecks.h"

#include "probe/pgsession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace pgdial::core::probe {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("probe", text);
}

constexpr int maxFindings = 30;

// Bytes per memory unit / milliseconds per time unit, as postgresql.conf spells them.
std::optional<double> unitFactor(const QString &unit)
{
    static const QList<std::pair<QString, double>> factors {
        {u"B"_s, 1.0},           {u"kB"_s, 1024.0},          {u"MB"_s, 1048576.0},
        {u"GB"_s, 1073741824.0}, {u"TB"_s, 1099511627776.0}, {u"us"_s, 0.001},
        {u"ms"_s, 1.0},          {u"s"_s, 1000.0},           {u"min"_s, 60000.0},
        {u"h"_s, 3600000.0},     {u"d"_s, 86400000.0}};
    for (const auto &[name, factor] : factors)
        if (name == unit)
            return factor;
    return std::nullopt;
}

bool isMemoryUnit(const QString &unit)
{
    return unit.endsWith(u'B');
}

std::optional<bool> boolValue(const QString &value)
{
    const QString v = value.trimmed().toLower();
    for (const QString &t : {u"on"_s, u"true"_s, u"yes"_s, u"1"_s, u"t"_s, u"y"_s})
        if (v == t)
            return true;
    for (const QString &f : {u"off"_s, u"false"_s, u"no"_s, u"0"_s, u"f"_s, u"n"_s})
        if (v == f)
            return false;
    return std::nullopt;
}

} // namespace

bool ServerChecks::sameSetting(const QString &fileValue, const QString &setting, const QString &unit,
                               const QString &vartype)
{
    const QString value = fileValue.trimmed();
    if (value.compare(setting, Qt::CaseInsensitive) == 0)
        return true;
    if (vartype == u"bool") {
        const auto a = boolValue(value);
        const auto b = boolValue(setting);
        return a && b && *a == *b;
    }
    if (vartype != u"integer" && vartype != u"real")
        return false;
    static const QRegularExpression number(uR"(^([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*([A-Za-z]*)$)"_s);
    const QRegularExpressionMatch match = number.match(value);
    if (!match.hasMatch())
        return false;
    double fileNumber = match.captured(1).toDouble();
    const QString fileUnit = match.captured(2);
    const double serverNumber = setting.toDouble();
    if (!fileUnit.isEmpty()) {
        // The setting's unit may carry a multiplier: "8kB", "16MB".
        static const QRegularExpression unitPattern(uR"(^([0-9]*)([A-Za-z]+)$)"_s);
        const QRegularExpressionMatch unitMatch = unitPattern.match(unit);
        if (!unitMatch.hasMatch())
            return false;
        const double multiplier = unitMatch.captured(1).isEmpty() ? 1.0 : unitMatch.captured(1).toDouble();
        const auto from = unitFactor(fileUnit);
        const auto to = unitFactor(unitMatch.captured(2));
        if (!from || !to || isMemoryUnit(fileUnit) != isMemoryUnit(unitMatch.captured(2)))
            return false;
        fileNumber = fileNumber * *from / (*to * multiplier);
    }
    return std::abs(fileNumber - serverNumber)
        <= std::max(1e-9, std::abs(serverNumber) * 1e-9) + 0.5 * (vartype == u"integer");
}

ServerChecks::Outcome ServerChecks::run(const ProbeOptions &options, Verdict authVerdict, const ExplainContext &context,
                                        const ProbeControl &control)
{
    const auto started = ProbeControl::Clock::now();
    Outcome outcome;
    outcome.stage.name = u"checks"_s;
    PgSession admin;
    if (!admin.connect(options.adminConninfo, control)) {
        outcome.stage.status = StageStatus::Warn;
        outcome.stage.verdict = Verdict::Other;
        outcome.stage.detail = tr("the admin connection failed: %1").arg(admin.error().trimmed().section(u'\n', -1));
    } else {
        if (authVerdict == Verdict::PasswordFailed)
            passwordReason(admin, context, control, outcome);
        hbaRules(admin, authVerdict, context, control, outcome);
        threeRoles(admin, context.database.isEmpty() ? context.user : context.database, options.adminConninfo,
                   options.roles, control, outcome);
        settings(admin, options.serverSettings, control, outcome);
        const qsizetype findings = outcome.stage.facts.value(u"findings"_s).toArray().size();
        outcome.stage.status = findings > 0 ? StageStatus::Warn : StageStatus::Ok;
        outcome.stage.verdict = findings > 0 ? Verdict::Other : Verdict::Ok;
        outcome.stage.detail = findings > 0 ? tr("%1 finding(s)").arg(findings) : tr("nothing to report");
        if (!outcome.passwordReason.isEmpty())
            outcome.stage.detail = outcome.passwordReason;
    }
    outcome.stage.ms
        = std::chrono::duration_cast<std::chrono::milliseconds>(ProbeControl::Clock::now() - started).count();
    return outcome;
}

namespace {

void addFinding(ServerChecks::Outcome &outcome, const QString &text)
{
    QJsonArray findings = outcome.stage.facts.value(u"findings"_s).toArray();
    if (findings.size() >= maxFindings)
        return;
    findings.append(text);
    outcome.stage.facts.insert(u"findings"_s, findings);
    outcome.stage.lines.append(text);
}

} // namespace

void ServerChecks::passwordReason(PgSession &admin, const ExplainContext &context, const ProbeControl &control,
                                  Outcome &outcome)
{
    const QString &user = context.user;
    // pg_authid (the stored hash) needs a superuser; pg_roles tells the rest.
    auto rows = admin.query(u"select r.rolcanlogin, coalesce(r.rolvaliduntil < now(), false), r.rolvaliduntil,"
                            " a.rolpassword is null, coalesce(left(a.rolpassword, 14), '')"
                            " from pg_roles r left join pg_authid a on a.oid = r.oid where r.rolname = $1"_s,
                            {user}, control);
    bool hashKnown = true;
    if (!rows) {
        hashKnown = false;
        rows = admin.query(u"select rolcanlogin, coalesce(rolvaliduntil < now(), false), rolvaliduntil, false, ''"
                           " from pg_roles where rolname = $1"_s,
                           {user}, control);
    }
    if (!rows)
        return;
    const auto scramRules = admin.query(u"select count(*) from pg_hba_file_rules where auth_method = 'scram-sha-256'"
                                        " and ('all' = any(user_name) or $1 = any(user_name))"_s,
                                        {user}, control);
    const bool underScram = scramRules && !scramRules->isEmpty() && scramRules->first().value(0).toInt() > 0;
    if (rows->isEmpty()) {
        outcome.passwordReason = tr("The role %1 does not exist (the server reports a missing role as a failed "
                                    "password so as not to reveal which roles exist).")
                                     .arg(user);
        outcome.passwordFix = tr("Create the role (CREATE ROLE %1 LOGIN PASSWORD ...) or fix the user name.").arg(user);
    } else {
        const QStringList &row = rows->first();
        if (hashKnown && row.at(3) == u"t") {
            outcome.passwordReason = tr("The role %1 has no password.").arg(user);
            outcome.passwordFix = tr("Give it one: ALTER ROLE %1 PASSWORD '...';").arg(user);
        } else if (row.at(1) == u"t") {
            outcome.passwordReason = tr("The password of %1 expired at %2 (VALID UNTIL).").arg(user, row.at(2));
            outcome.passwordFix = tr("ALTER ROLE %1 VALID UNTIL 'infinity'; (or a new date), then set a new "
                                     "password if the policy asks for one.")
                                      .arg(user);
        } else if (hashKnown && row.at(4).startsWith(u"md5"_s) && underScram) {
            outcome.passwordReason = tr("The role %1 stores an md5 hash, and the matching rule asks for "
                                        "scram-sha-256, which cannot use it.")
                                         .arg(user);
            outcome.passwordFix = tr("Set the password again with password_encryption = scram-sha-256 "
                                     "(ALTER ROLE %1 PASSWORD '...'), or use md5 in that rule.")
                                      .arg(user);
        } else {
            outcome.passwordReason = tr("The password does not match the one stored for %1.").arg(user);
            outcome.passwordFix = tr("Use the right password: check the URL's percent-encoding, PGPASSWORD and "
                                     "the order of the .pgpass lines.");
        }
    }
    outcome.stage.facts.insert(u"password_reason"_s, outcome.passwordReason);
    outcome.stage.lines.append(outcome.passwordReason);
}

void ServerChecks::hbaRules(PgSession &admin, Verdict authVerdict, const ExplainContext &context,
                            const ProbeControl &control, Outcome &outcome)
{
    const auto rows = admin.query(u"select line_number, type, array_to_string(database, ','),"
                                  " array_to_string(user_name, ','), coalesce(address, ''), coalesce(auth_method, ''),"
                                  " error from pg_hba_file_rules order by line_number"_s,
                                  {}, control);
    if (!rows)
        return; // needs a superuser (or pg_read_all_settings on newer servers)
    const bool overSocket = context.host.startsWith(u'/') || context.host.isEmpty();
    for (const QStringList &row : *rows) {
        if (!row.at(6).isNull()) {
            addFinding(outcome,
                       tr("pg_hba.conf line %1 has an error, so the server keeps its previous rules at "
                          "reload: %2")
                           .arg(row.at(0), row.at(6)));
            continue;
        }
        if (authVerdict != Verdict::HbaReject || outcome.hbaLine > 0 || row.at(5) != u"reject")
            continue;
        const bool typeMatches = overSocket ? row.at(1) == u"local" : row.at(1).startsWith(u"host"_s);
        const QStringList databases = row.at(2).split(u',');
        const QStringList users = row.at(3).split(u',');
        if (typeMatches && (databases.contains(u"all"_s) || databases.contains(context.database))
            && (users.contains(u"all"_s) || users.contains(context.user))) {
            outcome.hbaLine = row.at(0).toInt();
            outcome.stage.lines.append(
                tr("the first reject rule for user %1 and database %2 is line %3: %4 %5 %6 %7 "
                   "reject (client address not compared)")
                    .arg(context.user, context.database, row.at(0), row.at(1), row.at(2), row.at(3), row.at(4)));
            outcome.stage.facts.insert(u"hba_reject_line"_s, outcome.hbaLine);
        }
    }
}

void ServerChecks::threeRoles(PgSession &admin, const QString &appDatabase, const QString &adminConninfo,
                              const RolePattern &roles, const ProbeControl &control, Outcome &outcome)
{
    const auto existing = admin.query(u"select rolname, rolcanlogin from pg_roles where rolname in ($1, $2, $3)"_s,
                                      {roles.owner, roles.app, roles.readOnly}, control);
    if (!existing)
        return;
    if (existing->isEmpty()) {
        outcome.stage.lines.append(tr("three-role pattern: none of %1, %2, %3 exists; not checked")
                                       .arg(roles.owner, roles.app, roles.readOnly));
        return;
    }
    QHash<QString, bool> canLogin;
    for (const QStringList &row : *existing)
        canLogin.insert(row.at(0), row.at(1) == u"t");
    for (const QString &role : {roles.owner, roles.app, roles.readOnly})
        if (!canLogin.contains(role))
            addFinding(outcome, tr("role %1 does not exist").arg(role));
    if (canLogin.value(roles.owner, false))
        addFinding(outcome, tr("the owner role %1 can log in: the pattern keeps it NOLOGIN").arg(roles.owner));
    for (const QString &role : {roles.app, roles.readOnly})
        if (canLogin.contains(role) && !canLogin.value(role))
            addFinding(outcome, tr("role %1 cannot log in (NOLOGIN)").arg(role));
    // Owners, schemas and table privileges live in each database's own catalogs: they are read in the
    // application's database, not in whatever database the admin connection names (usually postgres).
    const auto current = admin.query(u"select current_database()"_s, {}, control);
    if (appDatabase.isEmpty() || (current && !current->isEmpty() && current->first().at(0) == appDatabase)) {
        ownership(admin, roles, canLogin, control, outcome);
        return;
    }
    PgSession appSession;
    if (!appSession.connect(adminConninfo, control, appDatabase)) {
        addFinding(outcome,
                   tr("the owner and privileges in database %1 were not checked: %2")
                       .arg(appDatabase, appSession.error().trimmed().section(u'\n', -1)));
        return;
    }
    ownership(appSession, roles, canLogin, control, outcome);
}

void ServerChecks::ownership(PgSession &database, const RolePattern &roles, const QHash<QString, bool> &canLogin,
                             const ProbeControl &control, Outcome &outcome)
{
    const auto owners = database.query(u"select current_database(), pg_get_userbyid(d.datdba),"
                                       " (select pg_get_userbyid(nspowner) from pg_namespace where nspname = $1)"
                                       " from pg_database d where d.datname = current_database()"_s,
                                       {roles.schema}, control);
    if (!owners || owners->isEmpty())
        return;
    const QStringList &o = owners->first();
    if (o.at(1) != roles.owner)
        addFinding(outcome, tr("database %1 is owned by %2, not %3").arg(o.at(0), o.at(1), roles.owner));
    if (o.at(2).isNull()) {
        addFinding(outcome, tr("schema %1 does not exist in database %2").arg(roles.schema, o.at(0)));
        return;
    }
    if (o.at(2) != roles.owner)
        addFinding(outcome, tr("schema %1 is owned by %2, not %3").arg(roles.schema, o.at(2), roles.owner));
    for (const QString &role : {roles.app, roles.readOnly}) {
        if (!canLogin.contains(role))
            continue;
        const auto privileges
            = database.query(u"select has_schema_privilege($1, $2, 'USAGE'), c.relname,"
                             " has_table_privilege($1, c.oid, 'SELECT'), has_table_privilege($1, c.oid, 'INSERT'),"
                             " has_table_privilege($1, c.oid, 'UPDATE'), has_table_privilege($1, c.oid, 'DELETE')"
                             " from (select 1) one left join (pg_class c join pg_namespace n on n.oid = c.relnamespace"
                             " and n.nspname = $2 and c.relkind in ('r', 'p')) on true order by c.relname"_s,
                             {role, roles.schema}, control);
        if (!privileges)
            continue;
        const bool readOnly = role == roles.readOnly;
        for (const QStringList &row : *privileges) {
            if (row.at(0) != u"t") {
                addFinding(outcome, tr("%1 lacks USAGE on schema %2").arg(role, roles.schema));
                break;
            }
            if (row.at(1).isNull())
                break; // no tables yet
            const QString table = roles.schema + u'.' + row.at(1);
            if (row.at(2) != u"t")
                addFinding(outcome, tr("%1 lacks SELECT on %2").arg(role, table));
            const bool writes = row.at(3) == u"t" || row.at(4) == u"t" || row.at(5) == u"t";
            const bool allWrites = row.at(3) == u"t" && row.at(4) == u"t" && row.at(5) == u"t";
            if (readOnly && writes)
                addFinding(outcome, tr("the read-only role %1 can write to %2").arg(role, table));
            if (!readOnly && !allWrites)
                addFinding(outcome, tr("%1 lacks INSERT, UPDATE or DELETE on %2").arg(role, table));
        }
    }
}

void ServerChecks::settings(PgSession &admin, const project::ServerSettingLookup &lookup, const ProbeControl &control,
                            Outcome &outcome)
{
    const auto rows = admin.query(
        u"select name, setting, coalesce(unit, ''), vartype, pending_restart, current_setting(name) from pg_settings"_s,
        {}, control);
    if (!rows)
        return;
    int compared = 0;
    for (const QStringList &row : *rows) {
        if (row.at(4) == u"t")
            addFinding(outcome, tr("%1 was changed and waits for a restart (pending_restart)").arg(row.at(0)));
        if (!lookup)
            continue;
        const auto fileSetting = lookup(row.at(0));
        if (!fileSetting)
            continue;
        ++compared;
        if (sameSetting(fileSetting->value, row.at(1), row.at(2), row.at(3)))
            continue;
        outcome.serverRuns.insert(row.at(0), row.at(5));
        addFinding(outcome,
                   tr("%1: %2:%3 sets %4, the server runs %5")
                       .arg(row.at(0), fileSetting->file)
                       .arg(fileSetting->line)
                       .arg(fileSetting->value, row.at(5)));
    }
    outcome.stage.lines.append(
        lookup ? tr("%1 setting(s) of the project's postgresql.conf compared with the server").arg(compared)
               : tr("no project postgresql.conf: live settings not compared"));
}

} // namespace pgdial::core::probe
