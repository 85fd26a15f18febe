#pragma once

#include "base/diagnostic.h"
#include "base/lineedit.h"
#include "base/result.h"
#include "base/textdocument.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::appconfig {

enum class ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Block, // | or > (not edited in place)
};

// One scalar of config.yaml: its value as YAML reads it (before ${VAR} substitution) and exactly
// where its source text is, so that an edit replaces only those bytes.
struct ConfigScalar
{
    QStringList path; // {"database", "pool_size"}
    QString value; // as yaml-cpp reads it
    ScalarStyle style = ScalarStyle::Plain;
    int line = 0; // 1-based line of the scalar's first byte (its opening quote, if any)
    int column = 0; // 1-based byte column
    int length = 0; // bytes of source text (quotes included); 0 when not editable in place
    bool inFlow = false; // inside [ ] or { }
    bool aliased = false; // the value is an alias (*name): edit the anchor instead
};

// The application's config.yaml read through yaml-cpp (exceptions caught here and turned into
// diagnostics with line and column), refusing hostile input first (YamlGuard). The typed view is
// the guide's `database:` section; every other key stays untouched in the text.
class AppConfigFile
{
public:
    static AppConfigFile parse(const base::TextDocument &document, const QString &fileName);

    // url, app_db, owner_user, user, ro_user, pool_size, max_overflow, pool_timeout, pool_recycle,
    // environment_mode, user_pw_file_path, user_pw_env_var
    static const QStringList &databaseKeys();

    QString fileName() const { return m_fileName; }
    bool isLoaded() const { return m_loaded; } // parsed as YAML (possibly without a database section)
    const base::Diagnostics &diagnostics() const { return m_diagnostics; }
    bool hasDatabaseSection() const { return m_databaseLine > 0; }
    // A mapping holds a key twice (app.yaml-duplicate-key): applications keep the last, so no
    // edit is made (setField/addField fail with app.yaml-ambiguous; ambiguousError() says why).
    bool isAmbiguous() const { return m_ambiguous; }
    base::Error ambiguousError() const;
    int databaseLine() const { return m_databaseLine; }
    const QList<ConfigScalar> &databaseFields() const { return m_fields; } // the known keys present, in file order
    std::optional<ConfigScalar> field(const QString &key) const; // database.<key>
    std::optional<ConfigScalar> scalar(const QStringList &path) const; // any mapping path, e.g. {"app", "workers"}

    // Lossless edit of database.<key>: replaces only the scalar's bytes, keeping its quoting style
    // when the value allows it and adding quotes when it needs them. Fails for block scalars,
    // aliases and missing keys.
    base::Result<base::LineEdit> setField(const base::TextDocument &document, const QString &key,
                                          const QString &value) const;
    // Lossless insertion of database.<key>: one new line after the section's last key, at its keys'
    // indentation, the value written plainly when YAML allows. The result is read back; anything
    // that would not read back exactly (a flow mapping, odd layouts) fails instead.
    base::Result<base::LineEdit> addField(const base::TextDocument &document, const QString &key,
                                          const QString &value) const;
    static base::Result<base::LineEdit> replaceScalar(const base::TextDocument &document, const ConfigScalar &scalar,
                                                      const QString &value);
    // The source text that makes YAML read `value`, preferring `preferred`.
    static QByteArray formatScalar(const QString &value, ScalarStyle preferred, bool inFlow, bool mustStayString);

private:
    QString m_fileName;
    bool m_loaded = false;
    base::Diagnostics m_diagnostics;
    int m_databaseLine = 0;
    int m_databaseColumn = 0; // 1-based column of the "database" key
    int m_databaseKeyColumn = 0; // 1-based column of the section's keys (0: no keys yet)
    int m_databaseLastKeyLine = 0; // 1-based line of the section's last key
    bool m_databaseFlow = false; // database: { ... }
    bool m_ambiguous = false; // a key written twice in one mapping
    QList<ConfigScalar> m_fields;
    QList<ConfigScalar> m_scalars; // every scalar reachable through mappings (no sequences, no aliases walked)
};

} // namespace pgdial::core::appconfig
