#pragma once

// The pg_hba.conf editor of the example project, open in a main window: shared by the rule
// editor's and the side panes' tests.

#include "editors/hba/hbaeditorpage.h"
#include "editors/hba/hbarulesmodel.h"
#include "gui/exampleprojectwindow.h"
#include "mainwindow/documentpage.h"
#include "mainwindow/editorarea.h"
#include "support/testfiles.h"

#include <QTableView>

#include <functional>

namespace pgdial::test {

class HbaEditorFixture : protected ExampleProjectWindow
{
protected:
    static constexpr const char *hbaRelative = "infra/docker/prod/postgres/pg_hba.conf";

    // For init(): the example's 13 rules in the editor, m_original holding the file's bytes.
    void openHbaEditor()
    {
        openExampleProject({1400, 860});
        if (QTest::currentTestFailed())
            return;
        m_original = readBytes(hbaPath());
        QVERIFY(!m_original.isEmpty());
        m_window->showFile(QString::fromLatin1(hbaRelative));
        QVERIFY(page());
        QCOMPARE(model()->rowCount(), 13);
    }

    QString hbaPath() const { return m_dir->filePath(QString::fromLatin1(hbaRelative)); }
    ui::document::ProjectDocument *document() const
    {
        return m_window->documents()->document(QString::fromLatin1(hbaRelative));
    }

    ui::editors::hba::HbaEditorPage *page() const
    {
        ui::mainwindow::DocumentPage *documentPage
            = m_window->editorArea()->editorFor(QString::fromLatin1(hbaRelative));
        return documentPage
            ? qobject_cast<ui::editors::hba::HbaEditorPage *>(documentPage->page(QStringLiteral("hbaEditor")))
            : nullptr;
    }
    ui::editors::hba::HbaRulesModel *model() const { return page()->model(); }
    QTableView *view() const { return page()->view(); }

    void focusTable(int row, int column = 0)
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        view()->setFocus();
        view()->setCurrentIndex(model()->index(row, column));
        QCOMPARE(page()->currentRow(), row);
    }

    // The original file with `change` applied to its lines ('\n'-split, so the last is "").
    QByteArray originalWith(const std::function<void(QList<QByteArray> &)> &change) const
    {
        QList<QByteArray> lines = m_original.split('\n');
        change(lines);
        return lines.join('\n');
    }

    QByteArray m_original;
};

} // namespace pgdial::test
