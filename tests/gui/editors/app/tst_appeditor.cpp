// The Application editor (config.yaml's database: form, the connection-string builder, secrets
// masking across both editors) driven through its widgets in a real MainWindow. The .env table's
// own tests are in tst_enveditor.cpp.
#include "appconfig/appconfigfile.h"
#include "appconfig/connectionurl.h"
#include "appconfig/envfile.h"
#include "document/documentmanager.h"
#include "document/projectcontext.h"
#include "document/projectdocument.h"
#include "editors/app/appconfigeditor.h"
#include "editors/app/enveditor.h"
#include "editors/app/envtablemodel.h"
#include "editors/app/urlbuilderdialog.h"
#include "editors/rawtexteditor.h"
#include "editors/sourceview.h"
#include "gui/editors/app/appeditorfixture.h"
#include "gui/guitesthelpers.h"
#include "mainwindow/documentpage.h"
#include "mainwindow/editorarea.h"
#include "mainwindow/mainwindow.h"
#include "support/testenvironment.h"
#include "support/testpaths.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>
#include <QUndoStack>

#include <functional>

using namespace pgdial;

class tst_AppEditor final : public QObject, private test::AppEditorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void configFormEditUndoRedoSave();
    void sourceEditsShowInTheForm();
    void missingKeyAddedFromTheForm();
    void urlBuilderRoundTrip();
    void secretsMaskedUntilRevealed();
    void screenshots();
    void darkPaletteWindow();
};

namespace {

QByteArray expected(const QString &name)
{
    return test::readBytes(test::testDataDir() + QStringLiteral("/appeditor/") + name);
}

// Runs `answer` on the URL builder once it is the active modal dialog (it runs its own loop).
void whenUrlBuilderOpens(const std::function<void(ui::editors::app::UrlBuilderDialog *)> &answer)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, answer] {
        auto *dialog = qobject_cast<ui::editors::app::UrlBuilderDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        answer(dialog);
    });
    timer->start();
}

void retype(QWidget *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

QString screenshotFolder()
{
    return qEnvironmentVariableIsEmpty("PGDIAL_SCREENSHOT_DIR") ? QDir::tempPath()
                                                                : qEnvironmentVariable("PGDIAL_SCREENSHOT_DIR");
}

// Every text a person can read in `root`: labels, line edits as displayed, and table cells.
QStringList visibleTexts(QWidget *root)
{
    QStringList texts;
    for (QLabel *label : root->findChildren<QLabel *>())
        texts << label->text() << label->toolTip();
    for (QLineEdit *edit : root->findChildren<QLineEdit *>())
        texts << edit->displayText();
    for (QTableView *view : root->findChildren<QTableView *>()) {
        for (int row = 0; row < view->model()->rowCount(); ++row)
            for (int column = 0; column < view->model()->columnCount(); ++column) {
                const QModelIndex index = view->model()->index(row, column);
                texts << index.data().toString() << index.data(Qt::ToolTipRole).toString();
            }
    }
    return texts;
}

} // namespace

void tst_AppEditor::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_AppEditor::init()
{
    openExampleProject({1400, 900});
}

void tst_AppEditor::cleanup()
{
    closeExampleProject();
}

