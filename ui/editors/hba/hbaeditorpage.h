#pragma once

#include "editors/documenteditor.h"
#include "hba/hbaeditor.h"

#include <QWidget>

class QAction;
class QLabel;
class QTableView;
class QTabWidget;
class QToolBar;

namespace pgdial::ui::document {
class ProjectContext;
class ProjectDocument;
} // namespace pgdial::ui::document

namespace pgdial::ui::editors::hba {

class HbaPasteErrorPane;
class HbaRuleDelegate;
class HbaRulesModel;
class HbaSimulatorPane;

// The visual pg_hba.conf editor (the "Rules" tab, objectName "hbaEditor"): the rule table with
// typed editors and markers, the rule actions (add, duplicate, delete, enable/disable, move
// up/down, drag and drop), the "Who gets in?" simulator and the "paste a server error" box.
//
// Every action is one ProjectDocument::applyEdits (one undo step) of edits made by
// core::hba::HbaEditor. Before an edit that changes which method some connection meets, the
// "changes who gets in" dialog lists those connections and asks (HbaImpactDialog).
class HbaEditorPage final : public QWidget, public editors::DocumentEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HbaEditorPage)

public:
    HbaEditorPage(document::ProjectDocument *document, document::ProjectContext *context, QWidget *parent = nullptr);

    document::ProjectDocument *projectDocument() const override { return m_document; }
    void revealLine(int line, int column) override;

    HbaRulesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    HbaSimulatorPane *simulator() const { return m_simulator; }
    HbaPasteErrorPane *pasteErrorPane() const { return m_paste; }
    int currentRow() const;

    // Applies `edits` as one undo step; with `checkImpact`, asks first when they change who gets
    // in. Selects the rule starting at `selectLine` afterwards. False when cancelled or refused.
    bool commit(const QList<core::hba::HbaEdit> &edits, const QString &description, int selectLine,
                bool checkImpact = true);

    void addRule();
    void duplicateRule();
    void deleteRule();
    void toggleRule();
    void moveRule(int row, int beforeRow); // before the rule of `beforeRow` (rowCount(): to the end)
    void moveRuleBefore(int row, int beforeLine);
    void moveUp();
    void moveDown();

private:
    document::ProjectDocument *m_document;
    document::ProjectContext *m_context;
    HbaRulesModel *m_model;
    HbaRuleDelegate *m_delegate;
    QToolBar *m_toolBar;
    QTableView *m_view;
    QLabel *m_message;
    QTabWidget *m_sideTabs;
    HbaSimulatorPane *m_simulator;
    HbaPasteErrorPane *m_paste;
    QAction *m_add;
    QAction *m_duplicate;
    QAction *m_delete;
    QAction *m_toggle;
    QAction *m_up;
    QAction *m_down;
    int m_rememberedRow = -1;
    int m_rememberedColumn = 0;

    QAction *makeAction(const QString &objectName, const QString &text, const QString &toolTip,
                        const QKeySequence &shortcut, void (HbaEditorPage::*slot)());
    void selectLine(int line);
    void updateActions();
    void showMessage(const QString &message, bool error);
};

} // namespace pgdial::ui::editors::hba
