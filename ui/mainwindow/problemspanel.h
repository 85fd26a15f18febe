#pragma once

#include "base/diagnostic.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QToolButton;

namespace pgdial::ui::models {
class DiagnosticsFilterModel;
class DiagnosticsModel;
} // namespace pgdial::ui::models

namespace pgdial::ui::mainwindow {

// The Problems panel: every diagnostic of the project, filterable by severity, file and text.
// Activating a row (double-click, Enter, F8) asks the window to show that place.
class ProblemsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsPanel)

public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    void setDiagnostics(const core::base::Diagnostics &diagnostics);
    models::DiagnosticsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    void selectNext();
    void selectPrevious();

Q_SIGNALS:
    void locationActivated(const QString &file, int line, int column);
    void countsChanged(int errors, int warnings, int infos);
    // "Apply Fix" on a diagnostic that carries one (the window applies it as one undo step).
    void applyFixRequested(const pgdial::core::base::Diagnostic &diagnostic);

private:
    models::DiagnosticsModel *m_model;
    models::DiagnosticsFilterModel *m_filter;
    QTableView *m_view;
    QToolButton *m_errors;
    QToolButton *m_warnings;
    QToolButton *m_infos;
    QComboBox *m_files;
    QLineEdit *m_search;
    QToolButton *m_applyFix;

    void activateRow(int proxyRow);
    void step(int direction);
    void updateCounts();
    void updateApplyFix();
    void applyFix();
};

} // namespace pgdial::ui::mainwindow
