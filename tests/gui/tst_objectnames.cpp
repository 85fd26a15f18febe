// Every interactive widget of the main window (with each kind of file open) and of its dialogs
// has an objectName, so tests and accessibility tools can find it; every named action has a tooltip.
#include "document/documentmanager.h"
#include "document/projectdocument.h"
#include "editors/app/urlbuilderdialog.h"
#include "gui/guitesthelpers.h"
#include "mainwindow/editorarea.h"
#include "mainwindow/mainwindow.h"
#include "preferences/preferencesdialog.h"
#include "preferences/projectsettingsdialog.h"
#include "preferences/serverconnectiondialog.h"
#include "project/project.h"
#include "support/testenvironment.h"
#include "support/testpaths.h"
#include "widgets/diffpreviewdialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QUndoStack>

using namespace pgdial;

class tst_ObjectNames final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mainWindowAndDialogs();
    void actionsHaveTooltips();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ui::mainwindow::MainWindow> m_window;
};

namespace {

bool isInteractive(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget)
        || qobject_cast<const QAbstractSpinBox *>(widget) || qobject_cast<const QComboBox *>(widget)
        || qobject_cast<const QAbstractItemView *>(widget) || qobject_cast<const QTextEdit *>(widget)
        || qobject_cast<const QPlainTextEdit *>(widget) || qobject_cast<const QAbstractSlider *>(widget)
        || qobject_cast<const QTabBar *>(widget) || qobject_cast<const QMenu *>(widget);
}

// Parts Qt builds inside its own composite widgets (a spin box's line edit, a combo box's popup,
// scroll bars, header views, tab-bar scroll arrows, line-edit clear buttons) are Qt's to name.
bool isQtInternal(const QWidget *widget)
{
    if (qobject_cast<const QScrollBar *>(widget) || qobject_cast<const QHeaderView *>(widget))
        return true;
    // The menu of the menu bar's overflow button.
    if (auto *menu = qobject_cast<const QMenu *>(widget);
        menu && menu->title().isEmpty() && qobject_cast<const QMenuBar *>(widget->parentWidget()))
        return true;
    // The tab bar QMainWindow makes for tabified docks.
    if (qobject_cast<const QTabBar *>(widget) && qobject_cast<const QMainWindow *>(widget->parentWidget()))
        return true;
    for (const QWidget *p = widget->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p)
            || qobject_cast<const QTabBar *>(p) || qobject_cast<const QLineEdit *>(p)
            || p->inherits("QComboBoxPrivateContainer") || p->inherits("QToolBarExtension"))
            return true;
        if (auto *area = qobject_cast<const QAbstractScrollArea *>(p); area && widget->parentWidget() == p)
            return true; // the area's own scroll-bar containers and corner
    }
    return widget->inherits("QComboBoxListView") || widget->inherits("QCalendarView")
        || widget->inherits("QMainWindowTabBar");
}

QStringList unnamed(QWidget *root)
{
    QStringList out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : widgets) {
        if (!isInteractive(widget) || isQtInternal(widget) || !widget->objectName().isEmpty())
            continue;
        QStringList path;
        for (QWidget *p = widget; p; p = p->parentWidget())
            path.prepend(QStringLiteral("%1(%2)").arg(QString::fromLatin1(p->metaObject()->className()),
                                                      p->objectName().isEmpty() ? p->windowTitle() : p->objectName()));
        out.append(path.join(QStringLiteral(" > ")));
    }
    return out;
}

} // namespace

void tst_ObjectNames::initTestCase()
{
    test::isolateTestEnvironment();
    QVERIFY(test::copyFolder(test::exampleProject(), m_dir.path()));
    m_window = std::make_unique<ui::mainwindow::MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy loaded(m_window.get(), &ui::mainwindow::MainWindow::projectLoaded);
    m_window->openProject(m_dir.path());
    QVERIFY(loaded.wait(30000));
    // One file of each kind open, so every purpose-built editor is in the walk.
    QSet<core::project::FileKind> kinds;
    for (ui::document::ProjectDocument *document : m_window->documents()->documents()) {
        if (kinds.contains(document->kind()))
            continue;
        kinds.insert(document->kind());
        m_window->editorArea()->openDocument(document);
    }
    QVERIFY(m_window->editorArea()->count() >= 4);
}

void tst_ObjectNames::mainWindowAndDialogs()
{
    QStringList missing = unnamed(m_window.get());
    ui::preferences::PreferencesDialog preferences(m_window.get());
    ui::preferences::ProjectSettingsDialog settings(m_window->project()->settings, m_window.get());
    ui::widgets::DiffPreviewDialog preview({{QStringLiteral("a.conf"), QByteArray("a\n"), QByteArray("b\n"), false}},
                                           ui::widgets::DiffPreviewDialog::Mode::Save, m_window.get());
    ui::editors::app::UrlBuilderDialog builder(QStringLiteral("postgresql://u@h/d"), false, m_window.get());
    ui::preferences::ServerConnectionDialog server(QStringLiteral("host=h"), m_window.get());
    for (QDialog *dialog : std::initializer_list<QDialog *> {&preferences, &settings, &preview, &builder, &server}) {
        QVERIFY2(!dialog->objectName().isEmpty(), dialog->metaObject()->className());
        missing += unnamed(dialog);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("interactive widgets without objectName:\n  ")
                        + missing.join(QStringLiteral("\n  "))));
}

void tst_ObjectNames::actionsHaveTooltips()
{
    QStringList missing;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (!action->objectName().startsWith(QLatin1String("action")))
            continue;
        QString plain = action->text();
        plain.remove(QLatin1Char('&'));
        if (action->toolTip().isEmpty() || action->toolTip() == plain)
            missing.append(action->objectName());
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

QTEST_MAIN(tst_ObjectNames)
#include "tst_objectnames.moc"
