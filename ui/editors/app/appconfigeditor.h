#pragma once

#include "appconfig/databaseconfig.h"
#include "editors/documenteditor.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QScrollArea;
class QSpinBox;
class QToolButton;

namespace pgdial::ui::document {
class ProjectContext;
class ProjectDocument;
} // namespace pgdial::ui::document

namespace pgdial::ui::editors::app {

// The "Database" page of config.yaml: one row per key of the `database:` section with the text
// as written (${VAR:-default} included), the value the app will get after substitution and where
// that value comes from (.env line, default in config.yaml, or the file itself). Numbers get spin
// boxes; the URL gets the connection-string builder. Every change is one AppConfigFile edit on the
// document (one undo step), and the page re-reads the file whenever the document changes, so it
// stays in sync with the Source page, undo and reloads. Effective values follow .env edits too
// (through the project's re-check).
class AppConfigEditor final : public QWidget, public editors::DocumentEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppConfigEditor)

public:
    AppConfigEditor(document::ProjectDocument *document, document::ProjectContext *context, QWidget *parent = nullptr);

    document::ProjectDocument *projectDocument() const override { return m_document; }
    void revealLine(int line, int column) override;
    bool showsLine(int line) const override { return !keyAt(line).isEmpty(); }

    // The input of database.<key> (a QSpinBox for a plain number, else a QLineEdit); for tests.
    QWidget *input(const QString &key) const;
    QString effectiveText(const QString &key) const;
    QString sourceText(const QString &key) const;
    // The key revealLine() last brought into view.
    QString currentKey() const { return m_currentKey; }
    // Opens the connection-string builder on database.url (modal).
    void editUrl();

private:
    struct Row
    {
        QLabel *name = nullptr;
        QLineEdit *text = nullptr;
        QSpinBox *number = nullptr; // numeric keys only
        QToolButton *builder = nullptr; // url only
        QLabel *effective = nullptr;
        QLabel *source = nullptr;
        QLabel *problem = nullptr;
        int line = 0; // where the key's value is written (0: not in the file)
    };

    document::ProjectDocument *m_document;
    QPointer<document::ProjectContext> m_context;
    QLabel *m_summary;
    QCheckBox *m_reveal;
    QScrollArea *m_scroll;
    QGridLayout *m_grid;
    QHash<QString, Row> m_rows;
    core::appconfig::DatabaseConfig m_config;
    bool m_hasSection = false;
    QString m_currentKey;

    QString keyAt(int line) const;
    void buildRow(const QString &key, int gridRow);
    void refresh();
    void refreshProblems();
    void commit(const QString &key, const QString &raw);
    QString display(const QString &key, const QString &value) const;
};

} // namespace pgdial::ui::editors::app
