#include "cli/tunecommand.h"

#include "base/safefilewriter.h"
#include "environments/serverclientdetector.h"
#include "pgconf/valueformatter.h"
#include "project/project.h"
#include "tuning/clientbudget.h"
#include "tuning/conftuningtarget.h"
#include "tuning/machinedetector.h"
#include "tuning/pgdialprofile.h"
#include "tuning/pgtuneprofile.h"
#include "tuning/projectconftuning.h"
#include "tuning/projectpoolsettings.h"
#include "tuning/tuningdiff.h"
#include "tuning/tuningformatter.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace pgdial::core::tuning;
using pgdial::core::base::Result;

namespace pgdial::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

int usageError(const CliOutput &output, const QString &message)
{
    output.err(u"pgdial-cli: "_s + message + u'\n');
    return ExitUsage;
}

// A positive integer option within [min, max]; nullopt (and an error) when malformed.
std::optional<int> intOption(const QString &text, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

QJsonObject rowJson(const TuningDiffRow &row)
{
    QJsonObject object {{u"name"_s, row.name},
                        {u"recommended"_s, row.recommended.isEmpty() ? QJsonValue() : QJsonValue(row.recommended)},
                        {u"changes"_s, row.changes},
                        {u"restart"_s, row.needsRestart},
                        {u"reason"_s, row.reason}};
    if (row.current) {
        object.insert(u"setting"_s, row.current->value);
        object.insert(u"sourcefile"_s, row.current->file);
        object.insert(u"sourceline"_s, row.current->line);
    } else {
        object.insert(u"setting"_s, QJsonValue());
        object.insert(u"sourcefile"_s, QJsonValue());
        object.insert(u"sourceline"_s, QJsonValue());
    }
    return object;
}

} // namespace

QString TuneCommand::name() const
{
    return u"tune"_s;
}

QString TuneCommand::summary() const
{
    return tr("Suggest postgresql.conf tuning (profiles pgdial and pgtune); diff and apply.");
}

