#include "probe/probereport.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace pgdial::core::probe {

const ProbeStage *ProbeReport::stage(const QString &name) const
{
    for (const ProbeStage &s : stages)
        if (s.name == name)
            return &s;
    return nullptr;
}

void ProbeReport::maskSecrets(const base::SecretMasker &masker)
{
    for (ProbeStage &s : stages)
        s.maskSecrets(masker);
    cause = masker.mask(cause);
    fix = masker.mask(fix);
    conninfo = masker.mask(conninfo);
    if (fixLocation)
        fixLocation->text = masker.mask(fixLocation->text);
}

QJsonObject ProbeReport::toJson() const
{
    QJsonArray stageArray;
    for (const ProbeStage &s : stages)
        stageArray.append(s.toJson());
    QJsonObject json {{u"verdict"_s, verdictId(verdict)},
                      {u"stages"_s, stageArray},
                      {u"cause"_s, cause},
                      {u"fix"_s, fix},
                      {u"failed_stage"_s, failedStage.isEmpty() ? QJsonValue() : QJsonValue(failedStage)},
                      {u"conninfo"_s, conninfo},
                      {u"ms"_s, ms}};
    if (cancelled)
        json.insert(u"cancelled"_s, true);
    if (fixLocation)
        json.insert(u"fix_location"_s,
                    QJsonObject {{u"file"_s, fixLocation->file},
                                 {u"line"_s, fixLocation->line},
                                 {u"text"_s, fixLocation->text}});
    return json;
}

QString ProbeReport::toText() const
{
    QString text;
    for (const ProbeStage &s : stages) {
        text += u"%1 %2 %3 ms  %4\n"_s.arg(s.name.leftJustified(8), stageStatusId(s.status).leftJustified(7))
                    .arg(s.ms, 5)
                    .arg(s.detail);
        for (const QString &line : s.lines)
            text += u"    "_s + line + u'\n';
    }
    text += QCoreApplication::translate("probe", "verdict: %1").arg(verdictId(verdict));
    if (!failedStage.isEmpty())
        text += QCoreApplication::translate("probe", " (stage %1)").arg(failedStage);
    text += u'\n';
    if (!cause.isEmpty())
        text += QCoreApplication::translate("probe", "cause: %1\n").arg(cause);
    if (!fix.isEmpty())
        text += QCoreApplication::translate("probe", "fix: %1\n").arg(fix);
    if (fixLocation) {
        // Line 0 is the whole file: no ":0" that reads like a place.
        text += fixLocation->line > 0
            ? QCoreApplication::translate("probe", "where: %1:%2\n").arg(fixLocation->file).arg(fixLocation->line)
            : QCoreApplication::translate("probe", "where: %1\n").arg(fixLocation->file);
        if (!fixLocation->text.isEmpty())
            text += u"    "_s + fixLocation->text + u'\n';
    }
    return text;
}

} // namespace pgdial::core::probe
