#pragma once

#include "probe/messagecatalogue.h"
#include "probe/probecontrol.h"
#include "probe/probeoptions.h"
#include "probe/probestage.h"

#include <QHash>

namespace pgdial::core::probe {

class PgSession;

// The checks stage, over an admin connection: the server-side reason for a password failure
// (which the client never sees), the three-role pattern's privileges, and the live settings
// against the project's postgresql.conf (with pending_restart).
class ServerChecks
{
public:
    struct Outcome
    {
        ProbeStage stage;
        QString passwordReason; // plain-language reason when the probed role's password failed
        QString passwordFix;
        int hbaLine = 0; // the server's pg_hba.conf line that rejects (hba_reject), 0 when unknown
        QHash<QString, QString> serverRuns; // settings whose live value differs from the file: name -> live
    };

    // `authVerdict`: what the auth stage concluded (password_failed and hba_reject get a server-side look).
    static Outcome run(const ProbeOptions &options, Verdict authVerdict, const ExplainContext &context,
                       const ProbeControl &control);

    // Compares a postgresql.conf value with pg_settings' setting in its unit ("128MB" vs 16384 8kB).
    static bool sameSetting(const QString &fileValue, const QString &setting, const QString &unit,
                            const QString &vartype);

private:
    static void passwordReason(PgSession &admin, const ExplainContext &context, const ProbeControl &control,
                               Outcome &outcome);
    static void hbaRules(PgSession &admin, Verdict authVerdict, const ExplainContext &context,
                         const ProbeControl &control, Outcome &outcome);
    static void threeRoles(PgSession &admin, const QString &appDatabase, const QString &adminConninfo,
                           const RolePattern &roles, const ProbeControl &control, Outcome &outcome);
    static void ownership(PgSession &appDatabase, const RolePattern &roles, const QHash<QString, bool> &canLogin,
                          const ProbeControl &control, Outcome &outcome);
    static void settings(PgSession &admin, const project::ServerSettingLookup &lookup, const ProbeControl &control,
                         Outcome &outcome);
};

} // namespace pgdial::core::probe
