#pragma once

#include "editors/documenteditor.h"

#include <QSet>
#include <QWidget>

class QAction;
class QCheckBox;
class QKeyEvent;
class QLabel;
class QLineEdit;
class QTextBrowser;
class QToolButton;
class QTreeView;

namespace pgdial::ui::document {
class ProjectContext;
} // namespace pgdial::ui::document

namespace pgdial::ui::editors::settings {

class SettingsAnalyzer;
class SettingsDelegate;
class SettingsFilterModel;
class SettingsModel;

// The "Settings" page of a postgresql.conf: every parameter of the project's target version in
// a table grouped by category, with typed editors, filters, a documentation pane and "Reset to
// default". Edits go through core::pgconf::ConfEditor and ProjectDocument::applyEdits (one undo
// step each; a value set in an included file edits that file), and the table follows every
// change of the configuration's files, whoever made it (Source tab, undo, reload).
class SettingsEditor final : public QWidget, public editors::DocumentEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsEditor)

public:
    SettingsEditor(document::ProjectDocument *document, document::ProjectContext *context, QWidget *parent = nullptr);
    ~SettingsEditor() override;

    document::ProjectDocument *projectDocument() const override { return m_document; }
    // Selects the row of the parameter set (or commented out) on that line of this file.
    void revealLine(int line, int column) override;

    SettingsModel *model() const { return m_model; }
    SettingsFilterModel *filterModel() const { return m_filter; }
    QTreeView *view() const { return m_view; }
    SettingsAnalyzer *analyzer() const { return m_analyzer; }

    // Sets or resets a parameter as the table does (for the tools and tests); false with the
    // reason shown in the message bar when the server would refuse it.
    bool setParameter(const QString &name, const QString &value);
    bool resetParameter(const QString &name);
    // Selects the parameter's row (clearing filters that hide it).
    bool selectParameter(const QString &name);
    QString currentParameter() const;
    QString message() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    document::ProjectDocument *m_document;
    document::ProjectContext *m_context;
    SettingsAnalyzer *m_analyzer;
    SettingsModel *m_model;
    SettingsFilterModel *m_filter;
    SettingsDelegate *m_delegate;
    QLineEdit *m_filterBox;
    QToolButton *m_onlySet;
    QToolButton *m_onlyProblems;
    QToolButton *m_onlyRestart;
    QToolButton *m_onlyChanged;
    QToolButton *m_onlyDrift;
    QCheckBox *m_showObsolete;
    QLabel *m_count;
    QLabel *m_message;
    QTreeView *m_view;
    QTextBrowser *m_documentation;
    QAction *m_resetAction;
    QSet<QString> m_files; // the configuration's files (project-relative)
    QSet<QString> m_pendingBaselines; // files saved whose text the table has not read yet
    QString m_documentationKey; // what the documentation pane shows (null: nothing selected)

    QToolButton *addToggle(const QString &objectName, const QString &text, const QString &tip, int toggle);
    void onSnapshot();
    void onDiagnostics();
    void onServerReport();
    void onTextChanged(document::ProjectDocument *document);
    void onSaved(document::ProjectDocument *document);
    void applyPendingBaselines();
    void updateDocumentation();
    void updateCount();
    void showMessage(const QString &text);
    void showContextMenu(const QPoint &position);
    bool editFromKeyboard(QKeyEvent *event);
    bool applyEditResult(const QString &name, const QString &description, bool reset, const QString &value);
    static QString topFileFor(document::ProjectDocument *document, document::ProjectContext *context);
};

} // namespace pgdial::ui::editors::settings
