#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::pgconf {

enum class ParameterType { Bool, Integer, Real, String, Enum };

// pg_settings.context: when a change in postgresql.conf takes effect.
enum class ParameterContext {
    Internal, // never settable ("cannot be changed")
    Postmaster, // restart
    Sighup, // reload
    SuperuserBackend, // reload, new sessions only
    Backend, // reload, new sessions only
    Superuser, // reload (also SET by superusers)
    User, // reload (also SET)
};

QString parameterTypeName(ParameterType type); // "bool", "integer", "real", "string", "enum"
QString parameterContextName(ParameterContext context); // pg_settings spelling ("superuser-backend")

// One server parameter of one PostgreSQL major version, as pg_settings describes it, plus the
// hidden enum spellings the server also accepts (they are not in pg_settings.enumvals).
struct ParameterInfo
{
    QString name; // canonical spelling (pg_settings.name: "TimeZone", "work_mem")
    ParameterType type = ParameterType::String;
    QString unit; // pg_settings.unit: "8kB", "kB", "MB", "B", "ms", "s", "min", or empty
    std::optional<double> min; // integer and real parameters
    std::optional<double> max;
    QStringList enumValues; // visible values, as pg_settings lists them
    QStringList hiddenEnumValues; // also accepted: "hot_standby", "true", "1", ...
    QHash<QString, QString> hiddenEnumTargets; // hidden value (lower-case) -> canonical visible value
    // Values that exist in PostgreSQL but only in builds with a feature (lower-case value ->
    // feature: "lz4" -> "lz4", for a bool "on" -> "ssl"). Enum ones may be missing from
    // enumValues (the generating build lacked them); see scripts/generate-catalog BUILD_DEPENDENT.
    QHash<QString, QString> buildDependentValues;
    ParameterContext context = ParameterContext::User;
    QString category;
    QString shortDescription;
    QString extraDescription;
    QString bootValue; // pg_settings.boot_val (in the base unit)
    bool inSample = false; // listed (commented out) in that version's postgresql.conf.sample
    // pg_settings never lists it (GUC_NO_SHOW_ALL), yet the server accepts it in the file:
    // session state (role, seed) or, when `obsolete`, a relic kept so that old files still load
    // (ssl_renegotiation_limit, default_with_oids). Editors do not offer these unless asked to.
    bool hidden = false;
    bool obsolete = false;
    // The only settings a check hook lets through (canonical spelling: "off"), empty when any
    // value of the type is fine, and the server's message for any other.
    QStringList acceptedSettings;
    QString refusalMessage;

    bool needsRestart() const { return context == ParameterContext::Postmaster; }
    bool isSettableInFile() const { return context != ParameterContext::Internal; }
    bool isMemoryUnit() const; // unit is B / kB / MB / 8kB / ...
    bool isTimeUnit() const; // unit is us / ms / s / min / h / d
};

// The parameters of one PostgreSQL major version (13-18), compiled into pgdial_core from
// resources/catalog/pgNN.json (regenerate with scripts/generate-catalog).
class ParameterCatalog
{
public:
    // The catalog of `major`; a major outside 13-18 gets the nearest supported one.
    static const ParameterCatalog &forVersion(int major);
    static QList<int> supportedVersions(); // 13, 14, ..., 18

    // The majors whose catalog knows `name` (case-insensitive; legacy aliases count), ascending.
    static QList<int> versionsHaving(const QString &name);

    int major() const { return m_major; }
    const QList<ParameterInfo> &parameters() const { return m_parameters; }
    bool isEmpty() const { return m_parameters.isEmpty(); }

    // Case-insensitive (ASCII) lookup, also through legacy aliases (sort_mem -> work_mem).
    const ParameterInfo *find(const QString &name) const;
    bool contains(const QString &name) const { return find(name) != nullptr; }
    // The canonical name a legacy alias stands for ("sort_mem" -> "work_mem"), or empty.
    QString aliasTarget(const QString &name) const;

    // Known names closest to `name` by edit distance (for "did you mean"), best first.
    QStringList closestNames(const QString &name, int maxCount = 3) const;

    // Builds a catalog from the JSON the generator writes (exposed for tests and the generator).
    static std::optional<ParameterCatalog> fromJson(const QByteArray &json, QString *error = nullptr);

private:
    int m_major = 0;
    QList<ParameterInfo> m_parameters;
    QHash<QString, qsizetype> m_index; // lower-case name -> index
    QHash<QString, QString> m_aliases; // lower-case alias -> canonical name
};

} // namespace pgdial::core::pgconf
