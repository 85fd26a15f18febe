#include "pgconf/effectivesettings.h"

#include "pgconf/valueparser.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

QString asciiLower(const QString &text)
{
    QString folded = text;
    for (QChar &c : folded) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            c = QChar(c.unicode() + 32);
    }
    return folded;
}

} // namespace

EffectiveSettings EffectiveSettings::compute(const ConfLoadResult &load, const ConfValidation &validation,
                                             const ParameterCatalog &catalog)
{
    EffectiveSettings result;
    result.m_catalog = &catalog;
    if (load.parseFailed)
        return result;
    QHash<QString, EffectiveSetting> byName;
    QHash<QString, QList<QPair<qsizetype, QString>>> earlier; // every line per name: item index, "file:line"
    QHash<QString, int> order; // name -> index of its winning item, for reading order
    // The server ignores every line followed by one with exactly the same name text, even when
    // that later line turns out invalid (then the default applies).
    QHash<QByteArray, qsizetype> lastByText;
    for (qsizetype i = 0; i < load.items.size(); ++i)
        lastByText.insert(load.items.at(i).name, i);
    for (qsizetype i = 0; i < load.items.size(); ++i) {
        const ConfItem &item = load.items.at(i);
        const QString written = QString::fromUtf8(item.name);
        const ParameterInfo *info = item.name.startsWith("\xEF\xBB\xBF") ? nullptr : catalog.find(written);
        if (!info && !item.name.contains('.'))
            continue; // unknown: the server refuses it
        const QString key = info ? asciiLower(info->name) : asciiLower(written);
        const QString place = u"%1:%2"_s.arg(item.file).arg(item.line);
        // A line whose value the server refuses does not win; a custom name under a reserved
        // prefix is removed. Unknown names elsewhere do not stop us: this says what the file means.
        const bool refusedCustom = !info && i < validation.items.size() && !validation.items.at(i).error.isEmpty();
        const bool ignored = lastByText.value(item.name) != i;
        if (ignored || refusedCustom || (info && info->context == ParameterContext::Internal)) {
            earlier[key].append({i, place});
            continue;
        }
        EffectiveSetting setting;
        setting.name = info ? info->name : asciiLower(written);
        setting.value = QString::fromUtf8(item.value);
        setting.setting = setting.value;
        if (info) {
            const ParsedValue parsed = ValueParser::parse(*info, setting.value, catalog.major());
            if (!parsed.ok()) {
                earlier[key].append({i, place});
                continue;
            }
            setting.setting = parsed.setting;
        }
        setting.file = item.file;
        setting.line = item.line;
        setting.itemIndex = int(i);
        setting.info = info;
        setting.custom = !info;
        earlier[key].append({i, place});
        byName.insert(key, setting);
        order.insert(key, int(i));
    }
    QList<QPair<int, QString>> sorted;
    for (auto it = order.cbegin(); it != order.cend(); ++it)
        sorted.append({it.value(), it.key()});
    std::sort(sorted.begin(), sorted.end());
    for (const auto &[index, key] : sorted) {
        EffectiveSetting setting = byName.value(key);
        // Only lines read before the winner are overridden by it.
        for (const auto &[itemIndex, place] : earlier.value(key)) {
            if (itemIndex < setting.itemIndex)
                setting.overrides.append(place);
        }
        result.m_index.insert(key, result.m_settings.size());
        result.m_settings.append(setting);
    }
    return result;
}

const EffectiveSetting *EffectiveSettings::find(const QString &name) const
{
    QString key = asciiLower(name);
    if (m_catalog) {
        if (const ParameterInfo *info = m_catalog->find(name))
            key = asciiLower(info->name);
    }
    const auto it = m_index.constFind(key);
    return it == m_index.cend() ? nullptr : &m_settings.at(*it);
}

project::ServerSettingLookup EffectiveSettings::lookup() const
{
    auto copy = std::make_shared<EffectiveSettings>(*this);
    return [copy](const QString &name) -> std::optional<project::ServerSetting> {
        const EffectiveSetting *setting = copy->find(name);
        if (!setting)
            return std::nullopt;
        return project::ServerSetting {asciiLower(setting->name), setting->value, setting->file, setting->line};
    };
}

} // namespace pgdial::core::pgconf
