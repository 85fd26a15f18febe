#include "pgconf/startupchecks.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::pgconf::StartupChecks", text);
}

QString place(const ConfItem *item)
{
    return item->file + u':' + QString::number(item->line);
}

// A parameter's value at some point of the reading: the line that set it, or its boot value.
struct Value
{
    QString setting;
    const ConfItem *item = nullptr;

    qint64 number() const { return setting.toLongLong(); }
};

class Values
{
public:
    Values(const ParameterCatalog &catalog)
        : m_catalog(catalog)
    { }

    Value get(const QString &name) const
    {
        if (const auto it = m_set.constFind(name); it != m_set.cend())
            return *it;
        const ParameterInfo *info = m_catalog.find(name);
        return Value {info ? info->bootValue : QString(), nullptr};
    }
    void set(const QString &name, Value value) { m_set.insert(name, std::move(value)); }

private:
    const ParameterCatalog &m_catalog;
    QHash<QString, Value> m_set;
};

// "max_connections = 3 (postgresql.conf:4)" or "max_connections = 10 (the default)".
QString describe(const QString &name, const Value &value)
{
    if (value.item)
        return tr("%1 = %2 (%3)").arg(name, value.setting, place(value.item));
    return tr("%1 = %2 (the default)").arg(name, value.setting);
}

// The server's message names parameters in double quotes from 17 on.
QString named(const QString &name, int major)
{
    return major >= 17 ? u'"' + name + u'"' : name;
}

} // namespace

StartupChecks::StartupChecks(const ParameterCatalog &catalog, int major)
    : m_catalog(catalog)
    , m_major(major)
{ }

