#pragma once

#include "probe/probereport.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace pgdial::ui::tools::connectiontester {

// The outcome of a probe in plain words: the verdict, its cause and fix, a link to the file and
// line to change, and, when pgdial can write it, the pg_hba.conf rule to add.
class VerdictPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit VerdictPanel(QWidget *parent = nullptr);

    void showRunning();
    void showReport(const core::probe::ProbeReport &report);
    // The rule "Add this rule" would insert (empty: the button is hidden), with what it assumes.
    void setRuleProposal(const QString &ruleText, const QString &where, const QStringList &notes = {});
    void clear();

Q_SIGNALS:
    void showRequested(const QString &relativePath, int line);
    void addRuleRequested();

private:
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_cause;
    QLabel *m_fix;
    QLabel *m_location;
    QLabel *m_rule;
    QPushButton *m_addRule;

    static QString title(const core::probe::ProbeReport &report);
};

} // namespace pgdial::ui::tools::connectiontester
