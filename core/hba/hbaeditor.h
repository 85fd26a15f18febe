#pragma once

#include "base/lineedit.h"
#include "base/textdocument.h"
#include "hba/hbarule.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::hba {

enum class HbaField { Type, Database, User, Address, Netmask, Method, Options };

// One change to one file: apply `edit` to that file's TextDocument (its inverse undoes it).
struct HbaEdit
{
    QString file; // like HbaRule::file
    base::LineEdit edit;
    QString description; // for people ("Move line 7 above line 3")
};

// Lossless edits of a pg_hba.conf: every operation touches only the lines it must, keeps the
// other bytes (comments, blank lines, endings) and the file's column alignment style, and
// returns the LineEdit it makes. Rules are located through their spans (HbaRule::line ..
// lastLine); `document` must be the text of `rule.file` that the rule was parsed from.
class HbaEditor
{
public:
    // Formats fields (type, database, user, [address, [netmask]], method, options...) as one line
    // in the document's style: aligned to its usual field columns, or single-spaced/tabbed.
    static QByteArray formatRule(const base::TextDocument &document, const QStringList &fields);

    // Inserts a rule line before the 1-based line `beforeLine` (lineCount()+1: at the end).
    static HbaEdit insertRule(const base::TextDocument &document, const QString &file, int beforeLine,
                              const QStringList &fields);
    // Inserts a copy of the rule's lines (comment included) just after it.
    static std::optional<HbaEdit> duplicateRule(const base::TextDocument &document, const HbaRule &rule);
    static std::optional<HbaEdit> deleteRule(const base::TextDocument &document, const HbaRule &rule);
    // Moves the rule's lines so they start just before the 1-based line `beforeLine` (which must not
    // lie inside the rule); one LineEdit over the lines between the two places.
    static std::optional<HbaEdit> moveRule(const base::TextDocument &document, const HbaRule &rule, int beforeLine);
    // Comments the rule out ("#" in front of each of its physical lines).
    static std::optional<HbaEdit> disableRule(const base::TextDocument &document, const HbaRule &rule);
    // Uncomments the 1-based line `line` when it is a commented-out rule ("#host ...", "# local ...").
    static std::optional<HbaEdit> enableLine(const base::TextDocument &document, const QString &file, int line);
    // Replaces one field's text (as it should be written, quotes included), keeping the following
    // fields in their columns where the spacing allows. nullopt when the field is absent or spans
    // several physical lines.
    static std::optional<HbaEdit> editField(const base::TextDocument &document, const HbaRule &rule, HbaField field,
                                            const QString &text);

    // Sets the trailing "# comment" of a single-line rule (an empty text removes " # ..."), keeping
    // the spacing before an existing "#". nullopt for rules over several lines.
    static std::optional<HbaEdit> setComment(const base::TextDocument &document, const HbaRule &rule,
                                             const QString &comment);

    // Quotes a database or role name when the server would otherwise read it differently
    // (blanks, commas, quotes, '#', keywords, leading '+', '@' or '/').
    static QString quoteName(const QString &name);
};

} // namespace pgdial::core::hba
