#pragma once

#include "editors/app/envtablemodel.h"
#include "editors/documenteditor.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace pgdial::ui::document {
class ProjectContext;
class ProjectDocument;
} // namespace pgdial::ui::document

namespace pgdial::ui::editors::app {

// The "Variables" page of a .env or .env.example file: a table of every variable with its value as
// written, its effective value, its comment and a status; the keys .env.example documents but .env
// lacks are listed (greyed, marked) so they can be filled in. Values are edited in place, added
// and deleted through EnvFile edits, one undo step each; connection strings open the URL builder.
// The table is rebuilt from the document after every change, so it follows the Source page and undo.
class EnvEditor final : public QWidget, public editors::DocumentEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvEditor)

public:
    EnvEditor(document::ProjectDocument *document, document::ProjectContext *context, QWidget *parent = nullptr);

    document::ProjectDocument *projectDocument() const override { return m_document; }
    void revealLine(int line, int column) override;
    bool showsLine(int line) const override { return m_model->rowForLine(line) >= 0; }

    EnvTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString currentKey() const;

    void setValue(const QString &key, const QString &value);
    // Sets (or, with an empty text, removes) the "# comment" on KEY's line: one undo step.
    void setComment(const QString &key, const QString &comment);
    void addVariable();
    void deleteCurrent();
    void editCurrentUrl();

private:
    document::ProjectDocument *m_document;
    QPointer<document::ProjectContext> m_context;
    EnvTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_summary;
    QCheckBox *m_reveal;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLineEdit *m_newKey;
    QLineEdit *m_newValue;
    QToolButton *m_add;
    QToolButton *m_delete;
    QToolButton *m_url;

    void refresh();
    QString siblingPath(const QString &name) const;
    void updateButtons();
};

} // namespace pgdial::ui::editors::app
