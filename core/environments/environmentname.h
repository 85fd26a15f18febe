#pragma once

#include <QString>

namespace pgdial::core::environments {

// Names people give the same environment: "dev", "development" and "local" are one environment,
// as are "prod"/"production" and "test"/"testing"/"ci". Files are matched to environments by
// these canonical names, while the name shown is the one the files use.
class EnvironmentName
{
public:
    static QString
    canonical(const QString &name); // "development", "production", "testing", "staging", or the name lower-cased
    static bool same(const QString &a, const QString &b) { return canonical(a) == canonical(b); }
    static bool isDevelopment(const QString &name) { return canonical(name) == QLatin1String("development"); }
    static bool isProduction(const QString &name) { return canonical(name) == QLatin1String("production"); }
    static bool isTesting(const QString &name) { return canonical(name) == QLatin1String("testing"); }
    // Whether a word can name an environment in a file name or a config.yaml section.
    static bool isKnown(const QString &name);
};

} // namespace pgdial::core::environments
