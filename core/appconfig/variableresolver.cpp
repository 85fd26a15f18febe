#include "appconfig/variableresolver.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QSet>

using namespace Qt::StringLiterals;

namespace pgdial::core::appconfig {

namespace {

constexpr int maxDepth = 16; // nested defaults and .env values that refer to other values

QString tr(const char *text)
{
    return QCoreApplication::translate("VariableResolver", text);
}

bool isNameStart(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9');
}

} // namespace

QString Provenance::describe() const
{
    switch (source) {
    case Source::ProcessEnvironment:
        return tr("process environment");
    case Source::EnvFile:
        return tr("%1 line %2").arg(file).arg(line);
    case Source::Default:
        return tr("default in %1 line %2").arg(file).arg(line);
    case Source::Literal:
        return line > 0 ? tr("%1 line %2").arg(file).arg(line) : tr("written literally");
    case Source::Unset:
        return tr("not set");
    }
    return {};
}

QString Provenance::sourceId() const
{
    switch (source) {
    case Source::ProcessEnvironment:
        return u"environment"_s;
    case Source::EnvFile:
        return u"env-file"_s;
    case Source::Default:
        return u"default"_s;
    case Source::Literal:
        return u"literal"_s;
    case Source::Unset:
        return u"unset"_s;
    }
    return {};
}

Provenance Substitution::provenance() const
{
    return uses.isEmpty() ? Provenance {} : uses.first().provenance;
}

QHash<QString, QString> VariableResolver::systemEnvironment()
{
    QHash<QString, QString> environment;
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString &key : system.keys())
        environment.insert(key, system.value(key));
    return environment;
}

std::optional<VariableUse> VariableResolver::lookup(const QString &name) const
{
    Expansion expansion;
    return lookup(name, 0, expansion);
}

std::optional<VariableUse> VariableResolver::lookup(const QString &name, int depth, Expansion &expansion) const
{
    if (m_useProcess) {
        const auto it = m_process.constFind(name);
        if (it != m_process.cend())
            return VariableUse {name, it.value(), Provenance {Provenance::Source::ProcessEnvironment, {}, 0}, {}};
    }
    if (const auto known = expansion.resolved.constFind(name); known != expansion.resolved.cend())
        return known.value();
    // A value that refers to itself (A=$A, or A=$B with B=$A) sees the name as not yet defined,
    // as Docker Compose does when it reads .env top to bottom.
    if (expansion.resolving.contains(name))
        return std::nullopt;
    std::optional<VariableUse> found;
    for (auto file = m_envFiles.crbegin(); file != m_envFiles.crend(); ++file) {
        if (const std::optional<EnvEntry> entry = file->find(name)) {
            VariableUse use {name, entry->value,
                             Provenance {Provenance::Source::EnvFile, file->fileName(), entry->line}, entry->value};
            if (entry->substitutes() && entry->value.contains(u'$') && depth < maxDepth) {
                Substitution inner;
                QString out;
                expansion.resolving.append(name);
                substituteInto(entry->value, file->fileName(), entry->line, entry->valueColumn, u"env"_s, depth + 1,
                               expansion, inner, out);
                expansion.resolving.removeLast();
                use.value = out;
            }
            found = use;
            break;
        }
    }
    expansion.resolved.insert(name, found);
    return found;
}

QList<VariableUse> VariableResolver::allVariables() const
{
    QStringList names;
    QSet<QString> seen; // a list scan per key was quadratic in the number of keys
    for (const EnvFile &file : m_envFiles)
        for (const QString &key : file.keys())
            if (!seen.contains(key)) {
                seen.insert(key);
                names.append(key);
            }
    QList<VariableUse> variables;
    for (const QString &name : std::as_const(names))
        if (const auto use = lookup(name))
            variables.append(*use);
    return variables;
}

Substitution VariableResolver::substitute(const QString &text, const QString &file, int line, int column,
                                          const QString &codePrefix) const
{
    Substitution result;
    Expansion expansion;
    substituteInto(text, file, line, column, codePrefix, 0, expansion, result, result.value);
    if (expansion.truncated) {
        base::Diagnostic d;
        d.severity = base::Severity::Error;
        d.code = codePrefix + u".expansion-too-large"_s;
        d.file = file;
        d.line = line;
        d.column = column;
        d.message = tr("Substituting variables makes this value longer than %1 characters; it was cut there")
                        .arg(maxExpandedLength);
        d.suggestion = tr("Check the .env values for variables that refer to each other over and over");
        result.diagnostics.append(d);
    }
    return result;
}

