#include "cli/confeditcommand.h"

#include "base/safefilewriter.h"
#include "base/textdocument.h"
#include "cli/confcommand.h"
#include "pgconf/confeditor.h"
#include "pgconf/confloader.h"
#include "pgconf/parametercatalog.h"
#include "project/projectsettings.h"
#include <QSet>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

} // namespace

QString ConfEditCommand::name() const
{
    return u"conf"_s;
}

QString ConfEditCommand::summary() const
{
    return ConfCommand().summary() + u' ' + tr("'conf set FILE NAME=VALUE...' and 'conf reset FILE NAME...' edit it.");
}

int ConfEditCommand::run(const QStringList &arguments, const CliOutput &output)
{
    const QString mode = arguments.value(1);
    if (mode == "set"_L1 || mode == "reset"_L1) {
        QStringList rest = arguments;
        rest[0] = arguments.value(0) + u' ' + mode;
        rest.removeAt(1);
        return runEdit(mode == "set"_L1, rest, output);
    }
    ConfCommand read;
    return read.run(arguments, output);
}

int ConfEditCommand::runEdit(bool set, const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(set ? tr("Set parameters in a postgresql.conf, changing only the lines concerned.")
                                         : tr("Comment out the lines that set parameters in a postgresql.conf."));
    const QCommandLineOption version = pgVersionOption();
    const QCommandLineOption dryRun(u"dry-run"_s, tr("Print what would change; write nothing."));
    const QCommandLineOption noBackup(u"no-backup"_s, tr("Do not keep FILE.bak copies of the changed files."));
    parser.addOption(version);
    parser.addOption(dryRun);
    parser.addOption(noBackup);
    parser.addOptions(writerOptions());
    parser.addPositionalArgument(u"file"_s, tr("The postgresql.conf to edit."), u"FILE"_s);
    parser.addPositionalArgument(set ? u"assignments"_s : u"names"_s,
                                 set ? tr("NAME=VALUE pairs (VALUE unquoted, as the server shows it).")
                                     : tr("Parameter names."),
                                 set ? u"NAME=VALUE..."_s : u"NAME..."_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;
    const std::optional<int> requestedVersion = pgVersionFrom(parser, output);
    if (!requestedVersion)
        return ExitUsage;
    const int major = *requestedVersion;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        output.err(set ? tr("pgdial-cli: conf set takes a file and at least one NAME=VALUE\n")
                       : tr("pgdial-cli: conf reset takes a file and at least one NAME\n"));
        return ExitUsage;
    }
    const QString topFile = QFileInfo(positional.first()).absoluteFilePath();
    if (!QFileInfo(topFile).isFile()) {
        output.err(tr("pgdial-cli: %1: no such file\n").arg(positional.first()));
        return ExitUsage;
    }
    const QString topDir = QFileInfo(topFile).absolutePath();
    const core::pgconf::ParameterCatalog &catalog = core::pgconf::ParameterCatalog::forVersion(major);

    // Every file is read once; edits accumulate in memory and are written only when all succeed.
    QHash<QString, core::base::TextDocument> documents; // by the loader's relative name
    QSet<QString> changed;
    auto absoluteOf = [&](const QString &relative) { return QDir::cleanPath(QDir(topDir).filePath(relative)); };
    auto documentFor = [&](const QString &relative) -> const core::base::TextDocument * {
        if (!documents.contains(relative)) {
            QFile file(absoluteOf(relative));
            if (!file.open(QIODevice::ReadOnly))
                return nullptr;
            documents.insert(relative, core::base::TextDocument::fromBytes(file.readAll()));
        }
        return &documents[relative];
    };

    QStringList changes;
    for (const QString &argument : positional.mid(1)) {
        QString parameter = argument;
        QString value;
        if (set) {
            const qsizetype equals = argument.indexOf(u'=');
            if (equals <= 0) {
                output.err(tr("pgdial-cli: expected NAME=VALUE, got \"%1\"\n").arg(argument));
                return ExitUsage;
            }
            parameter = argument.left(equals).trimmed();
            value = argument.mid(equals + 1);
        }
        core::pgconf::ConfLoader loader;
        for (auto it = documents.cbegin(); it != documents.cend(); ++it)
            loader.setOverride(absoluteOf(it.key()), it->toBytes());
        const core::pgconf::ConfLoadResult load = loader.load(topFile);
        const core::pgconf::ConfEditor editor(load, catalog, documentFor);
        const auto result = set ? editor.set(parameter, value) : editor.reset(parameter);
        if (!result) {
            output.err(
                u"pgdial-cli: %1: %2 [%3]\n"_s.arg(positional.first(), result.error().message, result.error().code));
            return ExitProblems;
        }
        for (const core::pgconf::ConfFileEdit &edit : result->edits) {
            if (!documentFor(edit.file)) {
                output.err(tr("pgdial-cli: cannot read %1\n").arg(edit.file));
                return ExitUsage;
            }
            documents[edit.file].apply(edit.edit);
            changed.insert(edit.file);
        }
        changes += result->changes;
    }

    if (!parser.isSet(dryRun)) {
        core::base::SafeFileWriter writer = writerFrom(parser);
        writer.backupPolicy
            = parser.isSet(noBackup) ? core::base::BackupPolicy::None : core::base::BackupPolicy::Single;
        for (const QString &file : changed) {
            const auto written = writer.write(absoluteOf(file), documents.value(file).toBytes());
            if (!written) {
                output.err(u"pgdial-cli: "_s + withCode(written.error()) + u'\n');
                return ExitUsage;
            }
            if (!written->isEmpty())
                output.err(tr("%1: backup %2\n").arg(file, *written));
        }
    }
    for (const QString &change : changes)
        output.out(change + u'\n');
    return ExitClean;
}

} // namespace pgdial::cli
