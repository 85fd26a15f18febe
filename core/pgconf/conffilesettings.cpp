#include "pgconf/conffilesettings.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

// Calls `visit` with each row in the server's order. The loader numbers items and error rows from
// one counter as it reads, so each list is in seqno order and merging them is the view's order
// (no list of every row is needed to stream a million of them).
template<typename Visit> void forEachRow(const ConfLoadResult &load, const ConfValidation *validation, Visit &&visit)
{
    QList<bool> applied;
    if (!validation) {
        applied = QList<bool>(load.items.size(), !load.parseFailed);
        if (!load.parseFailed) {
            // Later occurrences of exactly the same name text win; earlier ones are not applied.
            QHash<QByteArray, qsizetype> last;
            for (qsizetype i = 0; i < load.items.size(); ++i) {
                if (auto it = last.find(load.items.at(i).name); it != last.end()) {
                    applied[*it] = false;
                    *it = i;
                } else {
                    last.insert(load.items.at(i).name, i);
                }
            }
        }
    }

    auto itemRow = [&](qsizetype i) {
        const ConfItem &item = load.items.at(i);
        ConfFileSetting row;
        row.sourcefile = item.file;
        row.sourceline = item.line;
        row.seqno = item.seqno;
        row.name = item.name;
        row.setting = item.value;
        if (validation && i < validation->items.size()) {
            const ConfItemVerdict &verdict = validation->items.at(i);
            row.applied = verdict.applied;
            if (!verdict.error.isEmpty())
                row.error = verdict.error;
        } else {
            row.applied = validation ? !load.parseFailed : applied.at(i);
        }
        return row;
    };
    auto errorRow = [](const ConfFileRow &error) {
        ConfFileSetting row;
        row.sourcefile = error.file;
        row.sourceline = error.line;
        row.seqno = error.seqno;
        row.applied = false;
        row.error = error.error;
        return row;
    };

    qsizetype item = 0;
    qsizetype error = 0;
    while (item < load.items.size() || error < load.errorRows.size()) {
        const bool takeItem = error == load.errorRows.size()
            || (item < load.items.size() && load.items.at(item).seqno < load.errorRows.at(error).seqno);
        if (takeItem)
            visit(itemRow(item++));
        else
            visit(errorRow(load.errorRows.at(error++)));
    }
}

// QString::fromUtf8 drops a leading byte order mark, but the server keeps it as part of the first
// name (A1), and pg_file_settings shows it: "\ufeffwork_mem".
QString textKeepingBom(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(bytes);
}

void writeText(base::JsonWriter &writer, const std::optional<QByteArray> &bytes)
{
    if (!bytes)
        writer.null();
    else if (base::JsonWriter::isAscii(*bytes)) // nearly always: no decoding needed
        writer.string(QLatin1StringView(*bytes));
    else
        writer.string(textKeepingBom(*bytes));
}

} // namespace

QList<ConfFileSetting> confFileSettings(const ConfLoadResult &load, const ConfValidation *validation)
{
    QList<ConfFileSetting> rows;
    rows.reserve(load.items.size() + load.errorRows.size());
    forEachRow(load, validation, [&rows](ConfFileSetting &&row) { rows.append(std::move(row)); });
    return rows;
}

QJsonArray confFileSettingsToJson(const QList<ConfFileSetting> &rows)
{
    QJsonArray array;
    for (const ConfFileSetting &row : rows) {
        array.append(QJsonObject {
            {u"sourcefile"_s, row.sourcefile},
            {u"sourceline"_s, row.sourceline},
            {u"seqno"_s, row.seqno},
            {u"name"_s, row.name ? QJsonValue(textKeepingBom(*row.name)) : QJsonValue(QJsonValue::Null)},
            {u"setting"_s, row.setting ? QJsonValue(textKeepingBom(*row.setting)) : QJsonValue(QJsonValue::Null)},
            {u"applied"_s, row.applied},
            {u"error"_s, row.error ? QJsonValue(*row.error) : QJsonValue(QJsonValue::Null)},
        });
    }
    return array;
}

void writeConfFileSettingsJson(base::JsonWriter &writer, const ConfLoadResult &load, const ConfValidation *validation)
{
    writer.beginArray();
    forEachRow(load, validation, [&writer](ConfFileSetting &&row) {
        // confFileSettingsToJson's members, sorted by key as QJsonObject keeps them.
        writer.beginObject();
        writer.key("applied"_L1);
        writer.boolean(row.applied);
        writer.key("error"_L1);
        if (row.error)
            writer.string(*row.error);
        else
            writer.null();
        writer.key("name"_L1);
        writeText(writer, row.name);
        writer.key("seqno"_L1);
        writer.number(row.seqno);
        writer.key("setting"_L1);
        writeText(writer, row.setting);
        writer.key("sourcefile"_L1);
        writer.string(row.sourcefile);
        writer.key("sourceline"_L1);
        writer.number(row.sourceline);
        writer.endObject();
    });
    writer.endArray();
}

} // namespace pgdial::core::pgconf