void VariableResolver::substituteInto(const QString &text, const QString &file, int line, int column,
                                      const QString &codePrefix, int depth, Expansion &expansion, Substitution &result,
                                      QString &out) const
{
    auto diagnose = [&](base::Severity severity, const QString &code, qsizetype offset, const QString &message,
                        const QString &suggestion) {
        base::Diagnostic d;
        d.severity = severity;
        d.code = codePrefix + u'.' + code;
        d.file = file;
        d.line = line;
        d.column = column > 0 ? column + static_cast<int>(text.left(offset).toUtf8().size()) : 0;
        d.message = message;
        d.suggestion = suggestion;
        result.diagnostics.append(d);
    };
    const Provenance defaultProvenance {Provenance::Source::Default, file, line};
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (out.size() > maxExpandedLength) {
            out.truncate(maxExpandedLength);
            expansion.truncated = true;
            return;
        }
        const QChar c = text.at(i);
        if (c != u'$' || i + 1 >= n) {
            out += c;
            ++i;
            continue;
        }
        const QChar next = text.at(i + 1);
        if (next == u'$') {
            out += u'$';
            i += 2;
            continue;
        }
        if (isNameStart(next)) {
            qsizetype e = i + 1;
            while (e < n && isNameChar(text.at(e)))
                ++e;
            const QString name = text.mid(i + 1, e - i - 1);
            if (const auto use = lookup(name, depth, expansion)) {
                out += use->value;
                result.uses.append(*use);
            } else {
                result.uses.append(VariableUse {name, {}, Provenance {Provenance::Source::Unset, {}, 0}, {}});
                diagnose(base::Severity::Warning, u"unresolved-variable"_s, i,
                         tr("$%1 is not set anywhere; it becomes an empty string").arg(name),
                         tr("Set %1 in .env, or write ${%1:-default}").arg(name));
            }
            i = e;
            continue;
        }
        if (next != u'{') {
            out += c;
            ++i;
            continue;
        }
        // ${ ... } with nesting: find the matching brace.
        qsizetype close = -1;
        int level = 0;
        for (qsizetype k = i + 2; k < n; ++k) {
            if (text.at(k) == u'$' && k + 1 < n && text.at(k + 1) == u'{') {
                ++level;
                ++k;
            } else if (text.at(k) == u'}') {
                if (level == 0) {
                    close = k;
                    break;
                }
                --level;
            }
        }
        if (close < 0) {
            diagnose(base::Severity::Error, u"invalid-substitution"_s, i, tr("\"${\" is never closed with \"}\""),
                     tr("Close the expression with \"}\", or write $$ for a literal dollar sign"));
            out += text.mid(i);
            return;
        }
        const QString inner = text.mid(i + 2, close - i - 2);
        qsizetype e = 0;
        if (!inner.isEmpty() && isNameStart(inner.at(0)))
            while (e < inner.size() && isNameChar(inner.at(e)))
                ++e;
        const QString name = inner.left(e);
        QString op;
        QString argument;
        if (e < inner.size()) {
            const QString rest = inner.mid(e);
            for (const QString &candidate : {u":-"_s, u":?"_s, u":+"_s, u"-"_s, u"?"_s, u"+"_s}) {
                if (rest.startsWith(candidate)) {
                    op = candidate;
                    argument = rest.mid(candidate.size());
                    break;
                }
            }
        }
        if (name.isEmpty() || (e < inner.size() && op.isEmpty())) {
            diagnose(base::Severity::Error, u"invalid-substitution"_s, i,
                     tr("\"${%1}\" is not a valid substitution").arg(inner),
                     tr("Write ${NAME}, ${NAME:-default}, ${NAME-default} or ${NAME:?message}"));
            out += text.mid(i, close - i + 1);
            i = close + 1;
            continue;
        }
        const std::optional<VariableUse> found = lookup(name, depth, expansion);
        const bool isSet = found.has_value();
        const bool nonEmpty = isSet && !found->value.isEmpty();
        const bool colon = op.startsWith(u':');
        const bool present = colon ? nonEmpty : isSet;
        auto expandArgument = [&]() {
            QString expanded;
            if (depth < maxDepth)
                substituteInto(argument, file, line, column > 0 ? column : 0, codePrefix, depth + 1, expansion, result,
                               expanded);
            else
                expanded = argument;
            return expanded;
        };
        if (op.isEmpty()) {
            if (isSet) {
                out += found->value;
                result.uses.append(*found);
            } else {
                result.uses.append(VariableUse {name, {}, Provenance {Provenance::Source::Unset, {}, 0}, {}});
                diagnose(base::Severity::Warning, u"unresolved-variable"_s, i,
                         tr("${%1} is not set anywhere and has no default; it becomes an empty string").arg(name),
                         tr("Set %1 in .env, or give a default: ${%1:-value}").arg(name));
            }
        } else if (op.endsWith(u'-')) {
            if (present) {
                out += found->value;
                result.uses.append(*found);
            } else {
                const qsizetype at = result.uses.size();
                const QString value = expandArgument();
                out += value;
                result.uses.insert(at, VariableUse {name, value, defaultProvenance, {}});
            }
        } else if (op.endsWith(u'?')) {
            if (present) {
                out += found->value;
                result.uses.append(*found);
            } else {
                result.uses.append(VariableUse {name, {}, Provenance {Provenance::Source::Unset, {}, 0}, {}});
                const QString message = expandArgument();
                diagnose(base::Severity::Error, u"required-variable"_s, i,
                         message.isEmpty()
                             ? tr("%1 is required but %2").arg(name, isSet ? tr("empty") : tr("not set"))
                             : tr("%1 is required but %2: %3").arg(name, isSet ? tr("empty") : tr("not set"), message),
                         tr("Set %1 in .env or in the environment").arg(name));
            }
        } else { // '+': the alternative when set
            if (present) {
                result.uses.append(*found);
                out += expandArgument();
            }
        }
        i = close + 1;
    }
}

} // namespace pgdial::core::appconfig
