#pragma once

#include "environments/serverclientlist.h"
#include "tuning/poolcalculator.h"
#include "tuning/projectpoolsettings.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace pgdial::ui::document {
class ProjectContext;
class ProjectDocument;
} // namespace pgdial::ui::document

namespace pgdial::ui::tools::pool {

class PoolBudgetChart;
class PoolTrafficTableModel;

// The pool calculator tool: the guide's formula (requests in flight x average query time /
// request duration) and the deployment (instances, workers per instance, every other client of
// the server from the project's one list plus those added by hand, the server's limits) in; the connections needed, the
// guide's traffic table with its row marked, the connection budget as a chart, and recommendations out, each with an
// Apply that edits config.yaml (pool_size, max_overflow) or postgresql.conf (max_connections) as one undo step. The
// deployment inputs are prefilled from the project (config.yaml app.workers, postgresql.conf limits, the project
// settings' app instances) and follow edits of those files.
class PoolCalculatorPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit PoolCalculatorPanel(document::ProjectContext *context, QWidget *parent = nullptr);

    PoolBudgetChart *chart() const { return m_chart; }
    PoolTrafficTableModel *trafficModel() const { return m_trafficModel; }
    const core::tuning::PoolRecommendation &recommendation() const { return m_result; }
    const core::tuning::ProjectPoolSettings &projectValues() const { return m_fromProject; }
    // The server's other clients as the calculator counts them (ProjectClients, plus the "other
    // clients" box when no project is open).
    const core::environments::ServerClientList &clients() const { return m_clients; }

    // Public for the tests and the buttons: apply the recommendation to the project's documents.
    bool applyToAppConfig();
    bool applyToServer();

protected:
    void showEvent(QShowEvent *event) override;

private:
    document::ProjectContext *m_context;
    QDoubleSpinBox *m_requests;
    QDoubleSpinBox *m_queryMs;
    QDoubleSpinBox *m_requestMs;
    QSpinBox *m_instances;
    QSpinBox *m_workers;
    QSpinBox *m_otherClients;
    QSpinBox *m_maxConnections;
    QSpinBox *m_superuserReserved;
    QSpinBox *m_reserved;
    QLabel *m_sources;
    QLabel *m_clientsList;
    QLabel *m_needed;
    QLabel *m_verdict;
    QLabel *m_explanation;
    PoolTrafficTableModel *m_trafficModel;
    QTableView *m_trafficView;
    PoolBudgetChart *m_chart;
    QLabel *m_appRecommendation;
    QPushButton *m_applyConfig;
    QLabel *m_serverRecommendation;
    QPushButton *m_applyServer;
    QLabel *m_status;
    core::tuning::ProjectPoolSettings m_fromProject;
    core::tuning::PoolRecommendation m_result;
    core::environments::ServerClientList m_clients;
    int m_pgVersion = 17;
    // While hidden the panel does not re-read the project on every edit; it catches up when shown.
    bool m_stale = false;
    bool m_stalePrefillAll = false;

    QWidget *createInputs();
    QWidget *createResult();
    QWidget *createRecommendations();
    void projectChanged();
    void clientsChanged();
    void otherClientsEdited(int count);
    void showClients();
    void readProject(bool prefillAll);
    core::tuning::PoolInputs inputs() const;
    void recompute();
    void updateRecommendations();
    void showOutcome(const QStringList &lines, bool failed);
};

} // namespace pgdial::ui::tools::pool