int TuneCommand::run(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption ram(u"ram"_s,
                                 tr("Memory of the database machine: 512MB..999999TB (default: this machine's, "
                                    "cgroup limits included)."),
                                 u"SIZE"_s);
    const QCommandLineOption cpus(u"cpus"_s, tr("CPU count (default: this machine's when --ram is not given)."),
                                  u"N"_s);
    const QCommandLineOption connections(u"connections"_s, tr("max_connections to plan for (20..999999)."), u"N"_s);
    const QCommandLineOption storage(u"storage"_s, tr("nvme, ssd, san or hdd (default ssd)."), u"TYPE"_s, u"ssd"_s);
    const QCommandLineOption workload(u"workload"_s, tr("web, oltp, dw, desktop or mixed (default web)."), u"TYPE"_s,
                                      u"web"_s);
    const QCommandLineOption dbSize(u"db-size"_s, tr("Data size against RAM: less_ram, mid_ram or greater_ram."),
                                    u"SIZE"_s, u"mid_ram"_s);
    QCommandLineOption version = pgVersionOption();
    version.setDescription(tr("PostgreSQL major version (pgtune 10-18, pgdial 13-18; default: with --project the "
                              "server image of its environment, else 17)."));
    const QCommandLineOption environment = envOption();
    const QCommandLineOption os(u"os"_s, tr("linux, windows or mac (default linux)."), u"OS"_s, u"linux"_s);
    const QCommandLineOption profile(u"profile"_s, tr("pgdial (default) or pgtune (bit-exact with PGTune)."), u"NAME"_s,
                                     u"pgdial"_s);
    const QCommandLineOption poolDemand(u"pool-demand"_s,
                                        tr("pgdial profile: connections the app's pools and other "
                                           "clients need (see 'pgdial-cli pool')."),
                                        u"N"_s);
    const QCommandLineOption format(u"format"_s, tr("conf, alter-system, json, or diff (with --against)."),
                                    u"FORMAT"_s);
    const QCommandLineOption against(u"against"_s, tr("Compare with this postgresql.conf (includes followed)."),
                                     u"FILE"_s);
    const QCommandLineOption project(u"project"_s,
                                     tr("A pgdial project folder: compare with its main postgresql.conf "
                                        "(unless --against) and, for the pgdial profile, size "
                                        "max_connections from its config.yaml pools (unless "
                                        "--pool-demand or --connections)."),
                                     u"FOLDER"_s);
    const QCommandLineOption instances(u"instances"_s,
                                       tr("With --project: app instances sharing the server "
                                          "(default 1)."),
                                       u"N"_s, u"1"_s);
    const QCommandLineOption apply(u"apply"_s,
                                   tr("Write the recommended values that differ into the --against "
                                      "file and its includes (backups FILE.bak are kept)."));
    for (const QCommandLineOption &option : {ram, cpus, connections, storage, workload, dbSize, version, environment,
                                             os, profile, poolDemand, format, against, project, instances, apply})
        parser.addOption(option);
    parser.addOptions(writerOptions());
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(output, tr("tune takes no positional arguments"));

    TuningInputs in;
    const QString profileName = parser.value(profile);
    if (profileName != u"pgdial" && profileName != u"pgtune")
        return usageError(output, tr("--profile must be pgdial or pgtune"));
    const bool pgtune = profileName == u"pgtune";

    // PGTune's own table goes back to 10; pgdial's profile and catalogs start at 13.
    const std::optional<int> pgVersion
        = pgVersionFrom(parser, output, pgtune ? 10 : core::project::ProjectSettings::minPgVersion);
    if (!pgVersion)
        return ExitUsage;
    in.pgVersion = *pgVersion;
    const auto storageValue = storageFromName(parser.value(storage));
    const auto workloadValue = workloadFromName(parser.value(workload));
    const auto dbSizeValue = dbSizeFromName(parser.value(dbSize));
    const auto osValue = osFromName(parser.value(os));
    if (!storageValue)
        return usageError(output, tr("--storage must be nvme, ssd, san or hdd"));
    if (!workloadValue)
        return usageError(output, tr("--workload must be web, oltp, dw, desktop or mixed"));
    if (!dbSizeValue)
        return usageError(output, tr("--db-size must be less_ram, mid_ram or greater_ram"));
    if (!osValue)
        return usageError(output, tr("--os must be linux, windows or mac"));
    in.storage = *storageValue;
    in.workload = *workloadValue;
    in.dbSize = *dbSizeValue;
    in.os = *osValue;

    if (parser.isSet(ram)) {
        const auto amount = parseMemoryAmount(parser.value(ram));
        if (!amount || amount->amount > 999999 || (amount->unit == MemoryUnit::MB && amount->amount < 512))
            return usageError(output, tr("--ram must be like 16GB, 512MB or 1TB (512MB..999999TB)"));
        in.totalMemory = amount->amount;
        in.memoryUnit = amount->unit;
    } else {
        const MachineInfo machine = MachineDetector().detect();
        const qint64 mb = machine.ramBytes / (1024 * 1024);
        if (mb < 512)
            return usageError(output, tr("this machine has less than 512MB for PostgreSQL; give --ram"));
        in.totalMemory = mb % 1024 == 0 ? mb / 1024 : mb;
        in.memoryUnit = mb % 1024 == 0 ? MemoryUnit::GB : MemoryUnit::MB;
        if (!parser.isSet(cpus) && machine.cpus > 0)
            in.cpus = machine.cpus;
    }
    if (parser.isSet(cpus)) {
        const auto value = intOption(parser.value(cpus), 1, 999999);
        if (!value)
            return usageError(output, tr("--cpus must be 1..999999"));
        in.cpus = *value;
    }
    if (parser.isSet(connections)) {
        const auto value = intOption(parser.value(connections), 20, 999999);
        if (!value)
            return usageError(output, tr("--connections must be 20..999999"));
        in.connections = *value;
    }
    PgDialContext context;
    core::environments::ServerClientList clients;
    if (parser.isSet(poolDemand)) {
        const auto value = intOption(parser.value(poolDemand), 1, 262000);
        if (!value)
            return usageError(output, tr("--pool-demand must be 1..262000"));
        context.poolDemand = *value;
    }

    if (parser.isSet(environment) && !parser.isSet(project))
        return usageError(output, tr("--env needs --project FOLDER"));
    // --project: the project's main postgresql.conf and its app's pool demand.
    QString againstPath = parser.value(against);
    if (parser.isSet(project)) {
        const auto appInstances = intOption(parser.value(instances), 1, 10000);
        if (!appInstances)
            return usageError(output, tr("--instances must be 1..10000"));
        Result<core::project::Project> opened = core::project::Project::open(parser.value(project));
        if (!opened)
            return usageError(output, opened.error().message);
        // Without --pg-version the project's environment names the server's version.
        if (!parser.isSet(version)) {
            if (!applyTargetVersion(*opened, parser.value(environment), std::nullopt, output))
                return ExitUsage;
            in.pgVersion = opened->settings.pgVersion;
            if (!opened->settings.pgVersionSourceFile.isEmpty())
                output.err(tr("PostgreSQL %1 from %2:%3 (%4)\n")
                               .arg(in.pgVersion)
                               .arg(opened->settings.pgVersionSourceFile)
                               .arg(opened->settings.pgVersionSourceLine)
                               .arg(opened->settings.pgVersionEnvironment));
        } else if (!applyTargetVersion(*opened, parser.value(environment), in.pgVersion, output)) {
            return ExitUsage;
        }
        if (againstPath.isEmpty()) {
            const ProjectConfState state = ProjectConfTuning::read(*opened, in.pgVersion);
            if (state.topFile.isEmpty())
                return usageError(output, tr("the project has no postgresql.conf to compare with"));
            againstPath = opened->absolutePathOf(state.topFile);
        }
        // Every client of the server the project shows: the pgdial profile sizes max_connections
        // from them, and neither profile recommends fewer than they need.
        if (parser.isSet(instances))
            opened->settings.appInstances = *appInstances;
        clients = core::environments::ServerClientDetector::detect(*opened);
        output.err(
            tr("clients of the server%1:\n")
                .arg(clients.environment.isEmpty() ? QString() : tr(" (environment %1)").arg(clients.environment)));
        for (const QString &line : clients.toText())
            output.err(line + u'\n');
        context.minimumConnections = clients.needed();
        context.worstCaseConnections = clients.worstCase();
        context.demandDetail = ClientBudget::breakdown(clients);
        if (pgtune) {
            const int before = PgTuneProfile::maxConnections(in);
            ClientBudget::applyTo(clients, in);
            if (PgTuneProfile::maxConnections(in) != before)
                output.err(tr("max_connections planned as %1, not %2: the project's clients need that many\n")
                               .arg(*in.connections)
                               .arg(before));
        }
        if (!pgtune && !parser.isSet(poolDemand) && !parser.isSet(connections)) {
            const ProjectPoolSettings pools = ProjectPoolSettings::read(*opened);
            if (clients.demand() > 0)
                context.poolDemand = clients.demand();
            if (const auto demand = pools.appDemand(*appInstances)) {
                output.err(tr("pool demand %1 from %2:%3 (%4 instance(s) x %5 worker(s) x (pool_size %6 + "
                              "max_overflow %7))\n")
                               .arg(*demand)
                               .arg(pools.poolSize->file)
                               .arg(pools.poolSize->line)
                               .arg(*appInstances)
                               .arg(pools.workers ? pools.workers->value : 1)
                               .arg(pools.poolSize->value)
                               .arg(pools.maxOverflow ? pools.maxOverflow->value : 0));
            }
        }
    }
    const bool hasAgainst = !againstPath.isEmpty();
    QString formatName = parser.value(format);
    if (formatName.isEmpty())
        formatName = hasAgainst ? u"diff"_s : u"conf"_s;
    if (formatName != u"conf" && formatName != u"alter-system" && formatName != u"json" && formatName != u"diff")
        return usageError(output, tr("--format must be conf, alter-system, json or diff"));
    if (formatName == u"diff" && !hasAgainst)
        return usageError(output, tr("--format diff needs --against FILE or --project FOLDER"));
    if (parser.isSet(apply) && !hasAgainst)
        return usageError(output, tr("--apply needs --against FILE or --project FOLDER"));

    const TuningResult pgtuneResult = PgTuneProfile::compute(in);
    const TuningResult pgdialResult = in.pgVersion >= 13 ? PgDialProfile::compute(in, context) : TuningResult {};
    const TuningResult &chosen = pgtune ? pgtuneResult : pgdialResult;
    const TuningResult &other = pgtune ? pgdialResult : pgtuneResult;

    if (!hasAgainst) {
        if (formatName == u"json") {
            QByteArray json = TuningFormatter::toJson(chosen);
            if (!pgtune) {
                // The pgdial profile adds reasons and restart marks after the common two keys.
                json.chop(3); // "\n}\n"
                json += ",\n  \"details\": "
                    + QJsonDocument(TuningFormatter::detailsJson(chosen)).toJson(QJsonDocument::Compact) + "\n}\n";
            }
            output.out(json);
        } else if (formatName == u"alter-system") {
            output.out(TuningFormatter::toAlterSystemScript(in, chosen) + u'\n');
        } else {
            output.out(TuningFormatter::toConf(in, chosen) + u'\n');
        }
        return ExitClean;
    }

    // --against FILE: current values (file:line, includes followed) against the recommendation.
    const QString path = againstPath;
    const QString display = QFileInfo(path).fileName();
    Result<ConfTuningTarget> opened = ConfTuningTarget::open(path, std::max(13, in.pgVersion));
    if (!opened)
        return usageError(output, opened.error().message);
    ConfTuningTarget &target = *opened;
    const core::project::ServerSettingLookup lookup = target.lookup();
    const QList<TuningDiffRow> rows
        = TuningDiff::compare(chosen, other, lookup, catalogParameterLimits(), std::max(13, in.pgVersion));
    const QStringList existing = TuningDiff::existingWarnings(lookup, in);

    QList<QPair<QString, QString>> changes;
    for (const TuningDiffRow &row : rows)
        if (row.changes)
            changes.append({row.name, row.recommended});

    if (parser.isSet(apply)) {
        // Lossless edits through the conf engine: the winning line's value, else the commented
        // sample line, else one inserted line.
        const Result<QStringList> applied = target.set(changes);
        if (!applied)
            return usageError(output, withCode(applied.error()));
        for (const QString &file : target.changedFiles()) {
            const core::base::Result<QString> written
                = writerFrom(parser).write(target.absolutePath(file), target.bytes(file));
            if (!written)
                return usageError(output, withCode(written.error()));
            if (!written->isEmpty())
                output.err(tr("%1: backup %2\n").arg(file, *written));
        }
        for (const QString &change : *applied)
            output.out(change + u'\n');
        int restart = 0;
        for (const TuningDiffRow &row : rows)
            restart += row.changes && row.needsRestart ? 1 : 0;
        output.out(tr("%1: %2 setting(s) changed; %3 of them need a restart, the others a reload\n")
                       .arg(display)
                       .arg(changes.size())
                       .arg(restart));
        return ExitClean;
    }

    if (formatName == u"json") {
        QJsonArray rowArray;
        for (const TuningDiffRow &row : rows)
            rowArray.append(rowJson(row));
        QJsonObject report {{u"profile"_s, profileName},
                            {u"file"_s, display},
                            {u"rows"_s, rowArray},
                            {u"warnings"_s, QJsonArray::fromStringList(existing)},
                            {u"profile_warnings"_s, QJsonArray::fromStringList(chosen.warnings)}};
        if (parser.isSet(project))
            report.insert(u"clients"_s, clients.toJson());
        output.out(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else if (formatName == u"conf" || formatName == u"alter-system") {
        // Export only what would change, in the chosen layout's line form.
        for (const auto &[name, value] : changes)
            output.out(formatName == u"conf"
                           ? name + u" = "_s + QString::fromUtf8(core::pgconf::ValueFormatter::toToken(value)) + u'\n'
                           : u"ALTER SYSTEM SET %1 = '%2';\n"_s.arg(name, value));
        if (formatName == u"alter-system" && !changes.isEmpty()) {
            QStringList names;
            for (const auto &change : changes)
                names.append(change.first);
            output.out(TuningFormatter::alterSystemEnding(names, in.pgVersion).mid(1) + u'\n');
        }
    } else {
        for (const QString &warning : existing)
            output.out(tr("warning: %1\n").arg(warning));
        for (const TuningDiffRow &row : rows) {
            const QString current = row.current
                ? row.current->value + u" ("_s + row.current->file + u':' + QString::number(row.current->line) + u')'
                : tr("(default)");
            const QString mark = !row.changes ? u"  "_s : u"* "_s;
            output.out(mark + row.name.leftJustified(33) + u' ' + current.leftJustified(34) + u" -> "_s
                       + (row.recommended.isEmpty() ? tr("(unchanged by %1)").arg(profileName) : row.recommended)
                       + (row.changes && row.needsRestart ? tr("  [restart]") : QString()) + u'\n');
        }
        output.err(
            tr("%1 of %2 parameter(s) would change ('*'); --apply writes them\n").arg(changes.size()).arg(rows.size()));
    }
    return ExitClean;
}

} // namespace pgdial::cli
