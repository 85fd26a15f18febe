#pragma once

#include "hba/hbaconnectionattempt.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace pgdial::ui::editors::hba {

class HbaRulesModel;
class HbaTraceModel;

// "Who gets in?": describe a connection (socket or TCP with or without SSL / GSS encryption,
// database, user, the roles it belongs to, client address) and see which rule takes it, with the
// reason each earlier rule did not (HbaMatcher's explanations). Runs as you type and after every
// change to the file; the matching rule is highlighted in the rule table (matchedLineChanged).
class HbaSimulatorPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HbaSimulatorPane)

public:
    explicit HbaSimulatorPane(HbaRulesModel *rules, QWidget *parent = nullptr);

    // Fills the form from an attempt (e.g. the one a pasted server error describes).
    void setAttempt(const core::hba::HbaConnectionAttempt &attempt);
    // The attempt the form describes; nullopt while it is incomplete (message in the result line).
    std::optional<core::hba::HbaConnectionAttempt> attempt(QString *problem = nullptr) const;
    int matchedLine() const { return m_matchedLine; }
    HbaTraceModel *traceModel() const { return m_trace; }

Q_SIGNALS:
    void matchedLineChanged(int line); // 0: no rule matches (or the form is incomplete)
    void lineActivated(int line); // a trace row was double-clicked

private:
    HbaRulesModel *m_rules;
    QComboBox *m_transport;
    QCheckBox *m_replication;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_roles;
    QLineEdit *m_address;
    QLabel *m_result;
    QTableView *m_traceView;
    HbaTraceModel *m_trace;
    int m_matchedLine = 0;

    void simulate();
};

} // namespace pgdial::ui::editors::hba
