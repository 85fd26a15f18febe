#pragma once

#include "hba/hbaparser.h"
#include "hba/hbarule.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <functional>

namespace pgdial::core::hba {

// One token of a logical line, before the meaning of its field is known.
struct HbaRawToken
{
    QByteArray bytes; // quotes removed
    bool quoted = false;
    HbaSpan span; // on the rule's own line (the whole @name for tokens of an @file)
    QString sourceFile; // for @file tokens: the secondary file (relative) and its line
    int sourceLine = 0;
    QString viaAtFile;
};

struct HbaRawField
{
    // Nearly every field is one token: kept inline, so a field costs no allocation of its own.
    QVarLengthArray<HbaRawToken, 1> tokens;
    HbaSpan span;
};

// A non-empty logical line (or a line with a tokenizer error), as tokenize_auth_file emits it.
struct HbaRawLine
{
    QString file; // relative to the base directory
    QString absolutePath; // as the server names it in messages
    int lineNumber = 0; // the server's line number (first physical line)
    int lastLine = 0; // last physical line
    QList<HbaRawField> fields;
    HbaSpan lineSpan;
    QString error; // tokenizer error (bad @file, token too long, include problems)
    QString errorCode; // hba.* code for the error
    HbaSpan errorSpan;
};

// Splits pg_hba.conf text into logical lines and tokens exactly like the server's
// tokenize_auth_file()/next_token()/next_field_expand() of the target version: continuation
// lines (14+), quoting, comments, commas, @file expansion, include directives (16+).
class HbaTokenizer
{
public:
    HbaTokenizer(const HbaParseOptions &options, QString baseDirectory, HbaFile &file);

    // Tokenizes `contents` of the file at `absolutePath` and appends its lines (and those of
    // files it includes) to `out`.
    void tokenizeFile(const QString &absolutePath, const QByteArray &contents, int depth, QList<HbaRawLine> &out);
    // The same, handing each line to `sink` as soon as it is read. The line is only valid during
    // the call (the tokenizer reuses it for the next line).
    using LineSink = std::function<void(const HbaRawLine &)>;
    void tokenizeFile(const QString &absolutePath, const QByteArray &contents, int depth, const LineSink &sink);

    // Reads a file through the options' reader (or the disk). nullopt + message on failure.
    std::optional<QByteArray> readFile(const QString &absolutePath, QString *error) const;

    // AbsoluteConfigLocation(): `location` relative to the folder of `callingFile`.
    static QString absoluteLocation(const QString &location, const QString &callingFile);

private:
    struct Position;
    void expandAtFile(const QByteArray &name, const QString &outerFile, int depth, HbaRawToken &reference,
                      HbaRawField &field, QString *error);
    bool handleInclude(HbaRawLine &line, const QString &absolutePath, int depth, const LineSink &sink);
    QString relative(const QString &absolutePath) const;

    const HbaParseOptions &m_options;
    QString m_baseDirectory;
    HbaFile &m_file;
};

} // namespace pgdial::core::hba
