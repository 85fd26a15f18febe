#include "editors/hba/hbasimulatorpane.h"

#include "document/projectdocument.h"
#include "editors/hba/hbarulesmodel.h"
#include "editors/hba/hbatracemodel.h"
#include "hba/hbaimpact.h"
#include "hba/hbamatcher.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pgdial::core::hba;

namespace pgdial::ui::editors::hba {

HbaSimulatorPane::HbaSimulatorPane(HbaRulesModel *rules, QWidget *parent)
    : QWidget(parent)
    , m_rules(rules)
    , m_transport(new QComboBox(this))
    , m_replication(new QCheckBox(tr("Physical replication (replication=true)"), this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_roles(new QLineEdit(this))
    , m_address(new QLineEdit(this))
    , m_result(new QLabel(this))
    , m_traceView(new QTableView(this))
    , m_trace(new HbaTraceModel(this))
{
    setObjectName(u"hbaSimulator"_s);
    m_transport->setObjectName(u"hbaSimTransport"_s);
    m_transport->addItem(tr("Unix socket (local)"), int(HbaTransport::Local));
    m_transport->addItem(tr("TCP, no encryption"), int(HbaTransport::Tcp));
    m_transport->addItem(tr("TCP with SSL"), int(HbaTransport::TcpSsl));
    m_transport->addItem(tr("TCP with GSSAPI encryption"), int(HbaTransport::TcpGss));
    m_transport->setCurrentIndex(2);
    m_transport->setToolTip(tr("How the client reaches the server: sslmode and gssencmode decide SSL / GSS"));
    m_replication->setObjectName(u"hbaSimReplication"_s);
    m_replication->setToolTip(tr("A physical replication connection matches only rules for the "
                                 "\"replication\" database"));
    m_database->setObjectName(u"hbaSimDatabase"_s);
    m_database->setPlaceholderText(tr("database name"));
    m_database->setText(u"postgres"_s);
    m_user->setObjectName(u"hbaSimUser"_s);
    m_user->setPlaceholderText(tr("role name"));
    m_user->setText(u"postgres"_s);
    m_roles->setObjectName(u"hbaSimRoles"_s);
    m_roles->setPlaceholderText(tr("roles the user belongs to, comma-separated (for +group)"));
    m_roles->setToolTip(tr("Every role the user is a member of, directly or indirectly"));
    m_address->setObjectName(u"hbaSimAddress"_s);
    m_address->setPlaceholderText(tr("client IP address, e.g. 10.10.3.7"));
    m_address->setText(u"127.0.0.1"_s);
    m_result->setObjectName(u"hbaSimResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_traceView->setObjectName(u"hbaSimTrace"_s);
    m_traceView->setModel(m_trace);
    m_traceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_traceView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_traceView->setWordWrap(true);
    m_traceView->verticalHeader()->hide();
    m_traceView->horizontalHeader()->setSectionResizeMode(HbaTraceModel::LineColumn, QHeaderView::ResizeToContents);
    m_traceView->horizontalHeader()->setSectionResizeMode(HbaTraceModel::RuleColumn, QHeaderView::Interactive);
    m_traceView->horizontalHeader()->setSectionResizeMode(HbaTraceModel::VerdictColumn, QHeaderView::Stretch);
    m_traceView->horizontalHeader()->resizeSection(HbaTraceModel::RuleColumn, 300);
    m_traceView->verticalHeader()->setDefaultSectionSize(m_traceView->fontMetrics().height() + 6);
    m_traceView->horizontalHeader()->setStretchLastSection(true);
    m_traceView->setToolTip(tr("Every rule the server tried before the match, and why it did not take the connection"));
    connect(m_traceView, &QTableView::doubleClicked, this,
            [this](const QModelIndex &index) { Q_EMIT lineActivated(index.data(HbaTraceModel::LineRole).toInt()); });

    auto *form = new QFormLayout;
    form->addRow(tr("Connection:"), m_transport);
    form->addRow(QString(), m_replication);
    form->addRow(tr("Database:"), m_database);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Member of:"), m_roles);
    form->addRow(tr("Client address:"), m_address);

    // Form on the left, the verdict and the walk through the rules on the right: the pane sits
    // under the rule table, which is wide rather than tall.
    auto *title = new QLabel(tr("<b>Who gets in?</b> Describe a connection:"), this);
    auto *left = new QVBoxLayout;
    left->addWidget(title);
    left->addLayout(form);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_result);
    right->addWidget(m_traceView, 1);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addLayout(right, 5);

    connect(m_transport, &QComboBox::currentIndexChanged, this, &HbaSimulatorPane::simulate);
    connect(m_replication, &QCheckBox::toggled, this, &HbaSimulatorPane::simulate);
    for (QLineEdit *edit : {m_database, m_user, m_roles, m_address})
        connect(edit, &QLineEdit::textChanged, this, &HbaSimulatorPane::simulate);
    connect(m_rules, &HbaRulesModel::reparsed, this, &HbaSimulatorPane::simulate);
    simulate();
}

void HbaSimulatorPane::setAttempt(const HbaConnectionAttempt &attempt)
{
    const QSignalBlocker blockers[]
        = {QSignalBlocker(m_transport), QSignalBlocker(m_replication), QSignalBlocker(m_database),
           QSignalBlocker(m_user),      QSignalBlocker(m_roles),       QSignalBlocker(m_address)};
    m_transport->setCurrentIndex(m_transport->findData(int(attempt.transport)));
    m_replication->setChecked(attempt.physicalReplication);
    m_database->setText(attempt.physicalReplication ? QString() : attempt.database);
    m_user->setText(attempt.user);
    m_roles->setText(attempt.memberOf.join(u", "_s));
    m_address->setText(attempt.isTcp() ? attempt.clientAddress.toString() : QString());
    simulate();
}

std::optional<HbaConnectionAttempt> HbaSimulatorPane::attempt(QString *problem) const
{
    HbaConnectionAttempt attempt;
    attempt.transport = HbaTransport(m_transport->currentData().toInt());
    attempt.physicalReplication = m_replication->isChecked();
    attempt.database = attempt.physicalReplication ? u"replication"_s : m_database->text().trimmed();
    attempt.user = m_user->text().trimmed();
    for (const QString &role : m_roles->text().split(u',', Qt::SkipEmptyParts)) {
        if (!role.trimmed().isEmpty())
            attempt.memberOf << role.trimmed();
    }
    if (attempt.user.isEmpty() || attempt.database.isEmpty()) {
        if (problem)
            *problem = tr("Enter the database and the user the client asks for.");
        return std::nullopt;
    }
    if (attempt.isTcp()) {
        const std::optional<HbaIpAddress> address = HbaIpAddress::parse(m_address->text().trimmed());
        if (!address) {
            if (problem)
                *problem = tr("Enter the client's IP address (IPv4 or IPv6) as the server sees it.");
            return std::nullopt;
        }
        attempt.clientAddress = *address;
    }
    return attempt;
}

void HbaSimulatorPane::simulate()
{
    m_address->setEnabled(HbaTransport(m_transport->currentData().toInt()) != HbaTransport::Local);
    m_database->setEnabled(!m_replication->isChecked());
    QString problem;
    const std::optional<HbaConnectionAttempt> candidate = attempt(&problem);
    int line = 0;
    if (!candidate) {
        m_trace->clear();
        m_result->setText(problem);
    } else {
        const HbaMatcher matcher(m_rules->file());
        const HbaMatchResult result = matcher.match(*candidate);
        m_trace->setResult(result);
        if (!result.rule) {
            m_result->setText(tr("<b>Rejected:</b> no rule matches, so the server refuses the connection "
                                 "(\"no pg_hba.conf entry\")."));
        } else {
            line = result.rule->line;
            const QString where = result.rule->file == m_rules->document()->relativePath()
                ? tr("line %1").arg(line)
                : tr("%1 line %2").arg(result.rule->file).arg(line);
            const QString rule = HbaImpact::summary(*result.rule).toHtmlEscaped();
            m_result->setText(result.rejected() ? tr("<b>Rejected</b> by %1: <code>%2</code>").arg(where, rule)
                                                : tr("<b>Gets in</b> with <b>%1</b> by %2: <code>%3</code>")
                                                      .arg(result.rule->method.toHtmlEscaped(), where, rule));
            if (result.rule->file != m_rules->document()->relativePath())
                line = 0; // not a row of this table
        }
        if (result.uncertain)
            m_result->setText(m_result->text()
                              + tr("<br><i>An earlier rule names a host; its answer depends on the client's "
                                   "reverse DNS name.</i>"));
        if (!m_rules->file().ok)
            m_result->setText(m_result->text()
                              + tr("<br><i>Note: the file has errors, so the server would not load it; this is "
                                   "what it would do once they are fixed.</i>"));
    }
    // Emitted even when unchanged: after a re-parse the table's rows are new and need it again.
    m_matchedLine = line;
    Q_EMIT matchedLineChanged(line);
}

} // namespace pgdial::ui::editors::hba
