#include "live/driftanalyzer.h"

#include "base/linediff.h"
#include "hba/hbaparser.h"
#include "live/hbaruleview.h"
#include "pgconf/confprojectanalyzer.h"
#include "probe/projectconninfo.h"
#include "probe/serverchecks.h"
#include "project/project.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace pgdial::core::live {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("live", text);
}

bool isAutoConf(const QString &path)
{
    return path.endsWith(u"/postgresql.auto.conf"_s) || path == u"postgresql.auto.conf"_s;
}

// The sources through which a server's own configuration (not this session's) sets a value.
// Servers 13 and 14 call the max_stack_depth they derive from the stack limit an "environment
// variable" (15+ say "default"): their own default, not a setting anyone made.
bool isServerDefault(const LiveSetting &setting)
{
    return setting.source == u"default"
        || (setting.source == u"environment variable" && setting.name == u"max_stack_depth");
}

bool isConfigurationSource(const LiveSetting &setting)
{
    return !isServerDefault(setting)
        && (setting.source == u"configuration file" || setting.source == u"command line"
            || setting.source == u"environment variable");
}

base::Diagnostic diagnostic(base::Severity severity, const QString &code, const QString &message)
{
    base::Diagnostic d;
    d.severity = severity;
    d.code = code;
    d.message = message;
    return d;
}

// What the project's postgresql.conf sets: the last line of each name wins, as in the server's
// reading, whether or not the server accepts its value (that is the server's to say).
struct FileSetting
{
    QString name;
    QString value;
    QString setting; // pgdial's reading in the server's unit, when the line is the one in effect
    DriftLocation location;
};

QHash<QString, FileSetting> fileSettings(project::Project &project, DriftReport &report)
{
    QHash<QString, FileSetting> settings;
    const auto analysis = pgconf::ConfProjectAnalyzer::mainAnalysis(project);
    if (!analysis) {
        report.diagnostics.append(diagnostic(base::Severity::Info, u"live.no-project-conf"_s,
                                             tr("the project has no postgresql.conf: only the server's settings "
                                                "are listed")));
        return settings;
    }
    for (const pgconf::ConfItem &item : analysis->load.items) {
        const QString name = QString::fromUtf8(item.name).remove(QChar(0xfeff)).toLower();
        settings.insert(name, {name, QString::fromUtf8(item.value), QString(), {item.file, item.line}});
    }
    for (const pgconf::EffectiveSetting &effective : analysis->effective.settings()) {
        auto it = settings.find(effective.name.toLower());
        if (it != settings.end() && it->location.file == effective.file && it->location.line == effective.line)
            it->setting = effective.setting;
    }
    return settings;
}

// The pg_file_settings row that wins for each name once the server reads its files again: the
// last one. Tells an ALTER SYSTEM value that a reload has not applied yet.
QHash<QString, const LiveFileSetting *> lastFileRows(const LiveServerState &live)
{
    QHash<QString, const LiveFileSetting *> rows;
    if (live.fileSettings)
        for (const LiveFileSetting &row : *live.fileSettings)
            if (!row.name.isNull())
                rows.insert(row.name.toLower(), &row);
    return rows;
}

DriftState stateOf(const FileSetting *file, const LiveSetting *setting, const LiveFileSetting *lastRow)
{
    if (!setting)
        return DriftState::FileOnly;
    if (isAutoConf(setting->sourceFile) || (lastRow && isAutoConf(lastRow->sourceFile)))
        return DriftState::AutoConfOverride;
    if (setting->pendingRestart)
        return DriftState::PendingRestart;
    if (!file)
        return DriftState::LiveOnly;
    if (DriftAnalyzer::sameValue(file->value, *setting)
        || (!file->setting.isEmpty() && DriftAnalyzer::sameValue(file->setting, *setting)))
        return DriftState::Same;
    return isServerDefault(*setting) ? DriftState::FileOnly : DriftState::Differs;
}

void compareSettings(project::Project &project, const LiveServerState &live, DriftReport &report)
{
    const QHash<QString, FileSetting> files = fileSettings(project, report);
    const QHash<QString, const LiveFileSetting *> lastRows = lastFileRows(live);
    QSet<QString> names;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        names.insert(it.key());
    for (const LiveSetting &setting : live.settings) {
        const QString name = setting.name.toLower();
        // config_file can only come from the command line; the project's file cannot set it.
        if (name == u"config_file")
            continue;
        const LiveFileSetting *lastRow = lastRows.value(name);
        if (isConfigurationSource(setting) || setting.pendingRestart || (lastRow && isAutoConf(lastRow->sourceFile)))
            names.insert(name);
    }
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    for (const QString &name : std::as_const(sorted)) {
        const auto fileIt = files.constFind(name);
        const FileSetting *file = fileIt == files.cend() ? nullptr : &*fileIt;
        const LiveSetting *setting = live.setting(name);
        SettingDrift drift;
        drift.name = setting ? setting->name : name;
        if (file) {
            drift.fileValue = file->value;
            drift.fileLocation = file->location;
        }
        if (setting) {
            drift.liveValue = setting->shown;
            drift.liveSource = setting->source;
            if (!setting->sourceFile.isEmpty())
                drift.liveLocation = DriftLocation {setting->sourceFile, setting->sourceLine};
            drift.pendingRestart = setting->pendingRestart;
        }
        drift.state = stateOf(file, setting, lastRows.value(name));
        report.settings.append(drift);
    }
    if (live.fileSettings)
        for (const LiveFileSetting &row : *live.fileSettings) {
            if (row.error.isNull())
                continue;
            base::Diagnostic d = diagnostic(base::Severity::Warning, u"live.file-setting-error"_s,
                                            tr("the server does not apply this line: %1").arg(row.error));
            d.file = row.sourceFile;
            d.line = row.sourceLine;
            d.parameter = row.name;
            report.diagnostics.append(d);
        }
}

