#include "editors/hba/hbapasteerrorpane.h"

#include "document/projectdocument.h"
#include "editors/hba/hbarulesmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pgdial::core::hba;

namespace pgdial::ui::editors::hba {

HbaPasteErrorPane::HbaPasteErrorPane(HbaRulesModel *rules, QWidget *parent)
    : QWidget(parent)
    , m_rules(rules)
    , m_text(new QPlainTextEdit(this))
    , m_method(new QComboBox(this))
    , m_proposeButton(new QPushButton(tr("Propose a rule"), this))
    , m_result(new QLabel(this))
    , m_insertButton(new QPushButton(tr("Insert rule"), this))
{
    setObjectName(u"hbaPasteErrorPane"_s);
    m_text->setObjectName(u"hbaPasteErrorText"_s);
    m_text->setPlaceholderText(tr("Paste the error the client got, e.g.\nFATAL:  no pg_hba.conf entry for host "
                                  "\"10.10.3.7\", user \"app\", database \"appdb\", SSL encryption"));
    m_text->setTabChangesFocus(true);
    m_method->setObjectName(u"hbaProposalMethod"_s);
    m_method->addItems(m_rules->methods());
    m_method->setCurrentText(u"scram-sha-256"_s);
    m_method->setToolTip(tr("The authentication method of the proposed rule"));
    m_proposeButton->setObjectName(u"hbaProposeRuleButton"_s);
    m_proposeButton->setToolTip(tr("Read the pasted message and propose the narrowest rule that admits it"));
    m_result->setObjectName(u"hbaProposalText"_s);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_insertButton->setObjectName(u"hbaInsertProposalButton"_s);
    m_insertButton->setEnabled(false);
    m_insertButton->setToolTip(tr("Insert the proposed rule where it takes effect (one undo step)"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Method:"), this));
    buttons->addWidget(m_method);
    buttons->addStretch(1);
    buttons->addWidget(m_proposeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Paste a server error</b>"), this));
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_result);
    layout->addWidget(m_insertButton, 0, Qt::AlignRight);
    layout->addStretch(1);

    connect(m_proposeButton, &QPushButton::clicked, this, &HbaPasteErrorPane::propose);
    connect(m_method, &QComboBox::currentTextChanged, this, [this] {
        if (m_proposal)
            propose();
    });
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        m_proposal.reset();
        m_insertButton->setEnabled(false);
    });
    connect(m_insertButton, &QPushButton::clicked, this, [this] {
        // Proposed again: the file may have changed since, and the place with it.
        if (propose() && m_insertButton->isEnabled() && (!m_proposal->bypassesReject || confirmBypass()))
            Q_EMIT proposalAccepted(*m_proposal);
    });
}

bool HbaPasteErrorPane::propose()
{
    m_proposal.reset();
    m_insertButton->setEnabled(false);
    const std::optional<HbaRejection> rejection = HbaRejection::parse(m_text->toPlainText());
    if (!rejection) {
        m_result->setText(tr("No \"no pg_hba.conf entry for host …\" or \"pg_hba.conf rejects connection …\" "
                             "message found in the pasted text."));
        return false;
    }
    HbaRuleProposal proposal = HbaRuleProposer::propose(m_rules->file(), *rejection, m_method->currentText());
    const QString path = m_rules->document()->relativePath();
    QString where;
    if (proposal.file.isEmpty() || proposal.file == path || proposal.beforeLine == 0) {
        proposal.file = path;
        where = proposal.beforeLine > 0 ? tr("before line %1").arg(proposal.beforeLine) : tr("at the end of the file");
    } else {
        // The deciding rule lives in an included file: this editor inserts into its own file only.
        where
            = tr("in %1 before line %2 (that file decides the connection)").arg(proposal.file).arg(proposal.beforeLine);
    }
    QString text
        = tr("Proposed rule, %1:<br><code>%2</code>").arg(where.toHtmlEscaped(), proposal.ruleText.toHtmlEscaped());
    for (const QString &note : std::as_const(proposal.notes))
        text += u"<br>• "_s + note.toHtmlEscaped();
    m_result->setText(text);
    m_proposal = proposal;
    // Nothing to insert when a rule already admits the connection over TLS (the notes say so).
    m_insertButton->setEnabled(proposal.file == path && !proposal.admittedOverTls);
    Q_EMIT rejectionFound(rejection->attempt());
    return true;
}

bool HbaPasteErrorPane::confirmBypass()
{
    QMessageBox box(QMessageBox::Warning, tr("Insert before a reject rule?"),
                    tr("Line %1 rejects these connections on purpose. The proposed rule goes before it and lets "
                       "this connection past it:\n\n%2\n\nInsert it anyway?")
                        .arg(m_proposal->beforeLine)
                        .arg(m_proposal->ruleText),
                    QMessageBox::NoButton, this);
    box.setObjectName(u"hbaBypassRejectDialog"_s);
    QPushButton *insert = box.addButton(tr("Insert anyway"), QMessageBox::AcceptRole);
    insert->setObjectName(u"hbaBypassRejectInsertButton"_s);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"hbaBypassRejectCancelButton"_s);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == insert;
}

} // namespace pgdial::ui::editors::hba
