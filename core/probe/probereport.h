#pragma once

#include "probe/probestage.h"
#include "probe/verdict.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace pgdial::core::probe {

// Where the change that fixes a failed probe belongs, when a project is loaded (e.g. the
// `ssl = off` line of postgresql.conf, the DATABASE_URL line of .env, the hba rule that rejects).
struct FixLocation
{
    QString file; // project-relative
    int line = 0; // 1-based; 0 for the whole file
    QString text; // what to write there, when pgdial knows it (e.g. the hba rule to add)
};

// Everything a probe found. Never holds a password: the conninfo is kept masked.
struct ProbeReport
{
    Verdict verdict = Verdict::Other;
    QString failedStage; // name of the stage the verdict comes from; empty when ok
    QString cause; // plain-language cause of the verdict
    QString fix; // plain-language fix
    std::optional<FixLocation> fixLocation;
    QList<ProbeStage> stages;
    QString conninfo; // as probed, password masked
    bool cancelled = false;
    qint64 ms = 0;

    const ProbeStage *stage(const QString &name) const;
    bool ok() const { return verdict == Verdict::Ok; }
    // {"verdict", "stages": [{"name", "status", "ms", "detail", ...}], "cause", "fix", ...}
    QJsonObject toJson() const;
    QString toText() const;
    // Masks every text of the report (stages, cause, fix, conninfo) with what the masker knows.
    void maskSecrets(const base::SecretMasker &masker);
};

} // namespace pgdial::core::probe
