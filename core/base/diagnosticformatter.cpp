#include "base/diagnosticformatter.h"

#include "pgdialversion.h"

#include <QDir>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace pgdial::core::base {

QByteArray DiagnosticFormatter::toText(const Diagnostics &diagnostics)
{
    QByteArray out;
    for (const Diagnostic &d : diagnostics) {
        out += d.toText().toUtf8();
        out += '\n';
        if (!d.suggestion.isEmpty()) {
            out += "  fix: " + d.suggestion.toUtf8();
            out += '\n';
        }
    }
    return out;
}

namespace {

QJsonObject fixToJson(const Fix &fix)
{
    QJsonArray edits;
    for (const LineEdit &edit : fix.edits) {
        QJsonArray lines;
        for (const QByteArray &line : edit.lines)
            lines.append(QString::fromUtf8(line));
        edits.append(
            QJsonObject {{u"line"_s, edit.firstIndex + 1}, {u"remove"_s, edit.removeCount}, {u"insert"_s, lines}});
    }
    return QJsonObject {{u"description"_s, fix.description}, {u"file"_s, fix.file}, {u"edits"_s, edits}};
}

} // namespace

QJsonObject DiagnosticFormatter::toJson(const Diagnostic &d)
{
    QJsonObject object {
        {u"severity"_s, severityName(d.severity)},
        {u"code"_s, d.code},
        {u"file"_s, d.file},
        {u"line"_s, d.line},
        {u"column"_s, d.column},
        {u"parameter"_s, d.parameter.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.parameter)},
        {u"message"_s, d.message},
        {u"suggestion"_s, d.suggestion.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.suggestion)},
    };
    if (!d.related.isEmpty())
        object.insert(u"related"_s, QJsonArray::fromStringList(d.related));
    if (d.fix)
        object.insert(u"fix"_s, fixToJson(*d.fix));
    return object;
}

void DiagnosticFormatter::writeJson(JsonWriter &writer, const Diagnostic &d)
{
    // The members of toJson(d), in the order QJsonObject keeps them (sorted by key).
    auto optional = [&writer](const QString &text) {
        if (text.isEmpty())
            writer.null();
        else
            writer.string(text);
    };
    writer.beginObject();
    writer.key("code"_L1);
    writer.string(d.code);
    writer.key("column"_L1);
    writer.number(d.column);
    writer.key("file"_L1);
    writer.string(d.file);
    if (d.fix) {
        writer.key("fix"_L1);
        writer.value(fixToJson(*d.fix));
    }
    writer.key("line"_L1);
    writer.number(d.line);
    writer.key("message"_L1);
    writer.string(d.message);
    writer.key("parameter"_L1);
    optional(d.parameter);
    if (!d.related.isEmpty()) {
        writer.key("related"_L1);
        writer.beginArray();
        for (const QString &place : d.related)
            writer.string(place);
        writer.endArray();
    }
    writer.key("severity"_L1);
    writer.string(severityName(d.severity));
    writer.key("suggestion"_L1);
    optional(d.suggestion);
    writer.endObject();
}

void DiagnosticFormatter::writeJson(JsonWriter &writer, const Diagnostics &diagnostics)
{
    writer.beginArray();
    for (const Diagnostic &d : diagnostics)
        writeJson(writer, d);
    writer.endArray();
}

QJsonArray DiagnosticFormatter::toJson(const Diagnostics &diagnostics)
{
    QJsonArray array;
    for (const Diagnostic &d : diagnostics)
        array.append(toJson(d));
    return array;
}

QJsonObject DiagnosticFormatter::summary(const Diagnostics &diagnostics)
{
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    for (const Diagnostic &d : diagnostics) {
        switch (d.severity) {
        case Severity::Error:
            ++errors;
            break;
        case Severity::Warning:
            ++warnings;
            break;
        case Severity::Info:
            ++infos;
            break;
        }
    }
    return {{u"errors"_s, errors}, {u"warnings"_s, warnings}, {u"infos"_s, infos}};
}

QByteArray DiagnosticFormatter::toSarif(const Diagnostics &diagnostics, const QString &rootPath)
{
    QJsonArray rules;
    QSet<QString> seenRules;
    QJsonArray results;
    for (const Diagnostic &d : diagnostics) {
        if (!seenRules.contains(d.code)) {
            seenRules.insert(d.code);
            rules.append(QJsonObject {{u"id"_s, d.code}});
        }
        const QString level = d.severity == Severity::Error ? u"error"_s
            : d.severity == Severity::Warning               ? u"warning"_s
                                                            : u"note"_s;
        QJsonObject region;
        if (d.line > 0)
            region.insert(u"startLine"_s, d.line);
        if (d.column > 0)
            region.insert(u"startColumn"_s, d.column);
        QJsonObject physical {
            {u"artifactLocation"_s, QJsonObject {{u"uri"_s, d.file}, {u"uriBaseId"_s, u"PROJECTROOT"_s}}}};
        if (!region.isEmpty())
            physical.insert(u"region"_s, region);
        QString text = d.message;
        if (!d.suggestion.isEmpty())
            text += u" ("_s + d.suggestion + u')';
        results.append(QJsonObject {{u"ruleId"_s, d.code},
                                    {u"level"_s, level},
                                    {u"message"_s, QJsonObject {{u"text"_s, text}}},
                                    {u"locations"_s, QJsonArray {QJsonObject {{u"physicalLocation"_s, physical}}}}});
    }
    const QString rootUri = QUrl::fromLocalFile(QDir(rootPath).absolutePath() + u'/').toString();
    const QJsonObject run {
        {u"tool"_s,
         QJsonObject {{u"driver"_s,
                       QJsonObject {{u"name"_s, u"pgdial"_s},
                                    {u"version"_s, QString::fromLatin1(pgdialVersion)},
                                    {u"informationUri"_s, u"https://github.com/pgdial/pgdial"_s},
                                    {u"rules"_s, rules}}}}},
        {u"originalUriBaseIds"_s, QJsonObject {{u"PROJECTROOT"_s, QJsonObject {{u"uri"_s, rootUri}}}}},
        {u"results"_s, results},
    };
    const QJsonObject sarif {
        {u"$schema"_s, u"https://json.schemastore.org/sarif-2.1.0.json"_s},
        {u"version"_s, u"2.1.0"_s},
        {u"runs"_s, QJsonArray {run}},
    };
    return QJsonDocument(sarif).toJson(QJsonDocument::Indented);
}

} // namespace pgdial::core::base
