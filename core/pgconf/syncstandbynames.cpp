#include "pgconf/syncstandbynames.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

enum class Kind { Name, Number, Any, First, Comma, Open, Close, Error };

struct Token
{
    Kind kind;
    QByteArray text;
};

bool identStart(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
}

bool identContinue(unsigned char c)
{
    return identStart(c) || (c >= '0' && c <= '9') || c == '$';
}

// syncrep_scanner.l: blanks skipped, ANY/FIRST case-insensitive, digits, identifiers, "quoted"
// names ("" inside), '*' as a name, ',', '(', ')'; anything else is an error token.
QList<Token> scan(const QByteArray &text)
{
    QList<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const unsigned char c = static_cast<unsigned char>(text.at(i));
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            ++i;
        } else if (c >= '0' && c <= '9') {
            const qsizetype start = i;
            while (i < n && text.at(i) >= '0' && text.at(i) <= '9')
                ++i;
            // "2abc" is a number followed by a name, as the flex rules read it.
            tokens.append({Kind::Number, text.mid(start, i - start)});
        } else if (identStart(c)) {
            const qsizetype start = i;
            while (i < n && identContinue(static_cast<unsigned char>(text.at(i))))
                ++i;
            const QByteArray word = text.mid(start, i - start);
            const QByteArray lower = word.toLower();
            tokens.append({lower == "any" ? Kind::Any : lower == "first" ? Kind::First : Kind::Name, word});
        } else if (c == '"') {
            QByteArray name;
            ++i;
            bool closed = false;
            while (i < n) {
                if (text.at(i) == '"') {
                    if (i + 1 < n && text.at(i + 1) == '"') {
                        name += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                name += text.at(i++);
            }
            if (!closed) {
                tokens.append({Kind::Error, QByteArray("\"")});
                return tokens;
            }
            tokens.append({Kind::Name, name});
        } else if (c == '*') {
            tokens.append({Kind::Name, QByteArray("*")});
            ++i;
        } else if (c == ',' || c == '(' || c == ')') {
            tokens.append({c == ',' ? Kind::Comma : c == '(' ? Kind::Open : Kind::Close, QByteArray(1, char(c))});
            ++i;
        } else {
            tokens.append({Kind::Error, QByteArray(1, char(c))});
            return tokens;
        }
    }
    return tokens;
}

} // namespace

bool SyncStandbyNames::check(const QString &value, QString *detail)
{
    if (value.isEmpty())
        return true;
    const QList<Token> tokens = scan(value.toUtf8());
    qsizetype at = 0;
    auto syntaxError = [&]() {
        if (detail) {
            *detail = at < tokens.size()
                ? QCoreApplication::translate("pgdial::pgconf", "syntax error at or near \"%1\"")
                      .arg(QString::fromUtf8(tokens.at(at).text))
                : QCoreApplication::translate("pgdial::pgconf", "syntax error at end of input");
        }
        return false;
    };
    auto is = [&](Kind kind) { return at < tokens.size() && tokens.at(at).kind == kind; };
    // standby_list: standby_name (',' standby_name)*, a name being NAME or NUM.
    auto list = [&]() {
        for (;;) {
            if (!is(Kind::Name) && !is(Kind::Number))
                return false;
            ++at;
            if (!is(Kind::Comma))
                return true;
            ++at;
        }
    };
    int count = -1;
    if (is(Kind::Any) || is(Kind::First)) {
        ++at;
        if (!is(Kind::Number))
            return syntaxError();
    }
    if (is(Kind::Number) && at + 1 < tokens.size() && tokens.at(at + 1).kind == Kind::Open) {
        count = tokens.at(at).text.toInt();
        at += 2;
        if (!list() || !is(Kind::Close))
            return syntaxError();
        ++at;
    } else if (at > 0) {
        ++at; // ANY/FIRST NUM without '('
        return syntaxError();
    } else if (!list()) {
        return syntaxError();
    }
    if (at < tokens.size())
        return syntaxError();
    if (count == 0) {
        if (detail)
            *detail = QCoreApplication::translate("pgdial::pgconf",
                                                  "number of synchronous standbys (%1) must be greater than zero")
                          .arg(count);
        return false;
    }
    return true;
}

} // namespace pgdial::core::pgconf
