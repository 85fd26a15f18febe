#include "live/liveserverreader.h"

#include "probe/conninfoinspector.h"
#include "probe/pgsession.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace pgdial::core::live {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("live", text);
}

base::Error sessionError(const probe::PgSession &session, const probe::ProbeControl &control, const QString &what)
{
    if (control.cancelled())
        return {u"live.cancelled"_s, tr("cancelled")};
    if (control.expired())
        return {u"live.timeout"_s, tr("%1: no answer before the deadline").arg(what)};
    // libpq's messages never hold the password, but a conninfo echoed in one could.
    return {u"live.query"_s, u"%1: %2"_s.arg(what, probe::ConninfoInspector::maskConninfoText(session.error()))};
}

base::Diagnostic unreadable(const QString &view, const QString &error)
{
    base::Diagnostic diagnostic;
    diagnostic.severity = base::Severity::Info;
    diagnostic.code = u"live.view-unreadable"_s;
    diagnostic.message = tr("the server did not let this role read %1: %2").arg(view, error.section(u'\n', 0, 0));
    diagnostic.suggestion = tr("Connect as a superuser (or GRANT SELECT ON %1 and pg_read_all_settings).").arg(view);
    return diagnostic;
}

QList<LiveSetting> settingsFrom(const QList<QStringList> &rows)
{
    QList<LiveSetting> settings;
    settings.reserve(rows.size());
    for (const QStringList &row : rows) {
        LiveSetting setting;
        setting.name = row.at(0);
        setting.setting = row.at(1);
        setting.unit = row.at(2);
        setting.vartype = row.at(3);
        setting.source = row.at(4);
        setting.sourceFile = row.at(5);
        setting.sourceLine = row.at(6).toInt();
        setting.pendingRestart = row.at(7) == u"t";
        setting.shown = row.at(8);
        settings.append(setting);
    }
    return settings;
}

// What the server's build can do, in the names ProjectSettings::knownBuildFeatures() uses (and
// a few more): first from the values its settings offer, which any role sees, then from the
// configure flags in pg_config (superusers only).
QStringList buildFeatures(probe::PgSession &session, const QList<QStringList> &enumRows,
                          const probe::ProbeControl &control)
{
    QSet<QString> features;
    for (const QStringList &row : enumRows) {
        const QStringList values = row.at(1).split(u',');
        if (row.at(0) == u"ssl_library" && !row.at(1).isEmpty())
            features.insert(u"ssl"_s);
        if (values.contains(u"lz4"_s))
            features.insert(u"lz4"_s);
        if (values.contains(u"zstd"_s))
            features.insert(u"zstd"_s);
        if (values.contains(u"io_uring"_s))
            features.insert(u"liburing"_s);
    }
    if (const auto icu = session.query(u"select exists (select 1 from pg_collation where collprovider = 'i'),"
                                       " pg_jit_available()"_s,
                                       {}, control);
        icu && !icu->isEmpty()) {
        if (icu->first().at(0) == u"t")
            features.insert(u"icu"_s);
        if (icu->first().at(1) == u"t")
            features.insert(u"llvm"_s);
    }
    const auto configure = session.query(u"select setting from pg_config where name = 'CONFIGURE'"_s, {}, control);
    if (configure && !configure->isEmpty()) {
        const QString flags = configure->first().at(0);
        static const QList<std::pair<QString, QString>> options {
            {u"--with-openssl"_s, u"ssl"_s},       {u"--with-ssl=openssl"_s, u"ssl"_s},
            {u"--with-lz4"_s, u"lz4"_s},           {u"--with-zstd"_s, u"zstd"_s},
            {u"--with-liburing"_s, u"liburing"_s}, {u"--with-bonjour"_s, u"bonjour"_s},
            {u"--with-gssapi"_s, u"gssapi"_s},     {u"--with-ldap"_s, u"ldap"_s},
            {u"--with-pam"_s, u"pam"_s},           {u"--with-icu"_s, u"icu"_s},
            {u"--with-llvm"_s, u"llvm"_s},         {u"--with-libxml"_s, u"libxml"_s},
            {u"--with-systemd"_s, u"systemd"_s},   {u"--with-selinux"_s, u"selinux"_s}};
        for (const auto &[flag, feature] : options)
            if (flags.contains(flag))
                features.insert(feature);
    }
    QStringList sorted(features.cbegin(), features.cend());
    sorted.sort();
    return sorted;
}

} // namespace

