#pragma once

#include "base/secretmasker.h"
#include "probe/verdict.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace pgdial::core::probe {

enum class StageStatus { Ok, Fail, Warn, Skipped };

QString stageStatusId(StageStatus status); // "ok", "fail", "warn", "skipped" (stable, JSON)
StageStatus stageStatusFromId(const QString &id); // unknown ids: Skipped

// One step of a probe: parse, resolve, tcp, tls, auth, session, checks.
struct ProbeStage
{
    QString name;
    StageStatus status = StageStatus::Skipped;
    qint64 ms = 0; // wall time spent in the stage
    QString detail; // one line for people (never holds a password)
    QStringList lines; // everything else worth showing: one fact or one libpq attempt per line
    Verdict verdict = Verdict::Ok; // what this stage concluded when it failed or warned
    QJsonObject facts; // machine-readable findings (addresses, certificate chain, server facts)

    QJsonObject toJson() const;
    // Passes every text (detail, lines, facts) through the masker: libpq's messages echo input.
    void maskSecrets(const base::SecretMasker &masker);
};

} // namespace pgdial::core::probe
