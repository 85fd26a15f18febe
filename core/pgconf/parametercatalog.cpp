#include "pgconf/parametercatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <map>
#include <mutex>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

constexpr int firstMajor = 13;
constexpr int lastMajor = 18;

QString asciiLower(const QString &text)
{
    // PostgreSQL folds names with ASCII rules only; bytes >= 0x80 stay as they are.
    QString folded = text;
    for (QChar &c : folded) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            c = QChar(c.unicode() + ('a' - 'A'));
    }
    return folded;
}

std::optional<ParameterType> typeFromName(const QString &name)
{
    if (name == "bool"_L1)
        return ParameterType::Bool;
    if (name == "integer"_L1)
        return ParameterType::Integer;
    if (name == "real"_L1)
        return ParameterType::Real;
    if (name == "string"_L1)
        return ParameterType::String;
    if (name == "enum"_L1)
        return ParameterType::Enum;
    return std::nullopt;
}

std::optional<ParameterContext> contextFromName(const QString &name)
{
    if (name == "internal"_L1)
        return ParameterContext::Internal;
    if (name == "postmaster"_L1)
        return ParameterContext::Postmaster;
    if (name == "sighup"_L1)
        return ParameterContext::Sighup;
    if (name == "superuser-backend"_L1)
        return ParameterContext::SuperuserBackend;
    if (name == "backend"_L1)
        return ParameterContext::Backend;
    if (name == "superuser"_L1)
        return ParameterContext::Superuser;
    if (name == "user"_L1)
        return ParameterContext::User;
    return std::nullopt;
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> previous(static_cast<size_t>(b.size()) + 1);
    std::vector<int> current(previous.size());
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[size_t(j - 1)] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[size_t(j)] = std::min({previous[size_t(j)] + 1, current[size_t(j - 1)] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous.back();
}

} // namespace

QString parameterTypeName(ParameterType type)
{
    switch (type) {
    case ParameterType::Bool:
        return u"bool"_s;
    case ParameterType::Integer:
        return u"integer"_s;
    case ParameterType::Real:
        return u"real"_s;
    case ParameterType::String:
        return u"string"_s;
    case ParameterType::Enum:
        return u"enum"_s;
    }
    return {};
}

QString parameterContextName(ParameterContext context)
{
    switch (context) {
    case ParameterContext::Internal:
        return u"internal"_s;
    case ParameterContext::Postmaster:
        return u"postmaster"_s;
    case ParameterContext::Sighup:
        return u"sighup"_s;
    case ParameterContext::SuperuserBackend:
        return u"superuser-backend"_s;
    case ParameterContext::Backend:
        return u"backend"_s;
    case ParameterContext::Superuser:
        return u"superuser"_s;
    case ParameterContext::User:
        return u"user"_s;
    }
    return {};
}

bool ParameterInfo::isMemoryUnit() const
{
    return unit.endsWith(u'B');
}

bool ParameterInfo::isTimeUnit() const
{
    return !unit.isEmpty() && !isMemoryUnit();
}

std::optional<ParameterCatalog> ParameterCatalog::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        if (error)
            *error = parseError.errorString();
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    ParameterCatalog catalog;
    catalog.m_major = root.value("major"_L1).toInt();
    const QJsonArray parameters = root.value("parameters"_L1).toArray();
    catalog.m_parameters.reserve(parameters.size());
    for (const QJsonValue &value : parameters) {
        const QJsonObject object = value.toObject();
        ParameterInfo info;
        info.name = object.value("n"_L1).toString();
        const auto type = typeFromName(object.value("t"_L1).toString());
        const auto context = contextFromName(object.value("c"_L1).toString());
        if (info.name.isEmpty() || !type || !context) {
            if (error)
                *error = u"bad catalog entry: %1"_s.arg(
                    QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
            return std::nullopt;
        }
        info.type = *type;
        info.context = *context;
        info.unit = object.value("u"_L1).toString();
        if (object.contains("min"_L1))
            info.min = object.value("min"_L1).toDouble();
        if (object.contains("max"_L1))
            info.max = object.value("max"_L1).toDouble();
        for (const QJsonValue &option : object.value("e"_L1).toArray())
            info.enumValues.append(option.toString());
        const QJsonObject hidden = object.value("h"_L1).toObject();
        for (auto it = hidden.begin(); it != hidden.end(); ++it) {
            info.hiddenEnumValues.append(it.key());
            info.hiddenEnumTargets.insert(it.key(), it.value().toString());
        }
        const QJsonObject build = object.value("bd"_L1).toObject();
        for (auto it = build.begin(); it != build.end(); ++it)
            info.buildDependentValues.insert(it.key(), it.value().toString());
        info.bootValue = object.value("b"_L1).toString();
        info.inSample = object.value("i"_L1).toInt() != 0;
        info.hidden = object.value("hd"_L1).toInt() != 0;
        info.obsolete = object.value("ob"_L1).toInt() != 0;
        for (const QJsonValue &setting : object.value("a"_L1).toArray())
            info.acceptedSettings.append(setting.toString());
        info.refusalMessage = object.value("ar"_L1).toString();
        info.category = object.value("g"_L1).toString();
        info.shortDescription = object.value("s"_L1).toString();
        info.extraDescription = object.value("x"_L1).toString();
        catalog.m_index.insert(asciiLower(info.name), catalog.m_parameters.size());
        catalog.m_parameters.append(std::move(info));
    }
    const QJsonObject aliases = root.value("aliases"_L1).toObject();
    for (auto it = aliases.begin(); it != aliases.end(); ++it)
        catalog.m_aliases.insert(asciiLower(it.key()), it.value().toString());
    return catalog;
}

const ParameterCatalog &ParameterCatalog::forVersion(int major)
{
    static std::array<ParameterCatalog, lastMajor - firstMajor + 1> catalogs;
    static std::once_flag once;
    std::call_once(once, [] {
        for (int v = firstMajor; v <= lastMajor; ++v) {
            QFile file(u":/pgdial/catalog/pg%1.json"_s.arg(v));
            if (!file.open(QIODevice::ReadOnly)) {
                qWarning("pgdial: parameter catalog for PostgreSQL %d is missing", v);
                continue;
            }
            QString error;
            if (auto catalog = fromJson(file.readAll(), &error))
                catalogs[size_t(v - firstMajor)] = std::move(*catalog);
            else
                qWarning("pgdial: parameter catalog for PostgreSQL %d: %s", v, qPrintable(error));
            catalogs[size_t(v - firstMajor)].m_major = v;
        }
    });
    return catalogs[size_t(std::clamp(major, firstMajor, lastMajor) - firstMajor)];
}

QList<int> ParameterCatalog::supportedVersions()
{
    QList<int> versions;
    for (int v = firstMajor; v <= lastMajor; ++v)
        versions.append(v);
    return versions;
}

QList<int> ParameterCatalog::versionsHaving(const QString &name)
{
    QList<int> versions;
    for (int v = firstMajor; v <= lastMajor; ++v) {
        if (forVersion(v).contains(name))
            versions.append(v);
    }
    return versions;
}

const ParameterInfo *ParameterCatalog::find(const QString &name) const
{
    QString key = asciiLower(name);
    auto it = m_index.constFind(key);
    if (it == m_index.cend()) {
        const auto alias = m_aliases.constFind(key);
        if (alias == m_aliases.cend())
            return nullptr;
        it = m_index.constFind(asciiLower(*alias));
        if (it == m_index.cend())
            return nullptr;
    }
    return &m_parameters.at(*it);
}

QString ParameterCatalog::aliasTarget(const QString &name) const
{
    return m_aliases.value(asciiLower(name));
}

QStringList ParameterCatalog::closestNames(const QString &name, int maxCount) const
{
    const QString key = asciiLower(name);
    // Allow about a third of the name to differ, at least 2 edits: "shared_bufers", "work-mem".
    const int limit = std::max(2, static_cast<int>(key.size()) / 3);
    std::multimap<int, QString> ranked;
    for (const ParameterInfo &info : m_parameters) {
        if (info.context == ParameterContext::Internal || info.hidden)
            continue;
        const QString candidate = asciiLower(info.name);
        if (std::abs(candidate.size() - key.size()) > limit)
            continue;
        const int distance = editDistance(key, candidate);
        if (distance <= limit)
            ranked.emplace(distance, info.name);
    }
    QStringList names;
    for (const auto &[distance, candidate] : ranked) {
        if (names.size() >= maxCount)
            break;
        names.append(candidate);
    }
    return names;
}

} // namespace pgdial::core::pgconf