QString differenceReason(const QStringList &columns)
{
    return tr("%1 differ(s)").arg(columns.join(u", "_s));
}

void compareHba(project::Project &project, const LiveServerState &live, DriftReport &report)
{
    if (!live.hbaRules) {
        report.hbaState = HbaDriftState::Unknown;
        return;
    }
    for (const QJsonObject &row : *live.hbaRules) {
        const HbaRuleView view = HbaRuleView::fromServerRow(row);
        if (!row.value(u"error"_s).isString() || !row.value(u"type"_s).isNull())
            continue; // notes such as "hostssl with ssl off" leave the file loadable
        base::Diagnostic d = diagnostic(base::Severity::Warning, u"live.hba-error"_s,
                                        tr("the server's pg_hba.conf has an error here, so a reload keeps the "
                                           "rules it runs now: %1")
                                            .arg(row.value(u"error"_s).toString()));
        d.file = view.fileName().isEmpty() ? live.hbaFile : view.fileName();
        d.line = view.lineNumber();
        report.diagnostics.append(d);
    }
    const QString hbaPath = probe::ProjectConninfo::hbaFile(project);
    const auto file = hbaPath.isEmpty() ? nullptr : project.findFile(hbaPath);
    if (!file || !file->document) {
        report.hbaState = HbaDriftState::Unknown;
        report.diagnostics.append(diagnostic(base::Severity::Info, u"live.no-project-hba"_s,
                                             tr("the project has no pg_hba.conf: the server's rules are not "
                                                "compared")));
        return;
    }
    hba::HbaParseOptions options;
    options.majorVersion
        = std::clamp(live.major(), project::ProjectSettings::minPgVersion, project::ProjectSettings::maxPgVersion);
    if (const LiveSetting *ssl = live.setting(u"ssl"_s))
        options.sslEnabled = ssl->setting == u"on";
    const hba::HbaFile parsed
        = hba::HbaParser::parse(file->document->toBytes(), file->absolutePath, options, project.rootPath());

    QList<HbaRuleView> ours, theirs;
    QList<QByteArray> ourKeys, theirKeys;
    for (const hba::HbaRule &rule : parsed.rules) {
        ours.append(HbaRuleView::fromRule(rule));
        ourKeys.append(ours.last().key());
    }
    for (const QJsonObject &row : *live.hbaRules) {
        theirs.append(HbaRuleView::fromServerRow(row));
        theirKeys.append(theirs.last().key());
    }
    // A shortest diff of the two rule lists, so that one added rule is one difference and not a
    // shift of every rule after it; a removed run next to an added run pairs up rule by rule.
    const QList<base::DiffLine> diff = base::LineDiff::compute(ourKeys, theirKeys);
    qsizetype o = 0, t = 0;
    QList<qsizetype> removed, added;
    const auto flush = [&] {
        const qsizetype paired = std::min(removed.size(), added.size());
        for (qsizetype i = 0; i < paired; ++i) {
            const HbaRuleView &a = ours.at(removed.at(i));
            const HbaRuleView &b = theirs.at(added.at(i));
            report.hbaDifferences.append({a.lineNumber(), a.text(), b.text(), differenceReason(a.differencesFrom(b))});
        }
        for (qsizetype i = paired; i < removed.size(); ++i) {
            const HbaRuleView &a = ours.at(removed.at(i));
            report.hbaDifferences.append({a.lineNumber(), a.text(), std::nullopt, tr("the server has no such rule")});
        }
        for (qsizetype i = paired; i < added.size(); ++i) {
            const HbaRuleView &b = theirs.at(added.at(i));
            report.hbaDifferences.append({b.lineNumber(), std::nullopt, b.text(), tr("only the server has this rule")});
        }
        removed.clear();
        added.clear();
    };
    for (const base::DiffLine &line : diff) {
        switch (line.op) {
        case base::DiffLine::Op::Equal:
            flush();
            ++o;
            ++t;
            break;
        case base::DiffLine::Op::Delete:
            removed.append(o++);
            break;
        case base::DiffLine::Op::Insert:
            added.append(t++);
            break;
        }
    }
    flush();
    report.hbaState = report.hbaDifferences.isEmpty() ? HbaDriftState::Same : HbaDriftState::Differs;
}

} // namespace

bool DriftAnalyzer::sameValue(const QString &fileValue, const LiveSetting &live)
{
    return probe::ServerChecks::sameSetting(fileValue, live.setting, live.unit, live.vartype);
}

DriftReport DriftAnalyzer::analyze(project::Project &project, const LiveServerState &live)
{
    // Judge the project's files for the server that runs them.
    if (live.major() >= project::ProjectSettings::minPgVersion
        && live.major() <= project::ProjectSettings::maxPgVersion)
        project.settings.pgVersion = live.major();
    if (!live.buildFeatures.isEmpty())
        project.settings.serverBuildFeatures = QSet<QString>(live.buildFeatures.cbegin(), live.buildFeatures.cend());

    DriftReport report;
    report.versionNum = live.versionNum;
    report.dataDirectory = live.dataDirectory;
    report.configFile = live.configFile;
    report.hbaFile = live.hbaFile;
    report.buildFeatures = live.buildFeatures;
    report.diagnostics = live.diagnostics;
    compareSettings(project, live, report);
    compareHba(project, live, report);
    return report;
}

} // namespace pgdial::core::live
