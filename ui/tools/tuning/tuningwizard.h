#pragma once

#include "environments/serverclientlist.h"
#include "tuning/machinedetector.h"
#include "tuning/projectconftuning.h"
#include "tuning/tuninginputs.h"
#include "tuning/tuningresult.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace pgdial::ui::document {
class ProjectContext;
class ProjectDocument;
} // namespace pgdial::ui::document

namespace pgdial::ui::tools::tuning {

class TuningDiffModel;
class TuningInputsForm;

// The tuning wizard: machine and workload inputs, every client of the server (the project's one
// live list, shown with its sum: max_connections is never recommended below what they need), the
// recommended settings of the chosen profile
// against what the project's postgresql.conf sets now (file:line, includes followed), checkable
// rows, Apply (the checked rows as one undoable edit per changed file, through the conf engine)
// and Copy as a postgresql.conf block or ALTER SYSTEM statements.
//
// Everything is recomputed on every input change, on the UI thread: both profiles and the diff
// take microseconds (bench_tuning); reading postgresql.conf again waits for edits to settle.
class TuningWizard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TuningWizard)

public:
    explicit TuningWizard(document::ProjectContext *context, QWidget *parent = nullptr);

    TuningInputsForm *form() const { return m_form; }
    TuningDiffModel *model() const { return m_model; }
    // The chosen profile's result for the current inputs, and those inputs.
    const core::tuning::TuningResult &result() const { return m_chosen; }
    core::tuning::TuningInputs inputs() const;
    // The chosen result narrowed to the checked rows (what Copy puts on the clipboard).
    core::tuning::TuningResult checkedResult() const;

    // Actions (also behind the buttons).
    void applyChecked();
    void copyAsConf();
    void copyAsAlterSystem();
    // Reads the project's postgresql.conf again, on a worker thread (after edits settle, after
    // Apply, on another version); the table follows when it is done.
    void reloadConfiguration();
    // The server's clients the recommendation counts (the project's one live list).
    const core::environments::ServerClientList &clients() const { return m_clients; }
    // A read of postgresql.conf has not been delivered yet.
    bool configurationPending() const { return m_confDelivered < m_confRequested; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    document::ProjectContext *m_context;
    core::tuning::MachineInfo m_machine;
    core::tuning::ProjectConfState m_conf;
    int m_confMajor = 0; // the version m_conf was (or is being) read for
    quint64 m_confRequested = 0;
    quint64 m_confDelivered = 0;
    core::tuning::TuningResult m_chosen;
    core::environments::ServerClientList m_clients;
    bool m_clientsStale = false; // changed while hidden: read again when shown
    TuningInputsForm *m_form;
    TuningDiffModel *m_model;
    QTableView *m_table;
    QLabel *m_fileLabel;
    QLabel *m_clientsLabel;
    QLabel *m_warnings;
    QLabel *m_status;
    QPushButton *m_apply;
    QPushButton *m_copyConf;
    QPushButton *m_copyAlter;
    QTimer *m_reloadTimer;

    void onProjectChanged();
    void onDocumentEdited(document::ProjectDocument *document);
    void onClientsChanged();
    void readClients();
    void recompute();
    void setConfiguration(core::tuning::ProjectConfState state);
    void updateButtons();
    void showSource(const QModelIndex &index);
    void copy(bool alterSystem);
    void showStatus(const QString &text);
    void fitReasonColumn();
};

} // namespace pgdial::ui::tools::tuning
