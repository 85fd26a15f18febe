#include "cli/poolcommand.h"

#include "base/safefilewriter.h"
#include "environments/serverclientdetector.h"
#include "project/project.h"
#include "tuning/poolcalculator.h"
#include "tuning/poolsettingswriter.h"
#include "tuning/projectpoolsettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace pgdial::core::tuning;

namespace pgdial::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

QJsonValue sourced(const std::optional<SourcedNumber> &number)
{
    if (!number)
        return QJsonValue();
    return QJsonObject {{u"value"_s, number->value},
                        {u"file"_s, number->file},
                        {u"line"_s, number->line},
                        {u"written"_s, number->written},
                        {u"source"_s, number->provenance.sourceId()}};
}

// What --apply changes: the recommended pools in config.yaml and, when the recommendation is a
// server change, max_connections in postgresql.conf. Everything is planned before anything is
// written, so a refusal leaves every file as it was.
core::base::Result<QList<PoolFileEdit>> planApply(const core::project::Project &project, const PoolRecommendation &r,
                                                  const PoolInputs &in)
{
    QList<PoolFileEdit> plan;
    const core::base::Result<PoolFileEdit> app
        = PoolSettingsWriter::appConfigEdits(project, {r.poolSize, r.maxOverflow, r.poolTimeout});
    if (!app)
        return app.error();
    plan.append(*app);
    if (r.verdict == PoolVerdict::DoesNotFit && r.suggestedMaxConnections > in.maxConnections) {
        const core::base::Result<QList<PoolFileEdit>> server
            = PoolSettingsWriter::serverEdits(project, r.suggestedMaxConnections);
        if (!server)
            return server.error();
        plan.append(*server);
    }
    return plan;
}

// Applies each file's edits to the project's document and writes it (backup first).
core::base::Result<QStringList> writePlan(core::project::Project &project, const QList<PoolFileEdit> &plan,
                                          const core::base::SafeFileWriter &writer, const CliOutput &output)
{
    QStringList written;
    for (const PoolFileEdit &change : plan) {
        if (change.edits.isEmpty())
            continue;
        const std::shared_ptr<core::project::ProjectFile> file = project.findFile(change.file);
        for (const core::base::LineEdit &edit : change.edits)
            file->document->apply(edit);
        const core::base::Result<QString> saved = writer.write(file->absolutePath, file->document->toBytes());
        if (!saved)
            return saved.error();
        if (!saved->isEmpty())
            output.err(QCoreApplication::translate("cli", "%1: backup %2\n").arg(change.file, *saved));
        written.append(change.file);
    }
    return written;
}

} // namespace

QString PoolCommand::name() const
{
    return u"pool"_s;
}

QString PoolCommand::summary() const
{
    return tr("Size the application's connection pools against the server's max_connections.");
}

