#pragma once

#include "base/result.h"
#include "base/textdocument.h"
#include "hba/hbaeditor.h"
#include "hba/hbafile.h"
#include "hba/hbaparser.h"

#include <QString>

#include <optional>

namespace pgdial::core::hba {

// The rule operations on one pg_hba.conf by line number, as `pgdial-cli hba edit` asks for them:
// each finds the rule on the line (or the commented-out rule, for enable), refuses what the
// server would refuse (the new or changed line is parsed like the server does), and returns the
// lossless edit from HbaEditor, or an error saying why not. Nothing is written here.
class HbaRuleEdits
{
public:
    // `document` is the text of `path` (absolute); parsed with `options` (version, build features).
    HbaRuleEdits(base::TextDocument document, const QString &path, HbaParseOptions options);

    const HbaFile &file() const { return m_file; }

    // Inserts `ruleText` ("host appdb app 10.0.0.0/8 scram-sha-256") before the 1-based line
    // `beforeLine` (0: after the last line), in the file's column layout.
    base::Result<HbaEdit> add(const QString &ruleText, int beforeLine = 0) const;
    base::Result<HbaEdit> remove(int line) const;
    // Moves the rule on `line` so it starts just before `beforeLine` (lineCount()+1: to the end).
    base::Result<HbaEdit> move(int line, int beforeLine) const;
    // Uncomments the rule commented out on `line` ("#host ...").
    base::Result<HbaEdit> enable(int line) const;
    // Comments out the rule on `line`.
    base::Result<HbaEdit> disable(int line) const;
    // Sets one field of the rule on `line`: type, database, user, address, netmask, method,
    // options or comment; `value` as it should be written (quotes included).
    base::Result<HbaEdit> set(int line, const QString &field, const QString &value) const;

    // The rule commented out on `line` ("#host ...", "# local ..."), parsed from the text after
    // the '#' (spans relative to it), when that text is one valid rule. The one definition of a
    // disabled rule (the rule table shows them).
    std::optional<HbaRule> disabledRule(int line) const;
    // The same for any text after a '#', parsed with `options`.
    static std::optional<HbaRule> parseDisabled(const QByteArray &afterHash, const QString &path,
                                                const HbaParseOptions &options);

private:
    base::TextDocument m_document;
    QString m_path;
    HbaParseOptions m_options;
    HbaFile m_file;

    // The rule of the main file covering `line`, or an error naming the line.
    base::Result<const HbaRule *> ruleAt(int line) const;
    // `edit` applied to the document, if the server would still load the line at `line` after it.
    base::Result<HbaEdit> checked(HbaEdit edit, int line) const;
};

} // namespace pgdial::core::hba
