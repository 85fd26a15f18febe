#include "cli/clicommand.h"

#include "environments/targetversion.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

namespace {
// Started during static initialisation, before main() and Qt's own start-up.
const QElapsedTimer processClock = [] {
    QElapsedTimer timer;
    timer.start();
    return timer;
}();
} // namespace

qint64 millisecondsSinceStart()
{
    return processClock.elapsed();
}

QString CliCommand::withCode(const core::base::Error &error)
{
    return u"%1 [%2]"_s.arg(error.message, error.code);
}

int CliCommand::parse(QCommandLineParser &parser, const QStringList &arguments, const CliOutput &output)
{
    const QCommandLineOption help({u"h"_s, u"help"_s}, QCoreApplication::translate("cli", "Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        output.err(u"pgdial-cli: "_s + parser.errorText() + u"\n"_s);
        output.err(QCoreApplication::translate("cli", "Try '%1 --help'.\n").arg(arguments.mid(0, 2).join(u' ')));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        output.out(parser.helpText());
        return ExitClean;
    }
    return -1;
}

QCommandLineOption CliCommand::pgVersionOption(bool fromProject)
{
    // No default value: a project's environment supplies the version when the option is not given.
    const QString description = fromProject
        ? QCoreApplication::translate("cli",
                                      "Target PostgreSQL major version (%1-%2; default: the server image of the "
                                      "project's environment, else %3).")
        : QCoreApplication::translate("cli", "Target PostgreSQL major version (%1-%2, default %3).");
    return QCommandLineOption(u"pg-version"_s,
                              description.arg(core::project::ProjectSettings::minPgVersion)
                                  .arg(core::project::ProjectSettings::maxPgVersion)
                                  .arg(core::project::ProjectSettings::defaultPgVersion),
                              u"N"_s);
}

QCommandLineOption CliCommand::envOption()
{
    return QCommandLineOption(u"env"_s,
                              QCoreApplication::translate("cli",
                                                          "The project's environment to judge the files for (see "
                                                          "'pgdial-cli envs'; default: production, else the first)."),
                              u"NAME"_s);
}

bool CliCommand::applyTargetVersion(core::project::Project &project, const QString &environment,
                                    std::optional<int> userVersion, const CliOutput &output)
{
    core::project::ProjectSettings &settings = project.settings;
    settings.pgVersionFromUser = userVersion.has_value();
    if (userVersion)
        settings.pgVersion = *userVersion;
    settings.environment = environment;
    const core::base::Result<void> applied = core::environments::TargetVersion::apply(project);
    if (!applied) {
        output.err(u"pgdial-cli: "_s + applied.error().message + u" ["_s + applied.error().code + u"]\n"_s);
        return false;
    }
    return true;
}

bool CliCommand::applyTargetVersion(const QCommandLineParser &parser, core::project::Project &project,
                                    const CliOutput &output)
{
    const bool given = parser.isSet(u"pg-version"_s); // its value was checked by pgVersionFrom
    return applyTargetVersion(project, parser.value(u"env"_s),
                              given ? std::optional<int>(parser.value(u"pg-version"_s).toInt()) : std::nullopt, output);
}

QList<QCommandLineOption> CliCommand::writerOptions()
{
    return {
        QCommandLineOption(u"force"_s,
                           QCoreApplication::translate("cli",
                                                       "Also replace files that are read-only for "
                                                       "their owner (mode 0444).")),
        QCommandLineOption(u"backup-dir"_s,
                           QCoreApplication::translate("cli",
                                                       "Keep backups in DIR (default: beside the file, or under "
                                                       "$XDG_STATE_HOME/pgdial/backups when the file is inside a "
                                                       "PostgreSQL data directory)."),
                           u"DIR"_s),
    };
}

core::base::SafeFileWriter CliCommand::writerFrom(const QCommandLineParser &parser)
{
    core::base::SafeFileWriter writer;
    writer.overwriteReadOnly = parser.isSet(u"force"_s);
    writer.backupDirectory = parser.value(u"backup-dir"_s);
    return writer;
}

QList<QCommandLineOption> CliCommand::serverFactsOptions()
{
    // Unknown by default, so the values whose verdict depends on them (lz4, locales, ...) are
    // warnings; naming them turns those into errors or nothing.
    return {
        buildFeaturesOption(),
        QCommandLineOption(u"local-server"_s,
                           QCoreApplication::translate("cli",
                                                       "The server runs on this machine: locales and the "
                                                       "stack limit are judged here, as errors.")),
    };
}

QCommandLineOption CliCommand::buildFeaturesOption()
{
    return QCommandLineOption(
        u"build-features"_s,
        QCoreApplication::translate("cli",
                                    "The server's build features, comma-separated (%1); values and pg_hba.conf "
                                    "methods needing a missing one are errors instead of warnings.")
            .arg(core::project::ProjectSettings::knownBuildFeatures().join(u", "_s)),
        u"LIST"_s);
}

std::optional<QSet<QString>> CliCommand::buildFeaturesFrom(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"build-features"_s))
        return std::nullopt;
    QSet<QString> features;
    for (const QString &feature : parser.value(u"build-features"_s).split(u',', Qt::SkipEmptyParts))
        features.insert(feature.trimmed().toLower());
    return features;
}

void CliCommand::applyServerFacts(const QCommandLineParser &parser, core::project::ProjectSettings &settings)
{
    settings.serverOnThisMachine = parser.isSet(u"local-server"_s);
    if (const std::optional<QSet<QString>> features = buildFeaturesFrom(parser))
        settings.serverBuildFeatures = features;
}

std::optional<int> CliCommand::pgVersionFrom(const QCommandLineParser &parser, const CliOutput &output, int minimum)
{
    if (!parser.isSet(u"pg-version"_s))
        return core::project::ProjectSettings::defaultPgVersion;
    bool ok = false;
    const int version = parser.value(u"pg-version"_s).toInt(&ok);
    if (ok && version >= minimum && version <= core::project::ProjectSettings::maxPgVersion)
        return version;
    output.err(QCoreApplication::translate("cli", "pgdial-cli: --pg-version must be a major version from %1 to %2\n")
                   .arg(minimum)
                   .arg(core::project::ProjectSettings::maxPgVersion));
    return std::nullopt;
}

} // namespace pgdial::cli
