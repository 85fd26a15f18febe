#include "probe/probestage.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace pgdial::core::probe {

QString stageStatusId(StageStatus status)
{
    switch (status) {
    case StageStatus::Ok:
        return u"ok"_s;
    case StageStatus::Fail:
        return u"fail"_s;
    case StageStatus::Warn:
        return u"warn"_s;
    case StageStatus::Skipped:
        break;
    }
    return u"skipped"_s;
}

StageStatus stageStatusFromId(const QString &id)
{
    for (const StageStatus status : {StageStatus::Ok, StageStatus::Fail, StageStatus::Warn})
        if (stageStatusId(status) == id)
            return status;
    return StageStatus::Skipped;
}

namespace {

QJsonValue masked(const QJsonValue &value, const base::SecretMasker &masker)
{
    if (value.isString())
        return masker.mask(value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(masked(item, masker));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = masked(it.value(), masker);
        return object;
    }
    return value;
}

} // namespace

void ProbeStage::maskSecrets(const base::SecretMasker &masker)
{
    detail = masker.mask(detail);
    for (QString &line : lines)
        line = masker.mask(line);
    facts = masked(facts, masker).toObject();
}

QJsonObject ProbeStage::toJson() const
{
    QJsonObject json {{u"name"_s, name}, {u"status"_s, stageStatusId(status)}, {u"ms"_s, ms}, {u"detail"_s, detail}};
    if (!lines.isEmpty())
        json.insert(u"lines"_s, QJsonArray::fromStringList(lines));
    if (status == StageStatus::Fail || status == StageStatus::Warn)
        json.insert(u"verdict"_s, verdictId(verdict));
    if (!facts.isEmpty())
        json.insert(u"facts"_s, facts);
    return json;
}

} // namespace pgdial::core::probe
