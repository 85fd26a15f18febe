#include "pgconf/conffilesettings.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringDecoder>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

QList<ConfFileSetting> confFileSettings(const ConfLoadResult &load, const ConfValidation *validation)
{
    QList<ConfFileSetting> rows;
    rows.reserve(load.items.size() + load.errorRows.size());

    QList<bool> applied(load.items.size(), !load.parseFailed);
    if (!validation && !load.parseFailed) {
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

    for (qsizetype i = 0; i < load.items.size(); ++i) {
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
            row.applied = applied.at(i);
        }
        rows.append(std::move(row));
    }
    for (const ConfFileRow &error : load.errorRows) {
        ConfFileSetting row;
        row.sourcefile = error.file;
        row.sourceline = error.line;
        row.seqno = error.seqno;
        row.applied = false;
        row.error = error.error;
        rows.append(std::move(row));
    }
    std::sort(rows.begin(), rows.end(),
              [](const ConfFileSetting &a, const ConfFileSetting &b) { return a.seqno < b.seqno; });
    return rows;
}

namespace {

// QString::fromUtf8 drops a leading byte order mark, but the server keeps it as part of the first
// name (A1), and pg_file_settings shows it: "\ufeffwork_mem".
QString textKeepingBom(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(bytes);
}

} // namespace

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

} // namespace pgdial::core::pgconf
