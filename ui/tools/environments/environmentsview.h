#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QTableView;
class QTimer;

namespace pgdial::ui::document {
class ProjectContext;
} // namespace pgdial::ui::document

namespace pgdial::ui::tools::environments {

class EnvironmentsModel;

// Tools > Environments: the project's development, production, testing, ... environments side by
// side (EnvironmentsModel), differences highlighted, a double-click opens the file a fact is
// written in. Environments are detected on a worker from a copy of the project, again after
// edits (debounced) and only while the view is visible.
class EnvironmentsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentsView)

public:
    explicit EnvironmentsView(document::ProjectContext *context, QWidget *parent = nullptr);

    EnvironmentsModel *model() const { return m_model; }
    bool isBusy() const;

Q_SIGNALS:
    void refreshed(); // the model shows the newest environments

protected:
    void showEvent(QShowEvent *event) override;

private:
    document::ProjectContext *m_context;
    EnvironmentsModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    QCheckBox *m_onlyDifferences;
    QTimer *m_debounce;
    quint64 m_generation = 0;
    int m_running = 0;
    bool m_stale = true;

    void scheduleRefresh();
    void refresh();
    void updateRows();
    void showSource(const QModelIndex &index);
};

} // namespace pgdial::ui::tools::environments
