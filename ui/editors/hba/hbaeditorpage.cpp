#include "editors/hba/hbaeditorpage.h"

#include "base/textdocument.h"
#include "document/projectdocument.h"
#include "editors/hba/hbaimpactdialog.h"
#include "editors/hba/hbapasteerrorpane.h"
#include "editors/hba/hbaruledelegate.h"
#include "editors/hba/hbarulesmodel.h"
#include "editors/hba/hbasimulatorpane.h"
#include "hba/hbaimpact.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::hba;

namespace pgdial::ui::editors::hba {

HbaEditorPage::HbaEditorPage(document::ProjectDocument *document, document::ProjectContext *context, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_context(context)
    , m_model(new HbaRulesModel(document, context, this))
    , m_delegate(new HbaRuleDelegate(m_model, this))
    , m_toolBar(new QToolBar(this))
    , m_view(new QTableView(this))
    , m_message(new QLabel(this))
    , m_sideTabs(new QTabWidget(this))
    , m_simulator(new HbaSimulatorPane(m_model, this))
    , m_paste(new HbaPasteErrorPane(m_model, this))
{
    setObjectName(u"hbaEditor"_s);
    m_toolBar->setObjectName(u"hbaToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_add = makeAction(u"hbaAddRule"_s, tr("Add"), tr("Add a rule after the selected one"),
                       QKeySequence(Qt::Key_Insert), &HbaEditorPage::addRule);
    m_duplicate = makeAction(u"hbaDuplicateRule"_s, tr("Duplicate"), tr("Copy the selected rule below itself"),
                             QKeySequence(Qt::CTRL | Qt::Key_D), &HbaEditorPage::duplicateRule);
    m_delete = makeAction(u"hbaDeleteRule"_s, tr("Delete"), tr("Delete the selected rule"),
                          QKeySequence(Qt::Key_Delete), &HbaEditorPage::deleteRule);
    m_toggle = makeAction(u"hbaToggleRule"_s, tr("Enable/Disable"), tr("Comment the selected rule out, or back in"),
                          QKeySequence(Qt::CTRL | Qt::Key_Slash), &HbaEditorPage::toggleRule);
    m_up = makeAction(u"hbaMoveUp"_s, tr("Move Up"), tr("Move the selected rule above the previous one"),
                      QKeySequence(Qt::ALT | Qt::Key_Up), &HbaEditorPage::moveUp);
    m_down = makeAction(u"hbaMoveDown"_s, tr("Move Down"), tr("Move the selected rule below the next one"),
                        QKeySequence(Qt::ALT | Qt::Key_Down), &HbaEditorPage::moveDown);

    m_view->setObjectName(u"hbaRuleTable"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDragDropOverwriteMode(false);
    m_view->setWordWrap(false);
    m_view->setToolTip(tr("Rules in the order the server tries them; the first that matches decides. "
                          "Drag rows or press Alt+Up / Alt+Down to reorder."));
    m_view->verticalHeader()->setToolTip(tr("Line in the file"));
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const int charWidth = m_view->fontMetrics().horizontalAdvance(u'x');
    const int widths[] = {12, 14, 14, 18, 14, 18};
    for (int column = 0; column < int(std::size(widths)); ++column)
        header->resizeSection(column, widths[column] * charWidth + 24);
    for (QAction *action : {m_add, m_duplicate, m_delete, m_toggle, m_up, m_down})
        m_view->addAction(action);

    m_message->setObjectName(u"hbaMessage"_s);
    m_message->setWordWrap(true);
    m_message->hide();

    m_sideTabs->setObjectName(u"hbaSideTabs"_s);
    m_sideTabs->addTab(m_simulator, tr("Who gets in?"));
    m_sideTabs->addTab(m_paste, tr("Paste a server error"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(2);
    leftLayout->addWidget(m_toolBar);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(m_message);

    // The simulator goes under the table: rules are wide lines, and both want the full width.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"hbaSplitter"_s);
    splitter->addWidget(left);
    splitter->addWidget(m_sideTabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    setFocusProxy(m_view);

    connect(
        m_model, &HbaRulesModel::editRequested, this,
        [this](const QList<HbaEdit> &edits, const QString &description, int line) { commit(edits, description, line); },
        Qt::QueuedConnection); // out of the delegate's commit: the dialog must not open inside it
    connect(m_model, &HbaRulesModel::moveRequested, this, &HbaEditorPage::moveRule, Qt::QueuedConnection);
    connect(m_model, &HbaRulesModel::editRefused, this, [this](const QString &message) { showMessage(message, true); });
    connect(m_delegate, &HbaRuleDelegate::validationChanged, this,
            [this](const QString &message) { showMessage(message, true); });
    // Every change re-reads the file (the model resets): keep the cursor on the same row so the
    // keyboard flow (undo, then Alt+Up again) goes on where it was.
    connect(m_model, &HbaRulesModel::modelAboutToBeReset, this, [this] {
        m_rememberedRow = currentRow();
        m_rememberedColumn = std::max(0, m_view->currentIndex().column());
    });
    connect(m_model, &HbaRulesModel::modelReset, this, [this] {
        if (m_rememberedRow >= 0 && m_model->rowCount() > 0) {
            const QModelIndex index
                = m_model->index(std::min(m_rememberedRow, m_model->rowCount() - 1), m_rememberedColumn);
            m_view->selectionModel()->setCurrentIndex(index,
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
        updateActions();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HbaEditorPage::updateActions);
    connect(m_simulator, &HbaSimulatorPane::matchedLineChanged, this, [this](int line) {
        m_model->setHighlightedLine(line);
        if (const int row = m_model->rowForLine(line); row >= 0)
            m_view->scrollTo(m_model->index(row, 0));
    });
    connect(m_simulator, &HbaSimulatorPane::lineActivated, this, [this](int line) { selectLine(line); });
    connect(m_paste, &HbaPasteErrorPane::rejectionFound, m_simulator, &HbaSimulatorPane::setAttempt);
    connect(m_paste, &HbaPasteErrorPane::proposalAccepted, this, [this](const HbaRuleProposal &proposal) {
        const HbaEdit edit = HbaRuleProposer::toEdit(*m_document->text(), proposal);
        // The user asked for exactly this change: no second question.
        commit({edit}, tr("Insert %1").arg(proposal.ruleText), edit.edit.firstIndex + 1, false);
    });
    m_model->setHighlightedLine(m_simulator->matchedLine());
    updateActions();
}

QAction *HbaEditorPage::makeAction(const QString &objectName, const QString &text, const QString &toolTip,
                                   const QKeySequence &shortcut, void (HbaEditorPage::*slot)())
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(u"%1 (%2)"_s.arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
    connect(action, &QAction::triggered, this, slot);
    m_toolBar->addAction(action);
    if (QWidget *button = m_toolBar->widgetForAction(action))
        button->setObjectName(objectName + u"Button"_s);
    return action;
}

int HbaEditorPage::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void HbaEditorPage::updateActions()
{
    const int row = currentRow();
    const bool has = row >= 0 && m_document->isEditable();
    m_duplicate->setEnabled(has);
    m_delete->setEnabled(has);
    m_toggle->setEnabled(has);
    m_up->setEnabled(has && row > 0);
    m_down->setEnabled(has && row + 1 < m_model->rowCount());
    m_add->setEnabled(m_document->isEditable());
    if (has)
        m_toggle->setText(m_model->row(row).disabled ? tr("Enable") : tr("Disable"));
}

void HbaEditorPage::showMessage(const QString &message, bool error)
{
    m_message->setVisible(!message.isEmpty());
    m_message->setText(message);
    m_message->setStyleSheet(error ? u"color: #c0392b;"_s : QString());
}

void HbaEditorPage::selectLine(int line)
{
    const int row = m_model->rowForLine(line);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->setCurrentIndex(index);
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    updateActions();
}

void HbaEditorPage::revealLine(int line, int column)
{
    Q_UNUSED(column);
    int row = m_model->rowForLine(line);
    // A comment or blank line: the next rule below it.
    for (int i = 0; row < 0 && i < m_model->rowCount(); ++i) {
        if (m_model->row(i).rule.line > line)
            row = i;
    }
    if (row >= 0)
        selectLine(m_model->row(row).rule.line);
}

bool HbaEditorPage::commit(const QList<HbaEdit> &edits, const QString &description, int selectLineAfter,
                           bool checkImpact)
{
    const TextDocument *text = m_document->text();
    if (!text || edits.isEmpty())
        return false;
    QList<LineEdit> lineEdits;
    TextDocument after = *text;
    for (const HbaEdit &edit : edits) {
        lineEdits.append(edit.edit);
        after.apply(edit.edit);
    }
    if (checkImpact) {
        // Fewer samples for long files so the check stays quick: cost ~ samples × rules walked.
        const int rules = std::max<int>(1, int(m_model->file().rules.size()));
        const int limit = std::clamp(4'000'000 / rules, 500, 20000);
        const QList<HbaImpactChange> changes
            = HbaImpact::compare(m_model->file(), m_model->parse(after.toBytes()), limit);
        if (!changes.isEmpty()) {
            HbaImpactDialog dialog(description, changes, this);
            if (dialog.exec() != QDialog::Accepted) {
                showMessage(tr("Not changed: %1").arg(description), false);
                return false;
            }
        }
    }
    if (!m_document->applyEdits(lineEdits, description))
        return false;
    showMessage(QString(), false);
    selectLine(selectLineAfter);
    return true;
}

void HbaEditorPage::addRule()
{
    const TextDocument *text = m_document->text();
    if (!text)
        return;
    const int row = currentRow();
    int before = text->lineCount() + 1;
    if (row >= 0)
        before = m_model->row(row).rule.lastLine + 1;
    else if (m_model->rowCount() > 0)
        before = m_model->row(m_model->rowCount() - 1).rule.lastLine + 1;
    // A modest start the user then edits: loopback only, with the strongest password method.
    const HbaEdit edit = HbaEditor::insertRule(*text, m_document->relativePath(), before,
                                               {u"host"_s, u"all"_s, u"all"_s, u"127.0.0.1/32"_s, u"scram-sha-256"_s});
    commit({edit}, tr("Add a rule"), before);
}

void HbaEditorPage::duplicateRule()
{
    const int row = currentRow();
    if (row < 0 || !m_document->text())
        return;
    const HbaRulesModel::Row &source = m_model->row(row);
    if (const std::optional<HbaEdit> edit = HbaEditor::duplicateRule(*m_document->text(), source.rule))
        commit({*edit}, edit->description, source.rule.lastLine + 1);
}

void HbaEditorPage::deleteRule()
{
    const int row = currentRow();
    if (row < 0 || !m_document->text())
        return;
    const HbaRulesModel::Row &target = m_model->row(row);
    const int nextLine
        = row + 1 < m_model->rowCount() ? target.rule.line : (row > 0 ? m_model->row(row - 1).rule.line : 0);
    if (const std::optional<HbaEdit> edit = HbaEditor::deleteRule(*m_document->text(), target.rule))
        commit({*edit}, edit->description, nextLine);
}

void HbaEditorPage::toggleRule()
{
    const int row = currentRow();
    if (row < 0 || !m_document->text())
        return;
    const HbaRulesModel::Row &target = m_model->row(row);
    const std::optional<HbaEdit> edit = target.disabled
        ? HbaEditor::enableLine(*m_document->text(), target.rule.file, target.rule.line)
        : HbaEditor::disableRule(*m_document->text(), target.rule);
    if (edit)
        commit({*edit}, edit->description, target.rule.line);
}

void HbaEditorPage::moveRule(int row, int beforeRow)
{
    const TextDocument *text = m_document->text();
    if (!text || row < 0 || row >= m_model->rowCount() || beforeRow < 0 || beforeRow > m_model->rowCount())
        return;
    const int beforeLine = beforeRow < m_model->rowCount() ? m_model->row(beforeRow).rule.line
                                                           : m_model->row(m_model->rowCount() - 1).rule.lastLine + 1;
    moveRuleBefore(row, beforeLine);
}

void HbaEditorPage::moveRuleBefore(int row, int beforeLine)
{
    const TextDocument *text = m_document->text();
    if (!text || row < 0 || row >= m_model->rowCount())
        return;
    const HbaRule &rule = m_model->row(row).rule;
    const std::optional<HbaEdit> edit = HbaEditor::moveRule(*text, rule, beforeLine);
    if (!edit)
        return;
    const int size = rule.lastLine - rule.line + 1;
    const int newLine = beforeLine < rule.line ? beforeLine : beforeLine - size;
    commit({*edit}, edit->description, newLine);
}

void HbaEditorPage::moveUp()
{
    const int row = currentRow();
    if (row > 0)
        moveRule(row, row - 1);
}

void HbaEditorPage::moveDown()
{
    const int row = currentRow();
    // Just below the next rule: the comments above the rule after it stay with that rule.
    if (row >= 0 && row + 1 < m_model->rowCount())
        moveRuleBefore(row, m_model->row(row + 1).rule.lastLine + 1);
}

} // namespace pgdial::ui::editors::hba
