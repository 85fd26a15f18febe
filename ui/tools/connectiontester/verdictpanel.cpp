#include "tools/connectiontester/verdictpanel.h"

#include "tools/connectiontester/probetimelinemodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pgdial::ui::tools::connectiontester {

using core::probe::ProbeReport;
using core::probe::Verdict;

namespace {

QLabel *wrappedLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse
                                   | Qt::LinksAccessibleByKeyboard);
    return label;
}

} // namespace

VerdictPanel::VerdictPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"verdictPanel"_s);
    m_icon = new QLabel(this);
    m_title = wrappedLabel(u"verdictTitle"_s, this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_cause = wrappedLabel(u"verdictCause"_s, this);
    m_fix = wrappedLabel(u"verdictFix"_s, this);
    m_location = wrappedLabel(u"verdictLocation"_s, this);
    m_location->setTextFormat(Qt::RichText);
    m_rule = wrappedLabel(u"verdictRule"_s, this);
    m_addRule = new QPushButton(tr("Add this rule"), this);
    m_addRule->setObjectName(u"addHbaRuleButton"_s);
    m_addRule->setToolTip(tr("Insert the rule into the project's pg_hba.conf (one undo step); reload the server "
                             "after saving"));

    connect(m_location, &QLabel::linkActivated, this, [this](const QString &link) {
        const QUrl url(link);
        Q_EMIT showRequested(url.path(), url.fragment().toInt());
    });
    connect(m_addRule, &QPushButton::clicked, this, &VerdictPanel::addRuleRequested);

    // Icon on the left, the text in one column that takes the width (wrapped labels in a grid
    // were squeezed into a narrow column).
    m_icon->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_icon->setFixedSize(28, 28);
    auto *text = new QVBoxLayout;
    text->setContentsMargins(0, 0, 0, 0);
    for (QLabel *label : {m_title, m_cause, m_fix, m_location}) {
        label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        text->addWidget(label);
    }
    auto *ruleRow = new QHBoxLayout;
    ruleRow->addWidget(m_rule, 1);
    ruleRow->addWidget(m_addRule, 0, Qt::AlignTop);
    text->addLayout(ruleRow);
    text->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    clear();
}

void VerdictPanel::clear()
{
    m_icon->clear();
    m_title->setText(tr("Choose or type a connection string and press Test (Ctrl+Return)."));
    for (QLabel *label : {m_cause, m_fix, m_location, m_rule})
        label->hide();
    m_addRule->hide();
}

void VerdictPanel::showRunning()
{
    clear();
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_BrowserReload).pixmap(24, 24));
    m_title->setText(tr("Testing… (Esc cancels)"));
}

QString VerdictPanel::title(const ProbeReport &report)
{
    if (report.cancelled)
        return tr("Cancelled after %1 ms").arg(report.ms);
    if (report.verdict == Verdict::Ok)
        return tr("Connection OK in %1 ms").arg(report.ms);
    return tr("Failed at %1: %2")
        .arg(ProbeTimelineModel::stageTitle(report.failedStage), core::probe::verdictId(report.verdict));
}

void VerdictPanel::showReport(const ProbeReport &report)
{
    clear();
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxCritical;
    if (report.cancelled)
        icon = QStyle::SP_MediaStop;
    else if (report.verdict == Verdict::Ok)
        icon = QStyle::SP_DialogApplyButton;
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(24, 24));
    m_title->setText(title(report));
    m_cause->setText(report.cause);
    m_cause->setVisible(!report.cause.isEmpty());
    m_fix->setText(report.fix.isEmpty() ? QString() : tr("Fix: %1").arg(report.fix));
    m_fix->setVisible(!report.fix.isEmpty());
    if (report.fixLocation && !report.fixLocation->file.isEmpty()) {
        const auto &where = *report.fixLocation;
        const QString shown = where.line > 0 ? u"%1:%2"_s.arg(where.file).arg(where.line) : where.file;
        QUrl link;
        link.setScheme(u"pgdial"_s);
        link.setPath(where.file);
        link.setFragment(QString::number(where.line));
        m_location->setText(
            tr("Change it in <a href=\"%1\">%2</a>").arg(link.toString().toHtmlEscaped(), shown.toHtmlEscaped()));
        m_location->show();
    }
}

void VerdictPanel::setRuleProposal(const QString &ruleText, const QString &where, const QStringList &notes)
{
    QString text = tr("Rule to add in %1: <code>%2</code>").arg(where.toHtmlEscaped(), ruleText.toHtmlEscaped());
    for (const QString &note : notes)
        text += u"<br>• "_s + note.toHtmlEscaped();
    m_rule->setText(text);
    m_rule->setVisible(!ruleText.isEmpty());
    m_addRule->setVisible(!ruleText.isEmpty());
}

} // namespace pgdial::ui::tools::connectiontester
