#pragma once

#include "base/diagnostic.h"
#include "base/lineedit.h"
#include "base/result.h"
#include "base/textdocument.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::appconfig {

enum class EnvQuote {
    None, // KEY=value   (inline " #comment" ends it, ${VAR} is substituted)
    Single, // KEY='value' (literal: no escapes, no substitution)
    Double, // KEY="value" (escapes \n \t \" \\ \$, may span lines, ${VAR} is substituted)
};

// One KEY=value assignment of a .env file, where it is and how it was written.
struct EnvEntry
{
    QString key;
    QString value; // unquoted and unescaped, before ${VAR} substitution
    EnvQuote quote = EnvQuote::None;
    bool exported = false; // written with the `export` prefix
    int line = 0; // 1-based line of the key
    int lastLine = 0; // 1-based last line (double- or single-quoted values may span lines)
    int valueColumn = 0; // 1-based byte column where the value (or its opening quote) starts
    bool documentedForProductionOnly = false; // .env.example: under a "production" section comment

    bool substitutes() const { return quote != EnvQuote::Single; }
};

// A .env file read with the usual dotenv rules (python-dotenv / Docker Compose): comments, blank
// lines, `export`, quoting, inline comments, empty values. Duplicate keys: the last one wins.
// Parsing never fails; problems become diagnostics (codes env.*).
class EnvFile
{
public:
    static EnvFile parse(const base::TextDocument &document, const QString &fileName);

    QString fileName() const { return m_fileName; }
    const QList<EnvEntry> &entries() const { return m_entries; } // every assignment, in order
    QStringList keys() const; // unique, in order of first use
    std::optional<EnvEntry> find(const QString &key) const; // the assignment that wins
    const base::Diagnostics &diagnostics() const { return m_diagnostics; }

    // A lossless edit that sets KEY to `value` in `document` (the document this was parsed from):
    // the winning assignment's value is replaced, keeping its quoting when the value allows it and
    // its `export` prefix and trailing comment; a new key is appended at the end of the file.
    // The edit is checked by reading the result back: when it would not read back as `value`, or
    // would change how another assignment reads (a quote an earlier line never closes would now be
    // closed by it), it is refused with env.ambiguous-edit instead of silently changing other values.
    base::Result<base::LineEdit> setValue(const base::TextDocument &document, const QString &key,
                                          const QString &value) const;

    // The trailing "# comment" of KEY's winning assignment, without "#" and surrounding blanks.
    QString inlineComment(const base::TextDocument &document, const QString &key) const;
    // A lossless edit of that comment: only the assignment's last line changes; an empty comment
    // removes " # ..."; the spacing before an existing "#" is kept. Read back like setValue.
    base::Result<base::LineEdit> setComment(const base::TextDocument &document, const QString &key,
                                            const QString &comment) const;

    // How `value` is written after `=` so that this parser reads it back unchanged, preferring `quote`.
    static QByteArray formatValue(const QString &value, EnvQuote preferred);

private:
    // Where the text after the value starts on the assignment's last line (0-based; the blanks and
    // comment or trailing text that follow the value), or -1 when the line is not there.
    qsizetype afterValue(const base::TextDocument &document, const EnvEntry &entry) const;
    // Whether every key of this file (but `except`) has the same value in `edited`: an edit's read-back.
    bool valuesKeptIn(const EnvFile &edited, const QString &except = {}) const;
    base::LineEdit draftValueEdit(const base::TextDocument &document, const QString &key, const QString &value) const;

    QString m_fileName;
    QList<EnvEntry> m_entries;
    QStringList m_keys; // unique keys, in order of first use
    QHash<QString, qsizetype> m_lastIndex; // key -> index in m_entries of the assignment that wins
    base::Diagnostics m_diagnostics;
};

} // namespace pgdial::core::appconfig
