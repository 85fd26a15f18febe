#include "cli/hbaeditcommand.h"

#include "base/safefilewriter.h"
#include "base/textdocument.h"
#include "hba/hbaruleedits.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cli", text);
}

// A 1-based line number option's value, or 0 when it is not one.
int lineValue(const QString &text)
{
    bool ok = false;
    const int line = text.toInt(&ok);
    return ok && line > 0 ? line : 0;
}

QJsonArray linesJson(const QList<QByteArray> &lines)
{
    QJsonArray array;
    for (const QByteArray &line : lines)
        array.append(QString::fromUtf8(line));
    return array;
}

} // namespace

QString HbaEditCommand::name() const
{
    return u"hba edit"_s;
}

QString HbaEditCommand::summary() const
{
    return tr("Add, delete, move, enable, disable a pg_hba.conf rule or set one of its fields, changing only "
              "the lines concerned.");
}

int HbaEditCommand::run(const QStringList &arguments, const CliOutput &output)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption add(u"add"_s, tr("Insert RULE (e.g. \"host appdb app 10.0.0.0/8 scram-sha-256\")."),
                                 u"RULE"_s);
    const QCommandLineOption before(u"before"_s, tr("With --add or --move: the line to put the rule before."),
                                    u"LINE"_s);
    const QCommandLineOption remove(u"delete"_s, tr("Delete the rule on LINE."), u"LINE"_s);
    const QCommandLineOption move(u"move"_s, tr("Move the rule on LINE (with --before)."), u"LINE"_s);
    const QCommandLineOption enable(u"enable"_s, tr("Uncomment the rule commented out on LINE."), u"LINE"_s);
    const QCommandLineOption disable(u"disable"_s, tr("Comment out the rule on LINE."), u"LINE"_s);
    const QCommandLineOption set(
        u"set"_s,
        tr("Set a field of the rule on LINE; with FIELD=VALUE as the next argument (type, database, user, address, "
           "netmask, method, options, comment)."),
        u"LINE"_s);
    const QCommandLineOption json(u"json"_s, tr("Print JSON: {ok, file_name, description, line, removed, inserted}."));
    const QCommandLineOption dryRun(u"dry-run"_s, tr("Print what would change; write nothing."));
    const QCommandLineOption noBackup(u"no-backup"_s, tr("Do not keep a FILE.bak copy."));
    parser.addOptions({add, before, remove, move, enable, disable, set, json, dryRun, noBackup, pgVersionOption(),
                       buildFeaturesOption()});
    parser.addPositionalArgument(u"file"_s, tr("The pg_hba.conf to edit."), u"FILE"_s);
    if (const int code = parse(parser, arguments, output); code >= 0)
        return code;
    const std::optional<int> pgVersion = pgVersionFrom(parser, output);
    if (!pgVersion)
        return ExitUsage;

    int operations = 0;
    for (const QCommandLineOption *option : {&add, &remove, &move, &enable, &disable, &set})
        operations += parser.isSet(*option) ? 1 : 0;
    QStringList positional = parser.positionalArguments();
    const bool setting = parser.isSet(set);
    const bool beforeAllowed = parser.isSet(add) || parser.isSet(move);
    if (operations != 1 || positional.size() != (setting ? 2 : 1) || (parser.isSet(before) && !beforeAllowed)
        || (parser.isSet(move) && !parser.isSet(before))) {
        output.err(tr("pgdial-cli: hba edit takes FILE and one of --add RULE [--before LINE], --delete LINE, "
                      "--move LINE --before LINE, --enable LINE, --disable LINE, --set LINE FIELD=VALUE\n"));
        return ExitUsage;
    }
    const QString path = QFileInfo(positional.first()).absoluteFilePath();
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly)) {
        output.err(tr("pgdial-cli: cannot read \"%1\"\n").arg(positional.first()));
        return ExitUsage;
    }
    const core::base::TextDocument document = core::base::TextDocument::fromBytes(file.readAll());
    file.close();

    // Every LINE argument must be a line number before anything is looked at.
    int line = 0;
    int beforeLine = 0;
    for (const QCommandLineOption *option : {&remove, &move, &enable, &disable, &set}) {
        if (parser.isSet(*option) && !(line = lineValue(parser.value(*option)))) {
            output.err(tr("pgdial-cli: --%1 takes a line number\n").arg(option->names().first()));
            return ExitUsage;
        }
    }
    if (parser.isSet(before) && !(beforeLine = lineValue(parser.value(before)))) {
        output.err(tr("pgdial-cli: --before takes a line number\n"));
        return ExitUsage;
    }
    QString field;
    QString value;
    if (setting) {
        const QString assignment = positional.at(1);
        const qsizetype equals = assignment.indexOf(u'=');
        if (equals <= 0) {
            output.err(tr("pgdial-cli: --set takes LINE and FIELD=VALUE, got \"%1\"\n").arg(assignment));
            return ExitUsage;
        }
        field = assignment.left(equals).trimmed().toLower();
        value = assignment.mid(equals + 1);
    }

    const core::hba::HbaRuleEdits edits(document, path,
                                        core::hba::HbaParseOptions::forServer(*pgVersion, buildFeaturesFrom(parser)));
    const core::base::Result<core::hba::HbaEdit> edit = parser.isSet(add) ? edits.add(parser.value(add), beforeLine)
        : parser.isSet(remove)                                            ? edits.remove(line)
        : parser.isSet(move)                                              ? edits.move(line, beforeLine)
        : parser.isSet(enable)                                            ? edits.enable(line)
        : parser.isSet(disable)                                           ? edits.disable(line)
                                                                          : edits.set(line, field, value);
    const QString fileName = QFileInfo(path).fileName();
    if (!edit) {
        if (parser.isSet(json)) {
            output.out(QJsonDocument(QJsonObject {{u"ok"_s, false},
                                                  {u"file_name"_s, fileName},
                                                  {u"error"_s,
                                                   QJsonObject {{u"code"_s, edit.error().code},
                                                                {u"message"_s, edit.error().message}}}})
                           .toJson(QJsonDocument::Indented));
        }
        output.err(u"pgdial-cli: %1: %2 [%3]\n"_s.arg(positional.first(), edit.error().message, edit.error().code));
        return ExitProblems;
    }

    core::base::TextDocument after = document;
    const core::base::LineEdit inverse = after.apply(edit->edit);
    if (!parser.isSet(dryRun)) {
        core::base::SafeFileWriter writer;
        writer.backupPolicy
            = parser.isSet(noBackup) ? core::base::BackupPolicy::None : core::base::BackupPolicy::Single;
        const auto written = writer.write(path, after.toBytes());
        if (!written) {
            output.err(u"pgdial-cli: "_s + withCode(written.error()) + u'\n');
            return ExitUsage;
        }
    }
    // The lines the edit replaced (its inverse puts them back) and the ones it wrote.
    QList<QByteArray> removed = inverse.lines;
    QList<QByteArray> inserted;
    for (int i = 0; i < inverse.removeCount; ++i)
        inserted.append(after.line(inverse.firstIndex + i));
    const int firstLine = inverse.firstIndex + 1;
    if (parser.isSet(json)) {
        output.out(QJsonDocument(QJsonObject {{u"ok"_s, true},
                                              {u"file_name"_s, fileName},
                                              {u"description"_s, edit->description},
                                              {u"line"_s, firstLine},
                                              {u"removed"_s, linesJson(removed)},
                                              {u"inserted"_s, linesJson(inserted)},
                                              {u"written"_s, !parser.isSet(dryRun)}})
                       .toJson(QJsonDocument::Indented));
        return ExitClean;
    }
    QString text = u"%1:%2: %3\n"_s.arg(fileName).arg(firstLine).arg(edit->description);
    for (const QByteArray &gone : std::as_const(removed))
        text += u"- "_s + QString::fromUtf8(gone) + u'\n';
    for (const QByteArray &added : std::as_const(inserted))
        text += u"+ "_s + QString::fromUtf8(added) + u'\n';
    output.out(text);
    return ExitClean;
}

} // namespace pgdial::cli