int PoolCommand::run(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption rps(u"rps"_s,
                                 tr("Peak requests in flight (the guide's 'max concurrent requests'); also "
                                    "picks the traffic-table row."),
                                 u"N"_s);
    const QCommandLineOption query(u"avg-query-ms"_s, tr("Average time a request holds a connection, in ms."), u"N"_s);
    const QCommandLineOption request(u"request-ms"_s, tr("Average request duration, in ms."), u"N"_s);
    const QCommandLineOption instances(u"instances"_s, tr("App instances (replicas), default 1."), u"N"_s);
    const QCommandLineOption workers(u"workers"_s,
                                     tr("Worker processes per instance, each with its own pool "
                                        "(default: config.yaml app.workers, else 1)."),
                                     u"N"_s);
    const QCommandLineOption maxConnections(u"max-connections"_s,
                                            tr("The server's max_connections (default: "
                                               "postgresql.conf, else 100)."),
                                            u"N"_s);
    const QCommandLineOption otherClients(u"other-clients"_s,
                                          tr("Connections of everything else: migrations, job "
                                             "workers, backups, admin sessions, replication, "
                                             "Temporal (default 0)."),
                                          u"N"_s);
    const QCommandLineOption client(u"client"_s,
                                    tr("A client of the server the project does not show, with the connections it "
                                       "holds at most (repeatable; a detected client's name sets its count)."),
                                    u"NAME=N"_s);
    const QCommandLineOption superuser(u"superuser-reserved"_s,
                                       tr("superuser_reserved_connections (default: "
                                          "postgresql.conf, else 3)."),
                                       u"N"_s);
    const QCommandLineOption reserved(u"reserved"_s,
                                      tr("reserved_connections, PostgreSQL 16+ (default: "
                                         "postgresql.conf, else 0)."),
                                      u"N"_s);
    const QCommandLineOption version = pgVersionOption(true);
    const QCommandLineOption environment = envOption();
    const QCommandLineOption project(u"project"_s,
                                     tr("Read pool settings and connection limits from this project "
                                        "folder."),
                                     u"FOLDER"_s);
    const QCommandLineOption json(u"json"_s, tr("Print JSON."));
    const QCommandLineOption apply(u"apply"_s,
                                   tr("With --project: write the recommended pool_size, max_overflow and pool_timeout "
                                      "into the project's config.yaml (a ${VAR:-default} gets a new "
                                      "default) and, when the pools cannot fit, the recommended "
                                      "max_connections into its postgresql.conf. A backup of each "
                                      "changed file is kept."));
    for (const QCommandLineOption &option : {rps, query, request, instances, workers, maxConnections, otherClients,
                                             client, superuser, reserved, version, environment, project, json, apply})
        parser.addOption(option);
    parser.addOptions(writerOptions());
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;

    auto fail = [&output](const QString &message) {
        output.err(u"pgdial-cli: "_s + message + u'\n');
        return int(ExitUsage);
    };
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("pool takes no positional arguments"));
    for (const QCommandLineOption &required : {rps, query, request})
        if (!parser.isSet(required))
            return fail(tr("pool needs --rps, --avg-query-ms and --request-ms"));

    auto positive = [&](const QCommandLineOption &option, double &target) {
        bool ok = false;
        const double value = parser.value(option).toDouble(&ok);
        if (!ok || value <= 0 || value > 1e9)
            return false;
        target = value;
        return true;
    };
    PoolInputs in;
    if (!positive(rps, in.concurrentRequests) || !positive(query, in.avgQueryMs) || !positive(request, in.requestMs))
        return fail(tr("--rps, --avg-query-ms and --request-ms must be positive numbers"));

    if (parser.isSet(apply) && !parser.isSet(project))
        return fail(tr("--apply needs --project FOLDER"));
    if (parser.isSet(environment) && !parser.isSet(project))
        return fail(tr("--env needs --project FOLDER"));
    ProjectPoolSettings fromProject;
    // Every client of the server: the project's (with --project) and the ones given here.
    core::environments::ServerClientList clients;
    std::optional<core::project::Project> openedProject;
    if (parser.isSet(project)) {
        core::base::Result<core::project::Project> opened = core::project::Project::open(parser.value(project));
        if (!opened)
            return fail(opened.error().message + u" ["_s + opened.error().code + u']');
        if (!pgVersionFrom(parser, output) || !applyTargetVersion(parser, *opened, output))
            return int(ExitUsage);
        fromProject = ProjectPoolSettings::read(*opened);
        clients = core::environments::ServerClientDetector::detect(*opened);
        openedProject = std::move(*opened);
    }

    auto integer = [&](const QCommandLineOption &option, int min, int max, const std::optional<SourcedNumber> &fallback,
                       int defaultValue, int &target) {
        if (!parser.isSet(option)) {
            target = fallback ? fallback->value : defaultValue;
            return true;
        }
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < min || value > max)
            return false;
        target = value;
        return true;
    };
    if (!integer(instances, 1, 100000, std::nullopt, clients.appInstances, in.instances))
        return fail(tr("--instances must be 1..100000"));
    if (!integer(workers, 1, 10000, fromProject.workers, 1, in.workersPerInstance))
        return fail(tr("--workers must be 1..10000"));
    if (!integer(maxConnections, 1, 262143, fromProject.maxConnections, 100, in.maxConnections))
        return fail(tr("--max-connections must be 1..262143"));
    int otherCount = 0;
    if (!integer(otherClients, 0, 262143, std::nullopt, 0, otherCount))
        return fail(tr("--other-clients must be 0..262143"));
    if (otherCount > 0)
        clients.addManual(QString(), otherCount);
    for (const QString &entry : parser.values(client)) {
        const qsizetype equals = entry.lastIndexOf(u'=');
        bool ok = false;
        const int count = equals > 0 ? entry.mid(equals + 1).toInt(&ok) : 0;
        if (!ok || count < 0 || count > 262143 || entry.left(equals).trimmed().isEmpty())
            return fail(tr("--client must be NAME=N with N 0..262143"));
        clients.addManual(entry.left(equals), count);
    }
    // The app's pools as counted here (--instances, --workers may differ from the project's).
    if (fromProject.poolSize
        && clients.appDemand()
            != std::max(1, in.instances) * std::max(1, in.workersPerInstance)
                * (fromProject.poolSize->value + (fromProject.maxOverflow ? fromProject.maxOverflow->value : 0)))
        clients.setAppPools(
            std::max(1, in.instances) * std::max(1, in.workersPerInstance),
            fromProject.poolSize->value + (fromProject.maxOverflow ? fromProject.maxOverflow->value : 0), in.instances);
    in.otherClients = clients.otherDemand();
    if (!integer(superuser, 0, 262143, fromProject.superuserReservedConnections, 3, in.superuserReservedConnections))
        return fail(tr("--superuser-reserved must be 0..262143"));
    if (!integer(reserved, 0, 262143, fromProject.reservedConnections, 0, in.reservedConnections))
        return fail(tr("--reserved must be 0..262143"));
    const std::optional<int> requestedVersion = pgVersionFrom(parser, output);
    if (!requestedVersion)
        return int(ExitUsage);
    // Without --pg-version a project's environment decides (reserved_connections needs 16).
    in.pgVersion = openedProject ? openedProject->settings.pgVersion : *requestedVersion;

    const PoolRecommendation r = PoolCalculator::recommend(in);

    // The project's current pools against the same budget.
    std::optional<int> currentDemand;
    if (fromProject.poolSize)
        currentDemand = r.processes
                * (fromProject.poolSize->value + (fromProject.maxOverflow ? fromProject.maxOverflow->value : 0))
            + in.otherClients;

    // --apply: plan every file first (a refusal writes nothing), then write them.
    QStringList changes;
    QStringList notes;
    if (parser.isSet(apply)) {
        const core::base::Result<QList<PoolFileEdit>> plan = planApply(*openedProject, r, in);
        if (!plan)
            return fail(withCode(plan.error()));
        const core::base::Result<QStringList> written = writePlan(*openedProject, *plan, writerFrom(parser), output);
        if (!written)
            return fail(withCode(written.error()));
        for (const PoolFileEdit &change : *plan) {
            for (const QString &line : change.changes)
                changes.append(
                    QString(line + (line.contains(u"max_connections"_s) ? tr(" (needs a restart)") : QString())));
            notes += change.notes;
        }
        for (const QString &note : std::as_const(notes))
            output.err(tr("pgdial-cli: note: %1\n").arg(note));
    }

    if (parser.isSet(json)) {
        QJsonObject report {
            {u"connections_needed"_s, r.connectionsNeeded},
            {u"processes"_s, r.processes},
            {u"per_process_need"_s, r.perProcessNeed},
            {u"traffic"_s,
             QJsonObject {{u"row"_s, r.trafficRow.label},
                          {u"pool_size"_s, r.trafficRow.poolSize},
                          {u"max_overflow"_s, r.trafficRow.maxOverflow},
                          {u"pool_timeout"_s, r.trafficRow.poolTimeout}}},
            {u"recommended"_s,
             QJsonObject {
                 {u"pool_size"_s, r.poolSize}, {u"max_overflow"_s, r.maxOverflow}, {u"pool_timeout"_s, r.poolTimeout}}},
            {u"demand"_s, r.totalDemand},
            {u"available"_s, r.available},
            {u"verdict"_s, poolVerdictName(r.verdict)},
            {u"explanation"_s, QJsonArray::fromStringList(r.explanation)},
        };
        if (r.verdict == PoolVerdict::DoesNotFit) {
            report.insert(u"server_change"_s, QJsonObject {{u"max_connections"_s, r.suggestedMaxConnections}});
            report.insert(u"pgbouncer"_s,
                          QJsonObject {{u"pool_mode"_s, u"transaction"_s},
                                       {u"max_client_conn"_s, r.pgbouncerMaxClientConnections},
                                       {u"default_pool_size"_s, r.pgbouncerDefaultPoolSize},
                                       {u"fits_current_server"_s, r.pgbouncerFits}});
        }
        if (parser.isSet(project))
            report.insert(
                u"project"_s,
                QJsonObject {{u"pool_size"_s, sourced(fromProject.poolSize)},
                             {u"max_overflow"_s, sourced(fromProject.maxOverflow)},
                             {u"pool_timeout"_s, sourced(fromProject.poolTimeout)},
                             {u"workers"_s, sourced(fromProject.workers)},
                             {u"max_connections"_s, sourced(fromProject.maxConnections)},
                             {u"current_demand"_s, currentDemand ? QJsonValue(*currentDemand) : QJsonValue()}});
        report.insert(u"clients"_s, clients.toJson());
        if (parser.isSet(apply)) {
            report.insert(u"applied"_s, QJsonArray::fromStringList(changes));
            report.insert(u"notes"_s, QJsonArray::fromStringList(notes));
        }
        output.out(QJsonDocument(report).toJson(QJsonDocument::Indented));
    } else {
        if (!clients.clients.isEmpty()) {
            output.out(clients.environment.isEmpty()
                           ? tr("clients of the server:\n")
                           : tr("clients of the server (environment %1):\n").arg(clients.environment));
            for (const QString &line : clients.toText())
                output.out(line + u'\n');
        }
        for (const QString &line : r.explanation)
            output.out(line + u'\n');
        output.out(tr("recommended per pool: pool_size: %1, max_overflow: %2, pool_timeout: %3\n")
                       .arg(r.poolSize)
                       .arg(r.maxOverflow)
                       .arg(r.poolTimeout));
        if (currentDemand)
            output.out(tr("project now: %1 pools x (%2 + %3) + %4 other clients = %5 (%6 available): %7\n")
                           .arg(r.processes)
                           .arg(fromProject.poolSize->value)
                           .arg(fromProject.maxOverflow ? fromProject.maxOverflow->value : 0)
                           .arg(in.otherClients)
                           .arg(*currentDemand)
                           .arg(r.available)
                           .arg(*currentDemand <= r.available ? tr("fits") : tr("does not fit")));
        for (const QString &change : std::as_const(changes))
            output.out(change + u'\n');
    }
    if (parser.isSet(apply)) {
        if (changes.isEmpty() && !parser.isSet(json))
            output.out(tr("the project already holds the recommended values; nothing to apply\n"));
        return ExitClean;
    }

    // Problems found: the recommendation cannot fit, or the project's own pools overflow the server.
    const bool problem = r.verdict == PoolVerdict::DoesNotFit || (currentDemand && *currentDemand > r.available);
    return problem ? ExitProblems : ExitClean;
}

} // namespace pgdial::cli