base::Diagnostics StartupChecks::check(const QList<StartupAssignment> &assignments) const
{
    base::Diagnostics diagnostics;
    Values final(m_catalog);
    for (const StartupAssignment &assignment : assignments)
        final.set(assignment.name, Value {assignment.setting, assignment.item});

    // A finding about several values sits on the line read last among those the file sets, and
    // names the others. Returns false when the file sets none of them (never the case for a
    // refusal: the defaults agree with each other).
    auto report = [&](const QString &code, const QList<std::pair<QString, Value>> &involved, const QString &message,
                      const QString &suggestion) {
        const std::pair<QString, Value> *last = nullptr;
        for (const auto &entry : involved) {
            if (entry.second.item && (!last || entry.second.item->seqno > last->second.item->seqno))
                last = &entry;
        }
        if (!last)
            return;
        base::Diagnostic diagnostic;
        diagnostic.severity = base::Severity::Error;
        diagnostic.code = code;
        diagnostic.file = last->second.item->file;
        diagnostic.line = last->second.item->line;
        diagnostic.column = last->second.item->nameColumn;
        diagnostic.parameter = last->first;
        diagnostic.message = message;
        diagnostic.suggestion = suggestion;
        QList<const ConfItem *> others; // named in reading order
        for (const auto &entry : involved) {
            if (entry.second.item && &entry != last)
                others.append(entry.second.item);
        }
        std::sort(others.begin(), others.end(),
                  [](const ConfItem *a, const ConfItem *b) { return a->seqno < b->seqno; });
        for (const ConfItem *other : others)
            diagnostic.related.append(place(other));
        diagnostics.append(std::move(diagnostic));
    };
    const QString refuses = tr("%1; the server refuses to start (%2)");

    // PostmasterMain: reserved connection slots must leave at least one ordinary slot.
    {
        const Value superuser = final.get(u"superuser_reserved_connections"_s);
        const Value reserved = m_major >= 16 ? final.get(u"reserved_connections"_s) : Value {u"0"_s, nullptr};
        const Value connections = final.get(u"max_connections"_s);
        if (superuser.number() + reserved.number() >= connections.number()) {
            QString server;
            if (m_major < 16)
                server = tr("superuser_reserved_connections (%1) must be less than max_connections (%2)")
                             .arg(superuser.setting, connections.setting);
            else
                server = tr("%1 (%2) plus %3 (%4) must be less than %5 (%6)")
                             .arg(named(u"superuser_reserved_connections"_s, m_major), superuser.setting,
                                  named(u"reserved_connections"_s, m_major), reserved.setting,
                                  named(u"max_connections"_s, m_major), connections.setting);
            QStringList values {describe(u"max_connections"_s, connections),
                                describe(u"superuser_reserved_connections"_s, superuser)};
            if (m_major >= 16)
                values.append(describe(u"reserved_connections"_s, reserved));
            report(u"conf.startup-conflict"_s,
                   {{u"max_connections"_s, connections},
                    {u"superuser_reserved_connections"_s, superuser},
                    {u"reserved_connections"_s, reserved}},
                   refuses.arg(server, values.join(u", "_s)),
                   tr("Set max_connections to at least %1, or reserve fewer connections")
                       .arg(superuser.number() + reserved.number() + 1));
        }
    }

    // PostmasterMain: what wal_level = minimal cannot do.
    const Value walLevel = final.get(u"wal_level"_s);
    if (walLevel.setting == "minimal"_L1) {
        const QString level = describe(u"wal_level"_s, walLevel);
        if (const Value archive = final.get(u"archive_mode"_s); archive.setting != "off"_L1) {
            report(u"conf.startup-conflict"_s, {{u"wal_level"_s, walLevel}, {u"archive_mode"_s, archive}},
                   refuses.arg(
                       tr("WAL archival cannot be enabled when %1 is \"minimal\"").arg(named(u"wal_level"_s, m_major)),
                       level + u", "_s + describe(u"archive_mode"_s, archive)),
                   tr("Set archive_mode = off, or wal_level = replica"));
        }
        if (const Value senders = final.get(u"max_wal_senders"_s); senders.number() > 0) {
            const QString server = m_major >= 17
                ? tr("WAL streaming (\"max_wal_senders\" > 0) requires \"wal_level\" to be \"replica\" or \"logical\"")
                : tr("WAL streaming (max_wal_senders > 0) requires wal_level \"replica\" or \"logical\"");
            report(u"conf.startup-conflict"_s, {{u"wal_level"_s, walLevel}, {u"max_wal_senders"_s, senders}},
                   refuses.arg(server, level + u", "_s + describe(u"max_wal_senders"_s, senders)),
                   tr("Set max_wal_senders = 0 together with wal_level = minimal, or use wal_level = replica"));
        }
        if (m_major >= 17) {
            if (const Value summarize = final.get(u"summarize_wal"_s); summarize.setting == "on"_L1) {
                report(u"conf.startup-conflict"_s, {{u"wal_level"_s, walLevel}, {u"summarize_wal"_s, summarize}},
                       refuses.arg(tr("WAL cannot be summarized when \"wal_level\" is \"minimal\""),
                                   level + u", "_s + describe(u"summarize_wal"_s, summarize)),
                       tr("Set summarize_wal = off, or wal_level = replica"));
            }
        }
    }

    // The number of server processes. 13-17: the check hooks of the four parameters refuse a
    // value that makes max_connections + autovacuum_max_workers + 1 + max_worker_processes +
    // max_wal_senders exceed MAX_BACKENDS, judged with the values read so far (file order).
    // 17 also counts the two special workers after reading; 18 counts autovacuum_worker_slots
    // instead of the autovacuum workers, plus the two special workers, after reading only.
    const QString processes = tr("%1; the server refuses to start (%2 allows at most %3 server processes)");
    if (m_major <= 17) {
        const QStringList counted
            = {u"max_connections"_s, u"autovacuum_max_workers"_s, u"max_worker_processes"_s, u"max_wal_senders"_s};
        Values state(m_catalog);
        bool refused = false;
        for (const StartupAssignment &assignment : assignments) {
            if (!counted.contains(assignment.name))
                continue;
            qint64 total = 1;
            for (const QString &name : counted)
                total += name == assignment.name ? assignment.setting.toLongLong() : state.get(name).number();
            if (total <= maxBackends) {
                state.set(assignment.name, Value {assignment.setting, assignment.item});
                continue;
            }
            refused = true;
            QStringList values;
            for (const QString &name : counted)
                values.append(name == assignment.name ? assignment.name + u" = "_s + assignment.setting
                                                      : describe(name, state.get(name)));
            report(u"conf.too-many-processes"_s, {{assignment.name, Value {assignment.setting, assignment.item}}},
                   processes.arg(tr("invalid value for parameter \"%1\": %2").arg(assignment.name, assignment.setting),
                                 tr("%1 plus one launcher is %2, over the limit of %3")
                                     .arg(values.join(u" + "_s))
                                     .arg(total)
                                     .arg(maxBackends),
                                 QString::number(m_major)),
                   tr("Lower max_connections, autovacuum_max_workers, max_worker_processes or max_wal_senders"));
        }
        if (m_major == 17 && !refused) {
            qint64 total = 2; // autovacuum launcher and slot sync worker
            QList<std::pair<QString, Value>> involved;
            QStringList values;
            for (const QString &name : counted) {
                const Value value = state.get(name);
                total += value.number();
                involved.append({name, value});
                values.append(describe(name, value));
            }
            if (total > maxBackends) {
                report(u"conf.too-many-processes"_s, involved,
                       processes.arg(tr("too many backends configured"),
                                     tr("%1 plus two special workers is %2, over the limit of %3")
                                         .arg(values.join(u" + "_s))
                                         .arg(total)
                                         .arg(maxBackends),
                                     QString::number(m_major)),
                       tr("Lower max_connections, autovacuum_max_workers, max_worker_processes or max_wal_senders"));
            }
        }
    } else {
        const QStringList counted
            = {u"max_connections"_s, u"autovacuum_worker_slots"_s, u"max_worker_processes"_s, u"max_wal_senders"_s};
        qint64 sum = 0;
        QList<std::pair<QString, Value>> involved;
        QStringList values;
        QStringList detail;
        for (const QString &name : counted) {
            const Value value = final.get(name);
            sum += value.number();
            involved.append({name, value});
            values.append(describe(name, value));
            detail.append(u"\""_s + name + u"\" ("_s + value.setting + u')');
        }
        if (sum + 2 > maxBackends) {
            report(u"conf.too-many-processes"_s, involved,
                   processes.arg(tr("too many server processes configured: %1 must be less than %2")
                                     .arg(detail.join(tr(" plus ")))
                                     .arg(maxBackends - 1),
                                 values.join(u", "_s), QString::number(m_major)),
                   tr("Lower max_connections, autovacuum_worker_slots, max_worker_processes or max_wal_senders"));
        }
    }

    // The control file: min_wal_size and max_wal_size must hold two WAL segments.
    for (const QString &name : {u"min_wal_size"_s, u"max_wal_size"_s}) {
        const Value value = final.get(name);
        if (value.number() / defaultWalSegmentMb >= 2)
            continue;
        report(u"conf.wal-size-too-small"_s, {{name, value}},
               tr("\"%1\" must be at least twice \"wal_segment_size\": %2 is less than %3MB, two segments of initdb's "
                  "default 16MB; the server refuses to start")
                   .arg(name, describe(name, Value {value.setting + u"MB"_s, value.item}))
                   .arg(2 * defaultWalSegmentMb),
               tr("Set %1 to at least %2MB (more if the cluster was created with a larger --wal-segsize)")
                   .arg(name)
                   .arg(2 * defaultWalSegmentMb));
    }

    // 16+: the archiver refuses to run with both an archive_command and an archive_library
    // ("both archive_command and archive_library set"); the server starts, WAL piles up.
    if (m_major >= 16) {
        const Value command = final.get(u"archive_command"_s);
        const Value library = final.get(u"archive_library"_s);
        if (!command.setting.isEmpty() && !library.setting.isEmpty()) {
            const qsizetype before = diagnostics.size();
            report(u"conf.archive-command-and-library"_s,
                   {{u"archive_command"_s, command}, {u"archive_library"_s, library}},
                   tr("archive_command and archive_library are both set: the server starts, but its archiver fails "
                      "(\"both \"archive_command\" and \"archive_library\" set\") and no WAL is archived while "
                      "archive_mode is on"),
                   tr("Keep only one of them: clear archive_command (set it to '') or archive_library"));
            if (diagnostics.size() > before)
                diagnostics.last().severity = base::Severity::Warning;
        }
    }
    return diagnostics;
}

} // namespace pgdial::core::pgconf
