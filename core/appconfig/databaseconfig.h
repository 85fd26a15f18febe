#pragma once

#include "appconfig/appconfigfile.h"
#include "appconfig/variableresolver.h"
#include "base/diagnostic.h"

#include <QList>
#include <QString>

#include <optional>

namespace pgdial::core::appconfig {

// One database.<key> of config.yaml after ${VAR} substitution, with where its value came from.
struct DatabaseField
{
    QString key;
    ConfigScalar scalar; // where it is written in config.yaml
    Substitution substitution; // value, variables used and their provenance, substitution problems
    QString value() const { return substitution.value; }
};

// The guide's DatabaseConfig (Pydantic model) resolved against .env and the environment.
class DatabaseConfig
{
public:
    static DatabaseConfig resolve(const AppConfigFile &file, const VariableResolver &resolver);

    QString fileName() const { return m_fileName; }
    const QList<DatabaseField> &fields() const { return m_fields; }
    std::optional<DatabaseField> field(const QString &key) const;
    // The resolved value, or the guide's default (Pydantic Field default) when the key is absent.
    QString value(const QString &key) const;
    std::optional<int> intValue(const QString &key) const; // nullopt when not an integer
    QString environmentMode() const { return value(QStringLiteral("environment_mode")); }

    static QString defaultValue(const QString &key);

private:
    QString m_fileName;
    QList<DatabaseField> m_fields;
};

// The guide's bounds and production rules (codes app.*). `projectRoot` resolves relative paths.
class DatabaseConfigValidator
{
public:
    static base::Diagnostics validate(const DatabaseConfig &config, const QString &projectRoot);
    // Diagnostics about the resolved URL, placed where its text is written (.env line or config.yaml).
    static base::Diagnostics validateUrl(const DatabaseConfig &config, const QString &projectRoot);
};

} // namespace pgdial::core::appconfig