base::Result<LiveServerState> LiveServerReader::read(const QString &conninfo, const probe::ProbeControl &control)
{
    probe::PgSession session;
    if (!session.connect(conninfo, control)) {
        if (control.cancelled())
            return base::Error {u"live.cancelled"_s, tr("cancelled")};
        if (!session.finished())
            return base::Error {u"live.timeout"_s, tr("the server did not answer before the deadline")};
        return base::Error {u"live.connect"_s, probe::ConninfoInspector::maskConninfoText(session.error().trimmed())};
    }

    LiveServerState state;
    const auto settings = session.query(
        u"select name, setting, coalesce(unit, ''), vartype, source, sourcefile, sourceline, pending_restart,"
        " current_setting(name), coalesce(array_to_string(enumvals, ','), setting) from pg_settings order by name"_s,
        {}, control);
    if (!settings)
        return sessionError(session, control, u"pg_settings"_s);
    state.settings = settingsFrom(*settings);
    QList<QStringList> enumRows;
    for (const QStringList &row : *settings) {
        const QString &name = row.at(0);
        if (name == u"server_version_num")
            state.versionNum = row.at(1).toInt();
        else if (name == u"data_directory")
            state.dataDirectory = row.at(1);
        else if (name == u"config_file")
            state.configFile = row.at(1);
        else if (name == u"hba_file")
            state.hbaFile = row.at(1);
        else if (name == u"ident_file")
            state.identFile = row.at(1);
        if (name == u"ssl_library" || name == u"wal_compression" || name == u"default_toast_compression"
            || name == u"io_method")
            enumRows.append({name, row.at(9)});
    }
    if (state.configFile.isEmpty())
        state.diagnostics.append(unreadable(u"config_file, data_directory and hba_file"_s,
                                            tr("they are shown to superusers and pg_read_all_settings only")));

    const auto fileSettings = session.query(u"select sourcefile, sourceline, seqno, name, setting, applied, error"
                                            " from pg_file_settings order by seqno"_s,
                                            {}, control);
    if (fileSettings) {
        QList<LiveFileSetting> rows;
        for (const QStringList &row : *fileSettings)
            rows.append(
                {row.at(0), row.at(1).toInt(), row.at(2).toInt(), row.at(3), row.at(4), row.at(5) == u"t", row.at(6)});
        state.fileSettings = rows;
    } else if (control.stopped()) {
        return sessionError(session, control, u"pg_file_settings"_s);
    } else {
        state.diagnostics.append(unreadable(u"pg_file_settings"_s, session.error()));
    }

    // to_jsonb keeps this one query for every major: 16 added rule_number and file_name.
    const auto hbaRules = session.query(u"select to_jsonb(r)::text from pg_hba_file_rules r"_s, {}, control);
    if (hbaRules) {
        QList<QJsonObject> rows;
        for (const QStringList &row : *hbaRules)
            rows.append(QJsonDocument::fromJson(row.at(0).toUtf8()).object());
        state.hbaRules = rows;
    } else if (control.stopped()) {
        return sessionError(session, control, u"pg_hba_file_rules"_s);
    } else {
        state.diagnostics.append(unreadable(u"pg_hba_file_rules"_s, session.error()));
    }

    state.buildFeatures = buildFeatures(session, enumRows, control);
    if (control.stopped())
        return sessionError(session, control, u"pg_config"_s);
    return state;
}

} // namespace pgdial::core::live
