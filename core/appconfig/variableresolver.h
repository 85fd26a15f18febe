#pragma once

#include "appconfig/envfile.h"
#include "base/diagnostic.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace pgdial::core::appconfig {

// Where a resolved value came from.
struct Provenance
{
    enum class Source {
        ProcessEnvironment, // the environment pgdial runs in (CLI only, by default)
        EnvFile, // an assignment in a .env file
        Default, // the default of a ${VAR:-default} expression
        Literal, // written as it is (no variable involved)
        Unset, // nothing provided a value
    };
    Source source = Source::Literal;
    QString file; // .env file or the file holding the default
    int line = 0;

    QString describe() const; // "process environment", ".env line 7", "default in config.yaml line 14"
    QString sourceId() const; // stable, for JSON: "environment", "env-file", "default", "literal", "unset"
};

// One ${VAR} reference met while substituting a text.
struct VariableUse
{
    QString name;
    QString value;
    Provenance provenance;
    QString written; // a .env value as written, before its own ${VAR} substitution
};

struct Substitution
{
    QString value;
    QList<VariableUse> uses; // in order of appearance (nested defaults included)
    base::Diagnostics diagnostics; // unresolved, required-but-empty, malformed expressions
    bool hasVariables() const { return !uses.isEmpty(); }
    // The provenance of the value as a whole: the first variable's source, or Literal.
    Provenance provenance() const;
};

// Resolves ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message}, ${VAR?message},
// ${VAR:+alt}, ${VAR+alt}, $VAR and $$ (a literal $), with nested defaults, in the order
// process environment (when enabled) > .env > default. Values from .env are themselves
// substituted (Docker Compose does the same), except single-quoted ones.
class VariableResolver
{
public:
    void setProcessEnvironment(const QHash<QString, QString> &environment) { m_process = environment; }
    void setUseProcessEnvironment(bool use) { m_useProcess = use; }
    void addEnvFile(const EnvFile &file) { m_envFiles.append(file); } // later files win

    // The value of one variable and where it came from; nullopt when nothing sets it.
    std::optional<VariableUse> lookup(const QString &name) const;
    // Every variable the .env files and (when enabled) the process environment define, resolved.
    QList<VariableUse> allVariables() const;

    // `file`, `line` and `column` locate `text` for diagnostics and for "default in FILE line N".
    // Codes: `codePrefix` + ".unresolved-variable", ".required-variable", ".invalid-substitution",
    // ".expansion-too-large" (values referring to each other blow up past maxExpandedLength).
    Substitution substitute(const QString &text, const QString &file, int line, int column = 0,
                            const QString &codePrefix = QStringLiteral("app")) const;

    static QHash<QString, QString> systemEnvironment();

    // No configuration value is this long; a longer expansion is a reference loop gone wild.
    static constexpr qsizetype maxExpandedLength = 64 * 1024;

private:
    QHash<QString, QString> m_process;
    bool m_useProcess = false;
    QList<EnvFile> m_envFiles;

    // State of one expansion: .env values already resolved (each is expanded once, so values that
    // refer to each other cost linear, not exponential, time) and the names being resolved (cycles).
    struct Expansion
    {
        QHash<QString, std::optional<VariableUse>> resolved;
        QList<QString> resolving;
        bool truncated = false;
    };

    std::optional<VariableUse> lookup(const QString &name, int depth, Expansion &expansion) const;
    void substituteInto(const QString &text, const QString &file, int line, int column, const QString &codePrefix,
                        int depth, Expansion &expansion, Substitution &result, QString &out) const;
};

} // namespace pgdial::core::appconfig