void tst_AppEditor::configFormEditUndoRedoSave()
{
    ui::editors::app::AppConfigEditor *editor = configEditor();
    QVERIFY(editor);
    QCOMPARE(m_window->editorArea()->editorFor(configPath)->currentWidget(), editor);
    ui::document::ProjectDocument *doc = document(configPath);
    const QByteArray original = doc->bytes();

    // What the form shows before any edit: raw text, effective value and where it came from.
    auto *user = editor->findChild<QLineEdit *>(QStringLiteral("field_user"));
    QVERIFY(user);
    QCOMPARE(user->text(), QStringLiteral("${APP_DB_USER:-appuser}"));
    QCOMPARE(editor->effectiveText(QStringLiteral("user")), QStringLiteral("appuser"));
    QVERIFY(editor->sourceText(QStringLiteral("user")).contains(QStringLiteral(".env line 12")));
    QVERIFY(editor->sourceText(QStringLiteral("pool_size")).contains(QStringLiteral("config.yaml line 23")));

    // pool_size out of range through the spin box: the check flags it on that line.
    auto *pool = editor->findChild<QSpinBox *>(QStringLiteral("field_pool_size_number"));
    QVERIFY(pool && pool->isVisible());
    QCOMPARE(pool->value(), 20);
    retype(pool, QStringLiteral("150"));
    QTest::keyClick(pool, Qt::Key_Return);
    QVERIFY(doc->bytes().contains("\n  pool_size: 150              # Base pool size\n"));
    QVERIFY(waitForCheck());
    bool flagged = false;
    for (const core::base::Diagnostic &d : m_window->context()->diagnosticsFor(configPath))
        flagged = flagged || (d.code == QStringLiteral("app.out-of-range") && d.line == 23);
    QVERIFY(flagged);
    QVERIFY(editor->findChild<QLabel *>(QStringLiteral("problem_pool_size"))
                ->toolTip()
                .contains(QStringLiteral("pool_size")));

    retype(pool, QStringLiteral("40"));
    QTest::keyClick(pool, Qt::Key_Return);
    QVERIFY(waitForCheck());
    for (const core::base::Diagnostic &d : m_window->context()->diagnosticsFor(configPath))
        QVERIFY2(d.code != QStringLiteral("app.out-of-range"), qPrintable(d.message));
    QCOMPARE(editor->effectiveText(QStringLiteral("pool_size")), QStringLiteral("40"));

    // The URL's host through the builder: the ${DATABASE_URL:-...} expression keeps its variable.
    whenUrlBuilderOpens([](ui::editors::app::UrlBuilderDialog *dialog) {
        auto *hosts = dialog->findChild<QLineEdit *>(QStringLiteral("urlHosts"));
        QCOMPARE(hosts->text(), QStringLiteral("postgres"));
        retype(hosts, QStringLiteral("db.internal"));
        QTest::mouseClick(dialog->findChild<QAbstractButton *>(QStringLiteral("urlBuilderOk")), Qt::LeftButton);
    });
    QTest::mouseClick(editor->findChild<QToolButton *>(QStringLiteral("urlBuilderButton")), Qt::LeftButton);
    QCOMPARE(doc->bytes(), expected(QStringLiteral("config.yaml.expected")));

    // The model agrees, and the Source page shows the same text.
    const core::appconfig::AppConfigFile parsed = core::appconfig::AppConfigFile::parse(*doc->text(), configPath);
    QCOMPARE(parsed.field(QStringLiteral("pool_size"))->value, QStringLiteral("40"));
    QVERIFY(parsed.field(QStringLiteral("url"))->value.contains(QStringLiteral("@db.internal:5432/")));
    ui::mainwindow::DocumentPage *page = m_window->editorArea()->editorFor(configPath);
    QVERIFY(page->sourceEditor()->sourceView()->document()->findBlockByNumber(22).text().startsWith(
        QStringLiteral("  pool_size: 40 ")));

    // Three steps: 150, 40, the URL. Undo them all, then redo them all; the form follows.
    QCOMPARE(doc->undoStack()->count(), 3);
    for (int i = 0; i < 3; ++i)
        doc->undoStack()->undo();
    QCOMPARE(doc->bytes(), original);
    QCOMPARE(pool->value(), 20);
    for (int i = 0; i < 3; ++i)
        doc->undoStack()->redo();
    QCOMPARE(doc->bytes(), expected(QStringLiteral("config.yaml.expected")));
    QCOMPARE(pool->value(), 40);

    // Save through the preview: the bytes on disk are the expected file (comments, quotes, ${...} kept).
    // (The offscreen platform does not give the window back its activation after a dialog.)
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    test::DialogAnswerer accept(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffSaveButton"));
    QTest::keyClick(pool, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(accept.answered, 1);
    QCOMPARE(test::readBytes(m_dir->filePath(configPath)), expected(QStringLiteral("config.yaml.expected")));
    QVERIFY(!doc->isModified());
}

void tst_AppEditor::missingKeyAddedFromTheForm()
{
    ui::editors::app::AppConfigEditor *editor = configEditor();
    QVERIFY(editor);
    ui::document::ProjectDocument *doc = document(configPath);
    const QByteArray original = doc->bytes();
    const QByteArray recycleLine = "  pool_recycle: 1800         # Recycle connections after 30 minutes\n";
    const qsizetype at = original.indexOf(recycleLine);
    QVERIFY(at > 0);
    const int recycleIndex = int(original.left(at).count('\n'));
    QVERIFY(doc->applyEdits({core::base::LineEdit {recycleIndex, 1, {}, {}}}, QStringLiteral("remove pool_recycle")));
    doc->undoStack()->clear();
    doc->undoStack()->setClean();
    QByteArray without = original;
    without.remove(at, recycleLine.size());
    QCOMPARE(doc->bytes(), without);

    // The missing key shows the app's default and invites a value.
    auto *recycle = editor->findChild<QLineEdit *>(QStringLiteral("field_pool_recycle"));
    QVERIFY(recycle && recycle->isVisible() && recycle->isEnabled() && !recycle->isReadOnly());
    QVERIFY(recycle->text().isEmpty());
    QVERIFY(recycle->placeholderText().contains(QStringLiteral("type a value")));
    QCOMPARE(editor->sourceText(QStringLiteral("pool_recycle")), QStringLiteral("the app's built-in default"));
    QVERIFY(editor->grab().save(screenshotFolder() + QStringLiteral("/app-config-missing-key.png")));

    retype(recycle, QStringLiteral("900"));
    QTest::keyClick(recycle, Qt::Key_Return);
    // One new line after the section's last key, at its indentation; nothing else changed.
    const QByteArray lastKey = "  user_pw_env_var: \"${DATABASE_PASSWORD_ENV_VAR:-POSTGRES_APP_USER_PW}\"\n";
    QByteArray expectedBytes = without;
    expectedBytes.insert(without.indexOf(lastKey) + lastKey.size(), "  pool_recycle: 900\n");
    QCOMPARE(doc->bytes(), expectedBytes);
    QCOMPARE(doc->undoStack()->count(), 1);
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Add database.pool_recycle"));
    QCOMPARE(editor->effectiveText(QStringLiteral("pool_recycle")), QStringLiteral("900"));
    QVERIFY(editor->sourceText(QStringLiteral("pool_recycle")).contains(QStringLiteral("config.yaml line")));

    doc->undoStack()->undo();
    QCOMPARE(doc->bytes(), without);
    QVERIFY(recycle->text().isEmpty());
    doc->undoStack()->redo();
    QCOMPARE(doc->bytes(), expectedBytes);

    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    test::DialogAnswerer accept(QStringLiteral("diffPreviewDialog"), QStringLiteral("diffSaveButton"));
    QTest::keyClick(editor->input(QStringLiteral("pool_size")), Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(accept.answered, 1);
    QCOMPARE(test::readBytes(m_dir->filePath(configPath)), expectedBytes);
}

void tst_AppEditor::sourceEditsShowInTheForm()
{
    ui::editors::app::AppConfigEditor *editor = configEditor();
    QVERIFY(editor);
    ui::document::ProjectDocument *doc = document(configPath);
    // An edit made elsewhere (the Source page, a fix, undo) reaches the form through the document.
    core::base::LineEdit edit;
    edit.firstIndex = 23;
    edit.removeCount = 1;
    edit.lines = {"  max_overflow: 15           # Additional connections beyond base"};
    QVERIFY(doc->applyEdits({edit}, QStringLiteral("edit in source")));
    QCOMPARE(editor->findChild<QSpinBox *>(QStringLiteral("field_max_overflow_number"))->value(), 15);
    // A ${VAR} written where a number was: the field becomes text, the effective value follows .env.
    edit.lines = {"  max_overflow: ${POOL_OVERFLOW:-7}"};
    QVERIFY(doc->applyEdits({edit}, QStringLiteral("edit in source")));
    auto *text = editor->findChild<QLineEdit *>(QStringLiteral("field_max_overflow"));
    QVERIFY(text->isVisible());
    QCOMPARE(text->text(), QStringLiteral("${POOL_OVERFLOW:-7}"));
    QCOMPARE(editor->effectiveText(QStringLiteral("max_overflow")), QStringLiteral("7"));
    QVERIFY(
        editor->sourceText(QStringLiteral("max_overflow")).contains(QStringLiteral("default in config.yaml line 24")));
    // Typing in the text field writes the new expression.
    retype(text, QStringLiteral("${POOL_OVERFLOW:-9}"));
    QTest::keyClick(text, Qt::Key_Return);
    QCOMPARE(doc->text()->lineText(23), QStringLiteral("  max_overflow: ${POOL_OVERFLOW:-9}"));
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QCOMPARE(editor->findChild<QSpinBox *>(QStringLiteral("field_max_overflow_number"))->value(), 15);
}

void tst_AppEditor::urlBuilderRoundTrip()
{
    ui::editors::app::UrlBuilderDialog dialog(QStringLiteral("postgresql://appuser:devpass@localhost:5433/appdb"),
                                              true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("urlPassword"));
    QCOMPARE(password->text(), QStringLiteral("devpass"));
    retype(password, QStringLiteral("p@ss:w/rd #%"));
    const QString url = QStringLiteral("postgresql://appuser:p%40ss%3Aw%2Frd%20%23%25@localhost:5433/appdb");
    QCOMPARE(dialog.url(), url);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("urlText"))->text(), url);
    const core::appconfig::ConnectionUrl parsed = core::appconfig::ConnectionUrlParser::parse(dialog.url());
    QVERIFY(parsed.libpqAccepts);
    QCOMPARE(parsed.value(QStringLiteral("password")).value_or(QString()), QStringLiteral("p@ss:w/rd #%"));

    // SSL mode and files from their fields.
    auto *mode = dialog.findChild<QComboBox *>(QStringLiteral("urlSslMode"));
    mode->setCurrentIndex(mode->findData(QStringLiteral("verify-full")));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("urlSslRootCert")),
                     QStringLiteral("/etc/ssl/ca.crt"));
    QCOMPARE(dialog.url(), url + QStringLiteral("?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Fca.crt"));

    // And back: the text fills the fields (multi-host, IPv6).
    auto *text = dialog.findChild<QLineEdit *>(QStringLiteral("urlText"));
    retype(text,
           QStringLiteral("postgresql+asyncpg://u:a%40b@[::1]:6000,db2:6001/x?sslmode=require&application_name=api"));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("urlHosts"))->text(), QStringLiteral("::1,db2"));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("urlPorts"))->text(), QStringLiteral("6000,6001"));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("urlDatabase"))->text(), QStringLiteral("x"));
    QCOMPARE(password->text(), QStringLiteral("a@b"));
    QCOMPARE(mode->currentData().toString(), QStringLiteral("require"));
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("urlScheme"))->currentData().toString(),
             QStringLiteral("postgresql+asyncpg"));
    QCOMPARE(dialog.findChild<QPlainTextEdit *>(QStringLiteral("urlOtherParameters"))->toPlainText(),
             QStringLiteral("application_name=api"));
    QVERIFY(dialog.findChild<QAbstractButton *>(QStringLiteral("urlBuilderOk"))->isEnabled());
    // A string libpq refuses cannot be accepted.
    retype(text, QStringLiteral("postgresql://h:99999/x"));
    QVERIFY(!dialog.findChild<QAbstractButton *>(QStringLiteral("urlBuilderOk"))->isEnabled());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("urlVerdict"))->text().contains(QStringLiteral("port")));
}

