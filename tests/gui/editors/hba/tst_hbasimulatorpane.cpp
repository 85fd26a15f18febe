// The pg_hba.conf editor's side panes in the main window, on a copy of the example project: the
// simulator (which rule the engine matches) and the pasted server error (the rule it proposes,
// inserted as one undo step). Split from tst_hbaruleeditor.cpp, same fixture.
#include "document/documentmanager.h"
#include "document/projectdocument.h"
#include "editors/hba/hbaeditorpage.h"
#include "editors/hba/hbaimpactdialog.h"
#include "editors/hba/hbaimpactmodel.h"
#include "editors/hba/hbapasteerrorpane.h"
#include "editors/hba/hbarulesmodel.h"
#include "editors/hba/hbasimulatorpane.h"
#include "editors/hba/hbatracemodel.h"
#include "gui/editors/hba/hbaeditorfixture.h"
#include "gui/guitesthelpers.h"
#include "hba/hbafile.h"
#include "hba/hbaimpact.h"
#include "hba/hbamatcher.h"
#include "hba/hbarejection.h"
#include "mainwindow/documentpage.h"
#include "mainwindow/editorarea.h"
#include "mainwindow/mainwindow.h"
#include "support/testenvironment.h"
#include "support/testpaths.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace pgdial;
using Model = ui::editors::hba::HbaRulesModel;

class tst_HbaSimulatorPane final : public QObject, private test::HbaEditorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void simulatorHighlightsTheEnginesMatch();
    void pastedErrorProposesAndInsertsARule();
};

void tst_HbaSimulatorPane::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_HbaSimulatorPane::init()
{
    openHbaEditor();
}

void tst_HbaSimulatorPane::cleanup()
{
    closeExampleProject();
}

void tst_HbaSimulatorPane::simulatorHighlightsTheEnginesMatch()
{
    ui::editors::hba::HbaSimulatorPane *simulator = page()->simulator();
    QCOMPARE(simulator->objectName(), QStringLiteral("hbaSimulator"));
    auto *transport = simulator->findChild<QComboBox *>(QStringLiteral("hbaSimTransport"));
    auto *database = simulator->findChild<QLineEdit *>(QStringLiteral("hbaSimDatabase"));
    auto *user = simulator->findChild<QLineEdit *>(QStringLiteral("hbaSimUser"));
    auto *address = simulator->findChild<QLineEdit *>(QStringLiteral("hbaSimAddress"));
    QVERIFY(transport && database && user && address);

    struct Case
    {
        int transport; // combo index: local, tcp, tcp+ssl, tcp+gss
        const char *address;
        const char *user;
    };
    const Case cases[] = {{2, "10.10.3.7", "app"}, {1, "10.10.3.7", "app"}, {0, "", "postgres"},
                          {0, "", "app"},          {2, "8.8.8.8", "app"},   {1, "::1", "app"}};
    const core::hba::HbaFile file = model()->parse(m_original);
    const core::hba::HbaMatcher matcher(file);
    for (const Case &c : cases) {
        transport->setCurrentIndex(c.transport);
        database->selectAll();
        QTest::keyClicks(database, "appdb");
        user->selectAll();
        QTest::keyClicks(user, c.user);
        address->clear();
        QTest::keyClicks(address, c.address);
        const std::optional<core::hba::HbaConnectionAttempt> attempt = simulator->attempt();
        QVERIFY(attempt);
        const core::hba::HbaMatchResult result = matcher.match(*attempt);
        QVERIFY(result.rule);
        const int row = model()->rowForLine(result.rule->line);
        QCOMPARE(model()->highlightedRow(), row);
        QVERIFY(model()->index(row, 0).data(Model::HighlightedRole).toBool());
        // The explanation: one line per earlier rule with the engine's reason, then the match.
        const QList<ui::editors::hba::HbaTraceModel::Step> &steps = simulator->traceModel()->steps();
        QCOMPARE(steps.size(), result.trace.size() + 1);
        for (int i = 0; i < result.trace.size(); ++i)
            QCOMPARE(steps.at(i).verdict, result.trace.at(i).reason);
        QVERIFY(steps.last().matched);
        QCOMPARE(steps.last().line, result.rule->line);
    }
    // TCP+SSL from 10.10.3.7 is the private-network rule on line 134.
    transport->setCurrentIndex(2);
    address->clear();
    QTest::keyClicks(address, "10.10.3.7");
    QCOMPARE(model()->row(model()->highlightedRow()).rule.line, 134);
    QVERIFY(simulator->findChild<QLabel *>(QStringLiteral("hbaSimResult"))
                ->text()
                .contains(QStringLiteral("scram-sha-256")));
    // An edit that moves the match follows at once.
    focusTable(11);
    test::DialogAnswerer apply(QStringLiteral("hbaImpactDialog"), QStringLiteral("hbaImpactApplyButton"));
    QTest::keyClick(view(), Qt::Key_Up, Qt::AltModifier);
    QTRY_COMPARE(apply.answered, 1);
    QCOMPARE(model()->row(model()->highlightedRow()).rule.line, 134);
    QCOMPARE(model()->index(model()->highlightedRow(), Model::MethodColumn).data().toString(),
             QStringLiteral("reject"));
}

