#include "pgconf/confvalidator.h"

#include "pgconf/moduleparameters.h"
#include "pgconf/startupchecks.h"
#include "pgconf/valueformatter.h"
#include "pgconf/valueparser.h"
#include "pgconf/viewonlychecks.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::pgconf::ConfValidator", text);
}

const QString couldNotApply = u"setting could not be applied"_s;
const QString unrecognized = u"unrecognized configuration parameter"_s;

QString lower(const QByteArray &name)
{
    QString text = QString::fromUtf8(name);
    for (QChar &c : text) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            c = QChar(c.unicode() + 32);
    }
    return text;
}

QString versionList(const QList<int> &versions)
{
    QStringList parts;
    for (int v : versions)
        parts.append(QString::number(v));
    return parts.join(u", "_s);
}

QString place(const ConfItem &item)
{
    // Concatenation, not arg(): a large file has thousands of overridden lines to name.
    return item.file + u':' + QString::number(item.line);
}

// Renamed or replaced parameters, for the suggestion of a version diagnostic.
QString replacementFor(const QString &name, int major)
{
    if (name == "force_parallel_mode"_L1 && major >= 16)
        return u"debug_parallel_query"_s;
    if (name == "debug_parallel_query"_L1 && major < 16)
        return u"force_parallel_mode"_s;
    if (name == "ssl_groups"_L1 && major < 18)
        return u"ssl_ecdh_curve"_s;
    return {};
}

} // namespace

ConfValidator::ConfValidator(const ParameterCatalog &catalog, int major)
    : m_catalog(catalog)
    , m_major(major)
{ }

