#pragma once

#include "probe/conninfoinspector.h"
#include "probe/messagecatalogue.h"
#include "probe/probecontrol.h"
#include "probe/probeoptions.h"
#include "probe/probereport.h"
#include "probe/socketaddress.h"

#include <QHash>

#include <functional>

namespace pgdial::core::probe {

class PgSession;

// Runs the stages of one probe one after the other on the calling thread (ConnectionProbe puts it
// on a worker thread). Every wait honours the ProbeControl's deadline and cancel flag.
class ProbeRunner
{
public:
    using StageCallback = std::function<void(const ProbeStage &)>;

    ProbeRunner(ProbeOptions options, const ProbeControl &control, StageCallback onStage = {});
    ProbeReport run();

    // The report's verdict, cause and fix from its stages (the first failed stage decides).
    static void conclude(ProbeReport &report, const ExplainContext &context);
    static ExplainContext context(const ConninfoInspector &conninfo);
    // With a project: the file and line the fix belongs to (the URL's line, the `ssl` setting).
    // `serverRuns`: settings the checks stage found the live server running differently from the
    // project's file (name -> live value), so a fix never asks for what the file already says.
    static void locateFix(ProbeReport &report, const ProbeOptions &options,
                          const QHash<QString, QString> &serverRuns = {});
    // Masks what the probe shows: the passwords of the conninfo and of the admin conninfo,
    // as written, as libpq decodes them, and from the environment or .pgpass.
    static base::SecretMasker maskerFor(const ProbeOptions &options);

private:
    ProbeOptions m_options;
    const ProbeControl &m_control;
    StageCallback m_onStage;
    ProbeReport m_report;
    base::SecretMasker m_masker; // the passwords of the conninfo and the admin conninfo
    int m_stageTimeoutMs = 5000;
    QList<SocketAddress> m_addresses;
    std::optional<SocketAddress> m_reachable; // the first address that accepts (libpq's first try)
    QList<SocketAddress> m_reachableAddresses; // every address that accepts, in libpq's order
    QString m_passwordReason; // from the checks stage, when an admin connection tells it
    QString m_passwordFix;
    int m_hbaRejectLine = 0;
    QHash<QString, QString> m_serverRuns; // settings the live server runs unlike the project's file

    void add(ProbeStage stage);
    void skip(const QString &name, const QString &why);
    bool resolveStage(const ConninfoInspector &conninfo);
    bool tcpStage();
    void tlsStage(const ConninfoInspector &conninfo);
    // One tls stage from the inspection of several addresses (facts.addresses has each one).
    static ProbeStage combineTlsResults(const QList<ProbeStage> &results, const QList<SocketAddress> &addresses,
                                        qint64 ms);
    void authAndSessionStages(const ConninfoInspector &conninfo);
    void sessionStage(PgSession &session);
    void checksStage();
};

} // namespace pgdial::core::probe