void tst_HbaSimulatorPane::pastedErrorProposesAndInsertsARule()
{
    ui::editors::hba::HbaPasteErrorPane *pane = page()->pasteErrorPane();
    auto *text = pane->findChild<QPlainTextEdit *>(QStringLiteral("hbaPasteErrorText"));
    auto *propose = pane->findChild<QPushButton *>(QStringLiteral("hbaProposeRuleButton"));
    auto *insert = pane->findChild<QPushButton *>(QStringLiteral("hbaInsertProposalButton"));
    QVERIFY(text && propose && insert);
    const QString message = QStringLiteral(
        "psql: error: connection to server at \"db.internal\" (192.168.7.1), port 5432 failed: FATAL:  no "
        "pg_hba.conf entry for host \"192.168.7.9\", user \"app\", database \"appdb\", SSL encryption");
    text->setPlainText(message);
    QVERIFY(!insert->isEnabled());
    QTest::mouseClick(propose, Qt::LeftButton);
    QVERIFY(pane->proposal());
    QCOMPARE(pane->proposal()->ruleText, QStringLiteral("hostssl appdb app 192.168.7.9/32 scram-sha-256"));
    // Placed before the IPv4 deny-all, the first rule that would decide otherwise.
    QCOMPARE(pane->proposal()->beforeLine, 137);
    const core::hba::HbaRuleProposal engine
        = core::hba::HbaRuleProposer::propose(model()->parse(m_original), *core::hba::HbaRejection::parse(message));
    QCOMPARE(pane->proposal()->fields, engine.fields);
    QCOMPARE(pane->proposal()->beforeLine, engine.beforeLine);
    QVERIFY(pane->findChild<QLabel *>(QStringLiteral("hbaProposalText"))
                ->text()
                .contains(QStringLiteral("192.168.7.9/32")));
    // The simulator now shows that connection: rejected by line 137 today.
    QCOMPARE(model()->row(model()->highlightedRow()).rule.line, 137);

    // Line 137 is a deliberate reject (the IPv4 deny-all): the proposal says it goes past it, and
    // inserting asks first.
    QVERIFY(pane->proposal()->bypassesReject);
    QVERIFY(pane->findChild<QLabel *>(QStringLiteral("hbaProposalText"))
                ->text()
                .contains(QStringLiteral("pg_hba.conf:137 rejects these connections on purpose")));
    QVERIFY(insert->isEnabled());
    {
        test::DialogAnswerer cancel(QStringLiteral("hbaBypassRejectDialog"),
                                    QStringLiteral("hbaBypassRejectCancelButton"));
        QTest::mouseClick(insert, Qt::LeftButton);
        QTRY_COMPARE(cancel.answered, 1);
    }
    QCOMPARE(document()->bytes(), m_original);
    {
        test::DialogAnswerer accept(QStringLiteral("hbaBypassRejectDialog"),
                                    QStringLiteral("hbaBypassRejectInsertButton"));
        QTest::mouseClick(insert, Qt::LeftButton);
        QTRY_COMPARE(accept.answered, 1);
    }
    const QByteArray expected = originalWith([](QList<QByteArray> &lines) {
        // In the file's usual columns (those of the local/host lines).
        lines.insert(136, "hostssl appdb           app             192.168.7.9/32          scram-sha-256");
    });
    QCOMPARE(document()->text()->lineText(136), QString::fromLatin1(expected.split('\n').at(136)));
    QCOMPARE(document()->bytes(), expected);
    QCOMPARE(document()->undoStack()->count(), 1);
    QCOMPARE(page()->currentRow(), 11);
    // And now it gets in.
    QCOMPARE(model()->highlightedRow(), 11);

    // The file turns away non-TLS connections (line 128, hostnossl ... reject): a plain refusal
    // gets a hostssl rule and the sslmode advice, not a host rule before that reject.
    text->setPlainText(QStringLiteral("FATAL:  pg_hba.conf rejects connection for host \"192.168.7.9\", user "
                                      "\"app\", database \"appdb\", no encryption"));
    QVERIFY(pane->propose());
    QCOMPARE(pane->proposal()->ruleText, QStringLiteral("hostssl appdb app 192.168.7.9/32 scram-sha-256"));
    QCOMPARE(pane->proposal()->clientSslMode, QStringLiteral("require"));
    // The rule inserted above (line 137) already admits it over TLS: nothing to insert.
    QVERIFY(pane->proposal()->admittedOverTls);
    QCOMPARE(pane->proposal()->admittedOverTls->line, 137);
    QVERIFY(!insert->isEnabled());
    QVERIFY(pane->findChild<QLabel *>(QStringLiteral("hbaProposalText"))
                ->text()
                .contains(QStringLiteral("sslmode=require")));

    // Text without such a message proposes nothing.
    text->setPlainText(QStringLiteral("FATAL:  password authentication failed for user \"app\""));
    QVERIFY(!pane->propose());
    QVERIFY(!insert->isEnabled());
}

QTEST_MAIN(tst_HbaSimulatorPane)
#include "tst_hbasimulatorpane.moc"
