#pragma once

#include "base/safefilewriter.h"
#include "project/projectsettings.h"

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

#include <QCommandLineParser>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <optional>

namespace pgdial::cli {

// pgdial-cli's exit codes (documented in docs/cli.md; scripts rely on them).
enum ExitCode {
    ExitClean = 0, // nothing of severity error (or the probe connected)
    ExitProblems = 1, // errors found (or the probe failed)
    ExitUsage = 2, // bad command line, or a file/folder that cannot be read
};

// Milliseconds since pgdial-cli started: deadlines given on the command line (probe --timeout)
// count the process's own start-up, as a user timing the command would.
qint64 millisecondsSinceStart();

// Where a command writes. Tests run the real binary, so this is plain stdout/stderr.
class CliOutput
{
public:
    void out(const QByteArray &bytes) const { std::fwrite(bytes.constData(), 1, bytes.size(), stdout); }
    void out(const QString &text) const { out(text.toUtf8()); }
    void err(const QString &text) const
    {
        const QByteArray bytes = text.toUtf8();
        std::fwrite(bytes.constData(), 1, bytes.size(), stderr);
    }
};

// One `pgdial-cli NAME ...` command.
class CliCommand
{
public:
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // `arguments` starts with "pgdial-cli NAME" so QCommandLineParser sees a normal argv.
    virtual int run(const QStringList &arguments, const CliOutput &output) = 0;

protected:
    // A refusal as the CLI prints it, "message [code]": scripts match the stable code.
    static QString withCode(const core::base::Error &error);

    // Parses with help handling and usage errors mapped to exit code 2. Returns -1 to continue.
    static int parse(QCommandLineParser &parser, const QStringList &arguments, const CliOutput &output);

    // `--pg-version N`, the same in every command that judges files for a server version;
    // `fromProject`: the command opens a project, whose environment gives the default.
    static QCommandLineOption pgVersionOption(bool fromProject = false);
    // The value of --pg-version (the default when not given), from `minimum` (PGTune also knows
    // 10-12) to the newest major pgdial knows; nullopt after writing the usage error (the command
    // then returns ExitUsage).
    static std::optional<int> pgVersionFrom(const QCommandLineParser &parser, const CliOutput &output,
                                            int minimum = core::project::ProjectSettings::minPgVersion);

    // `--env NAME`: the environment a project is judged as (its server image gives the target version).
    static QCommandLineOption envOption();
    // For a command that opened a project: the user's --pg-version when given (`userVersion`), else
    // the target version of the --env environment (else production's, else the first's; else the
    // default). False after writing the error of an unknown environment (then return ExitUsage).
    static bool applyTargetVersion(core::project::Project &project, const QString &environment,
                                   std::optional<int> userVersion, const CliOutput &output);
    // The same from a parser holding pgVersionOption() and envOption().
    static bool applyTargetVersion(const QCommandLineParser &parser, core::project::Project &project,
                                   const CliOutput &output);

    // `--build-features LIST` and `--local-server`: what the server reading the postgresql.conf
    // and pg_hba.conf files is (ProjectSettings::serverBuildFeatures, serverOnThisMachine), the
    // same in conf and check.
    static QList<QCommandLineOption> serverFactsOptions();
    static void applyServerFacts(const QCommandLineParser &parser, core::project::ProjectSettings &settings);
    // `--build-features LIST` alone (the hba commands); nullopt when not given (unknown build).
    static QCommandLineOption buildFeaturesOption();
    static std::optional<QSet<QString>> buildFeaturesFrom(const QCommandLineParser &parser);

    // `--force` (replace files that are read-only for their owner) and `--backup-dir DIR`, the
    // same in every command that writes files; writerFrom() makes the SafeFileWriter they ask for.
    static QList<QCommandLineOption> writerOptions();
    static core::base::SafeFileWriter writerFrom(const QCommandLineParser &parser);
};

} // namespace pgdial::cli