void tst_AppEditor::secretsMaskedUntilRevealed()
{
    ui::editors::app::EnvEditor *env = envEditor();
    QVERIFY(env);
    QVERIFY(!env->grab().isNull());
    for (const QString &text : visibleTexts(env))
        QVERIFY2(!text.contains(QStringLiteral("devpass")), qPrintable(text));
    ui::editors::app::AppConfigEditor *form = configEditor();
    QVERIFY(!form->grab().isNull());
    for (const QString &text : visibleTexts(form)) {
        QVERIFY2(!text.contains(QStringLiteral("devpass")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral(":password@")), qPrintable(text));
    }
    // The URL field is read-only while masked; the builder hides the password too.
    QVERIFY(form->findChild<QLineEdit *>(QStringLiteral("field_url"))->isReadOnly());
    ui::editors::app::UrlBuilderDialog masked(QStringLiteral("postgresql://appuser:devpass@localhost:5433/appdb"),
                                              false);
    for (const QString &text : visibleTexts(&masked))
        QVERIFY2(!text.contains(QStringLiteral("devpass")), qPrintable(text));
    QVERIFY(masked.findChild<QLineEdit *>(QStringLiteral("urlText"))->isReadOnly());

    // Revealing (the page's toggle follows the document) shows them.
    auto *reveal = form->findChild<QCheckBox *>(QStringLiteral("revealSecrets"));
    QTest::mouseClick(reveal, Qt::LeftButton);
    QVERIFY(document(configPath)->secretsRevealed());
    QVERIFY(form->effectiveText(QStringLiteral("url")).contains(QStringLiteral("devpass")));
    QVERIFY(!form->findChild<QLineEdit *>(QStringLiteral("field_url"))->isReadOnly());
    QVERIFY(m_window->editorArea()->editorFor(configPath)->sourceEditor()->revealToggle()->isChecked());
    QVERIFY(!document(envPath)->secretsRevealed());
    QTest::mouseClick(env->findChild<QCheckBox *>(QStringLiteral("revealSecrets")), Qt::LeftButton);
    const int url = env->model()->rowForKey(QStringLiteral("DATABASE_URL"));
    QVERIFY(env->model()
                ->index(url, ui::editors::app::EnvTableModel::ValueColumn)
                .data()
                .toString()
                .contains(QStringLiteral("devpass")));
}