ConfValidation ConfValidator::validate(const ConfLoadResult &load) const
{
    ConfValidation validation;
    const qsizetype count = load.items.size();
    validation.items.resize(count);
    if (load.parseFailed) {
        // The server stops after the parse phase: nothing is checked further or applied.
        validation.ok = false;
        return validation;
    }

    auto diagnose
        = [&](base::Severity severity, const QString &code, const ConfItem &item, int column, const QString &parameter,
              const QString &message, const QString &suggestion = {}) -> base::Diagnostic & {
        base::Diagnostic diagnostic;
        diagnostic.severity = severity;
        diagnostic.code = code;
        diagnostic.file = item.file;
        diagnostic.line = item.line;
        diagnostic.column = column;
        diagnostic.parameter = parameter;
        diagnostic.message = message;
        diagnostic.suggestion = suggestion;
        validation.diagnostics.append(std::move(diagnostic));
        return validation.diagnostics.last();
    };

    // Phase 2: names. Every name must be known or a valid custom name, else the file is refused.
    QList<const ParameterInfo *> infos(count, nullptr);
    bool nameError = false;
    for (qsizetype i = 0; i < count; ++i) {
        const ConfItem &item = load.items.at(i);
        const QString name = QString::fromUtf8(item.name);
        const bool bom = item.name.startsWith("\xEF\xBB\xBF"); // QString::fromUtf8 would drop it
        infos[i] = bom ? nullptr : m_catalog.find(name);
        if (infos[i] || item.name.contains('.'))
            continue;
        nameError = true;
        validation.items[i].error = unrecognized;
        const QString key = lower(item.name);
        const QList<int> versions = ParameterCatalog::versionsHaving(name);
        if (bom) {
            diagnose(
                base::Severity::Error, u"conf.byte-order-mark"_s, item, item.nameColumn, name,
                tr("The file starts with a UTF-8 byte order mark, which the server reads as part of the name \"%1\"")
                    .arg(name),
                tr("Save the file without a byte order mark"));
        } else if (!versions.isEmpty()) {
            const QString replacement = replacementFor(key, m_major);
            QString when;
            if (versions.first() > m_major)
                when = tr("it was added in PostgreSQL %1").arg(versions.first());
            else if (versions.last() < m_major)
                when = tr("it was removed in PostgreSQL %1").arg(versions.last() + 1);
            else
                when = tr("it exists in PostgreSQL %1").arg(versionList(versions));
            diagnose(base::Severity::Error, u"conf.parameter-not-in-version"_s, item, item.nameColumn, name,
                     tr("Parameter \"%1\" does not exist in PostgreSQL %2 (%3); the server refuses the whole file")
                         .arg(name)
                         .arg(m_major)
                         .arg(when),
                     replacement.isEmpty() ? tr("Remove the line, or choose another target version")
                                           : tr("Use \"%1\" instead").arg(replacement));
        } else {
            const QStringList candidates = m_catalog.closestNames(name);
            diagnose(base::Severity::Error, u"conf.unknown-parameter"_s, item, item.nameColumn, name,
                     tr("Unrecognized configuration parameter \"%1\"; the server refuses the whole file").arg(name),
                     candidates.isEmpty() ? tr("Remove the line or correct the name")
                                          : tr("Did you mean \"%1\"?").arg(candidates.join(u"\", \""_s)));
        }
    }
    if (nameError) {
        validation.ok = false;
        return validation;
    }

    // Duplicates: the server ignores earlier lines with exactly the same name text.
    QList<bool> ignored(count, false);
    QHash<QByteArray, qsizetype> lastByText;
    for (qsizetype i = 0; i < count; ++i)
        lastByText.insert(load.items.at(i).name, i);
    // The line that finally wins per canonical parameter (case-insensitive, aliases resolved).
    QHash<QString, qsizetype> winner;
    for (qsizetype i = 0; i < count; ++i) {
        const ConfItem &item = load.items.at(i);
        const QString key = infos[i] ? infos[i]->name.toLower() : lower(item.name);
        winner.insert(key, i);
    }
    // Reserved prefixes of preloaded modules (15+), judged only for modules pgdial knows.
    QSet<QString> reservedPrefixes;
    if (m_major >= 15) {
        if (const auto it = winner.constFind(u"shared_preload_libraries"_s); it != winner.cend()) {
            for (const QString &library : QString::fromUtf8(load.items.at(*it).value).split(u',')) {
                QString module = library.trimmed();
                if (module.startsWith(u'"') && module.endsWith(u'"') && module.size() >= 2)
                    module = module.mid(1, module.size() - 2);
                module = module.section(u'/', -1).toLower();
                if (module.endsWith(".so"_L1))
                    module.chop(3);
                if (ModuleParameters::isKnownModule(module))
                    reservedPrefixes.insert(module);
            }
        }
    }

    // Earlier lines of exactly the same name text are ignored when the server has a record of the
    // name. For a custom name that is its placeholder, which a server running with this file
    // made at start-up (so its pg_file_settings ignores the earlier lines, as pgdial does); a
    // server that never read the name before applies every line (scripts/confdiff's probe).
    for (qsizetype i = 0; i < count; ++i) {
        if (lastByText.value(load.items.at(i).name) != i)
            ignored[i] = true;
    }

    // Phase 3: values, in order. A bad value skips its line; at start-up it is fatal.
    QHash<QString, QString> finalSetting; // canonical name -> the setting of the line that wins
    DateTimeContext dateTimeContext; // datestyle and timezone_abbreviations as read so far
    QList<QString> settings(count);
    for (qsizetype i = 0; i < count; ++i) {
        if (ignored[i])
            continue;
        const ConfItem &item = load.items.at(i);
        ConfItemVerdict &verdict = validation.items[i];
        const ParameterInfo *info = infos[i];
        const QString value = QString::fromUtf8(item.value);
        if (!info) {
            const QString prefix = lower(item.name).section(u'.', 0, 0);
            if (reservedPrefixes.contains(prefix)) {
                const ParameterInfo *moduleInfo = ModuleParameters::find(lower(item.name), m_major);
                if (!moduleInfo) {
                    verdict.error = couldNotApply;
                    diagnose(
                        base::Severity::Warning, u"conf.reserved-prefix"_s, item, item.nameColumn,
                        QString::fromUtf8(item.name),
                        tr("\"%1\" is not a parameter of the preloaded module \"%2\"; the server removes it with a "
                           "warning")
                            .arg(QString::fromUtf8(item.name), prefix),
                        tr("Parameters of %1: %2").arg(prefix, ModuleParameters::names(prefix, m_major).join(u", "_s)));
                    continue;
                }
                // The module checks the value when it loads: a bad one is a warning, the default stays.
                const ParsedValue parsed = ValueParser::parse(*moduleInfo, value, m_major);
                if (!parsed.ok()) {
                    verdict.error = couldNotApply;
                    diagnose(base::Severity::Warning, u"conf.module-invalid-value"_s, item, item.valueColumn,
                             moduleInfo->name,
                             tr("%1; the module \"%2\" keeps its default (the server only warns)")
                                 .arg(parsed.message, prefix),
                             parsed.hint);
                    continue;
                }
            }
            verdict.applied = true; // a placeholder for an extension's parameter: any value goes
            settings[i] = value;
            continue;
        }
        if (info->context == ParameterContext::Internal) {
            verdict.error = couldNotApply;
            diagnose(base::Severity::Error, u"conf.internal-parameter"_s, item, item.nameColumn, info->name,
                     tr("Parameter \"%1\" cannot be changed; the server refuses the file").arg(info->name),
                     tr("Remove the line: the value is fixed when PostgreSQL is built or the cluster is created"));
            continue;
        }
        const ParsedValue parsed = ValueParser::parse(*info, value, m_major, dateTimeContext);
        if (!parsed.ok() && parsed.dependsOnMachine && !m_facts.runsOnThisMachine) {
            // Judged for this machine only: the server's machine may well have the locale.
            diagnose(base::Severity::Warning, u"conf.machine-dependent-value"_s, item, item.valueColumn, info->name,
                     tr("%1 on this machine; a server on a machine without it refuses the file").arg(parsed.hint),
                     tr("Make sure the server's machine has it, or use a value that exists everywhere (C, POSIX)"));
            verdict.applied = true;
            settings[i] = value;
            finalSetting.insert(info->name.toLower(), value);
            continue;
        }
        // SSL is in every packaged build; warning on each ssl = on would only be noise.
        const bool presumed = !m_facts.buildFeatures && parsed.buildFeature == "ssl"_L1;
        if (parsed.ok() && !parsed.buildFeature.isEmpty() && !presumed
            && (!m_facts.buildFeatures || !m_facts.buildFeatures->contains(parsed.buildFeature))) {
            const QString feature = parsed.buildFeature;
            if (!m_facts.buildFeatures) {
                diagnose(base::Severity::Warning, u"conf.build-dependent-value"_s, item, item.valueColumn, info->name,
                         tr("%1 = %2 needs a server built with %3; a server built without it refuses the whole file")
                             .arg(info->name, parsed.setting, feature),
                         tr("Check the server's build (pg_config --configure, or SHOW %1 on a server with the value)")
                             .arg(info->name));
            } else {
                verdict.error = couldNotApply;
                diagnose(base::Severity::Error, u"conf.invalid-value"_s, item, item.valueColumn, info->name,
                         tr("%1 = %2 is not supported by this server's build (it lacks %3)")
                             .arg(info->name, parsed.setting, feature),
                         info->enumValues.isEmpty() ? tr("Use off")
                                                    : tr("Available values: %1.").arg(info->enumValues.join(u", "_s)));
                continue;
            }
        }
        if (parsed.ok() && !parsed.cautionCode.isEmpty())
            diagnose(base::Severity::Warning, parsed.cautionCode, item, item.valueColumn, info->name, parsed.caution);
        if (!parsed.ok()) {
            verdict.error = couldNotApply;
            QString code = u"conf.invalid-value"_s;
            if (parsed.problem == ValueProblem::BadUnit)
                code = u"conf.invalid-unit"_s;
            else if (parsed.problem == ValueProblem::OutOfRange)
                code = u"conf.out-of-range"_s;
            QString suggestion = parsed.hint;
            if (parsed.problem == ValueProblem::OutOfRange && info->min && info->max) {
                auto bound = [&](double number) {
                    return info->unit.isEmpty() ? QString::number(number, 'g', 15)
                                                : ValueFormatter::withUnit(number, info->unit);
                };
                suggestion = tr("Use a value between %1 and %2").arg(bound(*info->min), bound(*info->max));
            } else if (suggestion.isEmpty() && !info->acceptedSettings.isEmpty()) {
                suggestion = tr("Use %1, or remove the line").arg(info->acceptedSettings.join(tr(" or ")));
            } else if (suggestion.isEmpty() && info->type == ParameterType::Bool) {
                suggestion = tr("Use on or off");
            }
            diagnose(base::Severity::Error, code, item, item.valueColumn, info->name, parsed.message, suggestion);
            continue;
        }
        settings[i] = parsed.setting;
        if (info->obsolete) // accepted, but it does nothing: worth knowing when cleaning up old files
            diagnose(
                base::Severity::Info, u"conf.obsolete-parameter"_s, item, item.nameColumn, info->name,
                tr("\"%1\" is obsolete and has no effect: %2 The server accepts it only so that old files still load")
                    .arg(info->name, info->shortDescription),
                tr("Remove the line"));
        const QString canonicalName = info->name.toLower();
        finalSetting.insert(canonicalName, parsed.setting);
        ValueParser::updateDateTimeContext(&dateTimeContext, info->name, value);
        const bool refusedAtStartup = ViewOnlyChecks::refusedAtStartup(canonicalName, parsed.setting);
        if (refusedAtStartup) {
            diagnose(
                base::Severity::Error, u"conf.invalid-value"_s, item, item.valueColumn, info->name,
                tr("The server cannot look roles up while it reads the file at start-up: it refuses %1 = '%2'")
                    .arg(info->name, parsed.setting),
                tr("Remove the line; set the role per database or user (ALTER ROLE ... SET role), or on connection"));
        }
        if (const auto refusal = ViewOnlyChecks::refusal(canonicalName, parsed.setting, m_major)) {
            // Only the view (a query in a database) refuses it.
            verdict.error = couldNotApply;
            if (parsed.cautionCode.isEmpty() && !refusedAtStartup)
                diagnose(base::Severity::Warning, u"conf.view-only-refusal"_s, item, item.valueColumn, info->name,
                         *refusal);
            continue;
        }
        verdict.applied = true;
    }

    // The five recovery targets exclude each other: their assign hooks (which the view does not
    // run) stop the server as soon as one is assigned while another is set, even to ''.
    {
        QString target; // the recovery target parameter currently set, lower-case
        for (qsizetype i = 0; i < count; ++i) {
            const ParameterInfo *info = infos[i];
            if (ignored[i] || !validation.items[i].applied || !info)
                continue;
            const QString key = info->name.toLower();
            if (key != "recovery_target"_L1 && key != "recovery_target_lsn"_L1 && key != "recovery_target_name"_L1
                && key != "recovery_target_time"_L1 && key != "recovery_target_xid"_L1)
                continue;
            if (!target.isEmpty() && target != key) {
                const ConfItem &item = load.items.at(i);
                diagnose(base::Severity::Error, u"conf.multiple-recovery-targets"_s, item, item.nameColumn, info->name,
                         tr("%1 is set while %2 is already set; the server stops with \"multiple recovery targets "
                            "specified\"")
                             .arg(info->name, target),
                         tr("Keep only one of recovery_target, recovery_target_lsn, recovery_target_name, "
                            "recovery_target_time "
                            "and recovery_target_xid"));
                break;
            }
            target = settings[i].isEmpty() ? QString() : key;
        }
    }

    // What the server checks after reading the file: combinations of the values it applied.
    {
        QList<StartupAssignment> assignments;
        for (qsizetype i = 0; i < count; ++i) {
            if (!ignored[i] && validation.items[i].applied && infos[i])
                assignments.append(StartupAssignment {infos[i]->name.toLower(), settings[i], &load.items.at(i)});
        }
        validation.diagnostics += StartupChecks(m_catalog, m_major).check(assignments);
    }

    // Duplicates: the earlier line names the line that wins. (Texts translated once: a large file
    // can have thousands of overridden lines.)
    const QString overriddenByRefused = tr("\"%1\" is set again at %2, whose value the server refuses; this line is "
                                           "ignored all the same, so the default applies");
    const QString overridden = tr("\"%1\" is set again at %2, which wins; this line has no effect");
    const QString removeOne = tr("Remove this line, or the later one");
    // At most one per line that does not win: reserved, so a list of 500,000 is not regrown.
    validation.diagnostics.reserve(validation.diagnostics.size() + count - winner.size());
    // The texts of the lines overridden by one winner under one name are equal: made once and
    // shared (a million-line file held 300 MB of copies).
    struct Shared
    {
        QString name;
        QString message;
        QStringList related;
    };
    QHash<qsizetype, Shared> sharedByWinner;
    for (qsizetype i = 0; i < count; ++i) {
        const ConfItem &item = load.items.at(i);
        const QString key = infos[i] ? infos[i]->name.toLower() : lower(item.name);
        const qsizetype last = winner.value(key);
        if (last == i)
            continue;
        const ConfItem &winning = load.items.at(last);
        const QString name = infos[i] ? infos[i]->name : QString::fromUtf8(item.name);
        const bool winnerRefused = !validation.items.at(last).error.isEmpty();
        if (winnerRefused && !ignored[i])
            continue; // a different spelling of the name: this line still applies
        Shared &shared = sharedByWinner[last];
        if (shared.related.isEmpty() || shared.name != name) {
            const QString winningPlace = place(winning);
            shared.name = name;
            shared.message = (winnerRefused ? overriddenByRefused : overridden).arg(name, winningPlace);
            shared.related = QStringList {winningPlace};
        }
        base::Diagnostic &diagnostic = diagnose(base::Severity::Info, u"conf.duplicate-parameter"_s, item,
                                                item.nameColumn, shared.name, shared.message, removeOne);
        diagnostic.related = shared.related;
    }

    // A restart-only parameter set twice under different spellings ("Shared_Buffers" then
    // "shared_buffers"): pg_file_settings compares the earlier value with the running one.
    for (qsizetype i = 0; i < count; ++i) {
        const ParameterInfo *info = infos[i];
        if (!validation.items[i].applied || !info || info->context != ParameterContext::Postmaster)
            continue;
        if (winner.value(info->name.toLower()) != i && finalSetting.value(info->name.toLower()) != settings[i]) {
            validation.items[i].applied = false;
            validation.items[i].error = couldNotApply;
        }
    }

    // Risky values the server accepts.
    auto winning = [&](const QString &name) -> std::optional<qsizetype> {
        const auto it = winner.constFind(name);
        if (it == winner.cend() || !validation.items[*it].applied)
            return std::nullopt;
        return *it;
    };
    auto boolOf = [&](const QString &name, bool fallback) {
        const auto index = winning(name);
        return index ? settings[*index] == "on"_L1 : fallback;
    };
    if (const auto index = winning(u"fsync"_s); index && settings[*index] == "off"_L1) {
        diagnose(base::Severity::Warning, u"conf.fsync-off"_s, load.items.at(*index), load.items.at(*index).valueColumn,
                 u"fsync"_s, tr("fsync is off: an operating system crash or power loss can corrupt the whole cluster"),
                 tr("Set fsync = on; for speed consider synchronous_commit = off instead"));
    }
    if (const auto index = winning(u"full_page_writes"_s); index && settings[*index] == "off"_L1) {
        diagnose(base::Severity::Warning, u"conf.full-page-writes-off"_s, load.items.at(*index),
                 load.items.at(*index).valueColumn, u"full_page_writes"_s,
                 tr("full_page_writes is off: a crash during a write can leave torn pages that recovery cannot repair"),
                 tr("Set full_page_writes = on unless the file system guarantees atomic 8kB writes"));
    }
    if (const auto index = winning(u"listen_addresses"_s)) {
        const QStringList addresses = settings[*index].split(u',', Qt::SkipEmptyParts);
        bool everywhere = false;
        for (const QString &address : addresses) {
            const QString a = address.trimmed();
            everywhere |= a == "*"_L1 || a == "0.0.0.0"_L1 || a == "::"_L1;
        }
        if (everywhere && !boolOf(u"ssl"_s, false)) {
            diagnose(base::Severity::Warning, u"conf.listen-all-without-ssl"_s, load.items.at(*index),
                     load.items.at(*index).valueColumn, u"listen_addresses"_s,
                     tr("The server listens on every network interface but ssl is off: passwords and data cross the "
                        "network in clear text"),
                     tr("Set ssl = on with a certificate, or listen only on the addresses clients use"));
        }
    }
    if (m_ramBytes && *m_ramBytes > 0) {
        if (const auto index = winning(u"shared_buffers"_s)) {
            const double bytes = settings[*index].toDouble() * 8192.0; // pg_settings unit "8kB" (blocks)
            if (bytes > 0.4 * double(*m_ramBytes)) {
                diagnose(
                    base::Severity::Warning, u"conf.shared-buffers-ram"_s, load.items.at(*index),
                    load.items.at(*index).valueColumn, u"shared_buffers"_s,
                    tr("shared_buffers is %1, more than 40% of the machine's %2 of memory")
                        .arg(ValueFormatter::withUnit(bytes, u"B"_s),
                             ValueFormatter::withUnit(double(*m_ramBytes), u"B"_s)),
                    tr("About 25% of memory (%1) is the usual starting point")
                        .arg(ValueFormatter::withUnit(std::floor(double(*m_ramBytes) / 4 / (1024 * 1024)), u"MB"_s)));
            }
        }
    }

    validation.ok = !base::hasErrors(validation.diagnostics);
    return validation;
}

} // namespace pgdial::core::pgconf
