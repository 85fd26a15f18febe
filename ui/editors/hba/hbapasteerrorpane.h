#pragma once

#include "hba/hbarejection.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace pgdial::ui::editors::hba {

class HbaRulesModel;

// "Paste a server error": a `no pg_hba.conf entry for host "…", user "…", database "…", …`
// message (from libpq, a log, an app's stack trace) becomes the narrowest rule that admits that
// connection, placed before the first rule that would otherwise decide it (HbaRuleProposer).
// The proposal is shown; "Insert rule" asks the page to insert it (proposalAccepted).
class HbaPasteErrorPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HbaPasteErrorPane)

public:
    explicit HbaPasteErrorPane(HbaRulesModel *rules, QWidget *parent = nullptr);

    const std::optional<core::hba::HbaRuleProposal> &proposal() const { return m_proposal; }
    // Reads the pasted text and proposes a rule; false when it holds no such message.
    bool propose();

Q_SIGNALS:
    void proposalAccepted(const core::hba::HbaRuleProposal &proposal);
    void rejectionFound(const core::hba::HbaConnectionAttempt &attempt);

private:
    // Asks before inserting a rule that lets the connection past a deliberate reject line.
    bool confirmBypass();

    HbaRulesModel *m_rules;
    QPlainTextEdit *m_text;
    QComboBox *m_method;
    QPushButton *m_proposeButton;
    QLabel *m_result;
    QPushButton *m_insertButton;
    std::optional<core::hba::HbaRuleProposal> m_proposal;
};

} // namespace pgdial::ui::editors::hba