void tst_AppEditor::screenshots()
{
    const QString folder = screenshotFolder();
    ui::editors::app::AppConfigEditor *form = configEditor();
    QVERIFY(form);
    QTest::qWait(0);
    QVERIFY(form->grab().save(folder + QStringLiteral("/app-config-form.png")));
    ui::editors::app::EnvEditor *env = envEditor();
    QVERIFY(env);
    QTest::qWait(0);
    QVERIFY(env->grab().save(folder + QStringLiteral("/env-table.png")));
    ui::editors::app::UrlBuilderDialog builder(
        QStringLiteral("postgresql+asyncpg://appuser:devpass@postgres:5432/appdb?ssl=require"), false, m_window.get());
    builder.show();
    QVERIFY(QTest::qWaitForWindowExposed(&builder));
    QVERIFY(builder.grab().save(folder + QStringLiteral("/url-builder.png")));
    builder.hide();
}

// The window follows a dark palette (the desktop's dark mode): no hard-coded light colours. The PNGs
// are for people to look at; the check here is that text stays readable against its background.
void tst_AppEditor::darkPaletteWindow()
{
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xdf, 0xe1, 0xe5));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
    dark.setColor(QPalette::Button, QColor(0x39, 0x3b, 0x40));
    dark.setColor(QPalette::ButtonText, QColor(0xdf, 0xe1, 0xe5));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(0x39, 0x3b, 0x40));
    dark.setColor(QPalette::ToolTipText, QColor(0xdf, 0xe1, 0xe5));
    dark.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    dark.setColor(QPalette::Link, QColor(0x6a, 0xa6, 0xff));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x7a, 0x7d, 0x82));
    dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x7a, 0x7d, 0x82));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x7a, 0x7d, 0x82));
    QApplication::setPalette(dark);
    configEditor();
    open(QStringLiteral("infra/docker/prod/postgres/postgresql.conf"));
    m_window->editorArea()->editorFor(QStringLiteral("infra/docker/prod/postgres/postgresql.conf"))->showSource();
    QTest::qWait(50);
    const QString folder = screenshotFolder();
    const QImage image = m_window->grab().toImage();
    QVERIFY(image.save(folder + QStringLiteral("/window-dark.png")));
    // Mostly dark: nothing kept a light background of its own.
    int darkPixels = 0;
    int samples = 0;
    for (int y = 0; y < image.height(); y += 5)
        for (int x = 0; x < image.width(); x += 5, ++samples)
            darkPixels += QColor(image.pixel(x, y)).lightness() < 100;
    QVERIFY2(darkPixels > samples * 8 / 10, qPrintable(QStringLiteral("%1 of %2").arg(darkPixels).arg(samples)));
    // HiDPI: the same window rendered at device pixel ratio 2 (icons come from SVG, so they stay sharp).
    QPixmap hidpi(m_window->size() * 2);
    hidpi.setDevicePixelRatio(2);
    hidpi.fill(Qt::transparent);
    m_window->render(&hidpi);
    QVERIFY(hidpi.save(folder + QStringLiteral("/window-dark@2x.png")));
    QVERIFY(hidpi.copy(0, 0, 700, 500).save(folder + QStringLiteral("/window-dark@2x-detail.png")));
    QApplication::setPalette(light);
}

QTEST_MAIN(tst_AppEditor)
#include "tst_appeditor.moc"
