// Long values never reach a view whole (issue 16 item 8): a .env holding one 20 MB value hung the
// window in text layout. Models cut DisplayRole and ToolTipRole text (DisplayText), and a value too
// long for a cell editor is not editable in the table.
#include "editors/app/enveditor.h"
#include "editors/app/envtablemodel.h"
#include "gui/editors/app/appeditorfixture.h"
#include "models/displaytext.h"
#include "support/testenvironment.h"

#include <QFile>
#include <QTableView>
#include <QTest>

using namespace pgdial;
using ui::editors::app::EnvTableModel;
using ui::models::DisplayText;

class tst_DisplayText final : public QObject, private test::AppEditorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void elided();
    void envModelCutsLongValues();
    void windowShowsAHugeEnvValue();
};

void tst_DisplayText::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_DisplayText::cleanup()
{
    closeExampleProject();
}

void tst_DisplayText::elided()
{
    QCOMPARE(DisplayText::elided(QStringLiteral("short")), QStringLiteral("short"));
    const QString exact(DisplayText::maxDisplayLength, u'a');
    QCOMPARE(DisplayText::elided(exact), exact);
    const QString cut = DisplayText::elided(QString(5000, u'b'), 10);
    QCOMPARE(cut, QString(10, u'b') + QChar(0x2026) + QStringLiteral(" (5000 characters)"));
    // A surrogate pair is not split.
    QString emoji = QString(9, u'c') + QString::fromUtf8("\xF0\x9F\x98\x80") + QString(100, u'd');
    QVERIFY(!DisplayText::elided(emoji, 10).at(8).isHighSurrogate());
    QVERIFY(DisplayText::elided(emoji, 10).startsWith(QString(9, u'c') + QChar(0x2026)));
    // Non-strings go through untouched.
    QCOMPARE(DisplayText::elided(QVariant(42)), QVariant(42));
}

void tst_DisplayText::envModelCutsLongValues()
{
    EnvTableModel model;
    EnvTableModel::Row row;
    row.key = QStringLiteral("BIG");
    row.value = QString(20 * 1024 * 1024, u'x');
    row.effective = row.value;
    row.comment = QString(5000, u'#');
    row.line = 1;
    row.lastLine = 1;
    model.setRows({row});
    for (const int column :
         {int(EnvTableModel::ValueColumn), int(EnvTableModel::EffectiveColumn), int(EnvTableModel::CommentColumn)}) {
        const QModelIndex index = model.index(0, column);
        for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
            const QString text = index.data(role).toString();
            QVERIFY2(text.size() <= DisplayText::maxDisplayLength + 40, qPrintable(QString::number(text.size())));
        }
    }
    const QModelIndex value = model.index(0, EnvTableModel::ValueColumn);
    QVERIFY(value.data().toString().contains(QStringLiteral("(20971520 characters)")));
    QVERIFY(value.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Source tab")));
    // Too long for a cell editor: edited in the Source tab; the whole value stays available.
    QVERIFY(!(model.flags(value) & Qt::ItemIsEditable));
    QCOMPARE(value.data(EnvTableModel::RawValueRole).toString().size(), row.value.size());
}

void tst_DisplayText::windowShowsAHugeEnvValue()
{
    copyExampleProject();
    QFile env(m_dir->filePath(envPath));
    QVERIFY(env.open(QIODevice::Append));
    // 5 MB: enough to hang text layout for many seconds before; cheap enough for the ASan build.
    QVERIFY(env.write("HUGE_VALUE=" + QByteArray(5 * 1024 * 1024, 'x') + '\n') > 0);
    env.close();
    openWindowOnCopy({1400, 900});
    ui::editors::app::EnvEditor *editor = envEditor();
    QVERIFY(editor);
    const int row = editor->model()->rowForKey(QStringLiteral("HUGE_VALUE"));
    QVERIFY(row >= 0);
    editor->view()->scrollTo(editor->view()->model()->index(row, EnvTableModel::ValueColumn));
    const QImage image = m_window->grab().toImage();
    QVERIFY(!image.isNull());
    if (const QString dir = qEnvironmentVariable("PGDIAL_TEST_SCREENSHOTS"); !dir.isEmpty())
        image.save(dir + QStringLiteral("/huge-env-value.png"));
}

QTEST_MAIN(tst_DisplayText)
#include "tst_displaytext.moc"
