// The Problems panel's model follows a new check row-wise: rows that did not change keep their
// index (selection and scroll position survive), changed rows get dataChanged, new and gone
// rows are inserted and removed, and there is no model reset. Random lists under
// QAbstractItemModelTester end with exactly the new list.
#include "models/diagnosticsfiltermodel.h"
#include "models/diagnosticsmodel.h"
#include "support/testenvironment.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace pgdial;

class tst_DiagnosticsModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void oneChangedRowIsDataChangedOnly();
    void insertedAndRemovedRowsKeepTheOthers();
    void randomListsEndEqual();
};

namespace {

core::base::Diagnostic make(int line, const QString &message = {})
{
    core::base::Diagnostic d;
    d.severity = static_cast<core::base::Severity>(line % 3);
    d.code = QStringLiteral("test.code-%1").arg(line % 4);
    d.file = QStringLiteral("file%1.conf").arg(line / 10);
    d.line = line;
    d.message = message.isEmpty() ? QStringLiteral("message %1").arg(line) : message;
    return d;
}

core::base::Diagnostics lines(std::initializer_list<int> numbers)
{
    core::base::Diagnostics out;
    for (int n : numbers)
        out.append(make(n));
    return out;
}

} // namespace

void tst_DiagnosticsModel::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_DiagnosticsModel::oneChangedRowIsDataChangedOnly()
{
    ui::models::DiagnosticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiagnostics(lines({1, 2, 3, 4, 5}));
    const QPersistentModelIndex first = model.index(0, 0);
    const QPersistentModelIndex last = model.index(4, 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    core::base::Diagnostics next = lines({1, 2, 3, 4, 5});
    next[2] = make(3, QStringLiteral("now different"));
    model.setDiagnostics(next);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 2);
    QCOMPARE(changed.first().at(1).value<QModelIndex>().row(), 2);
    QCOMPARE(model.index(2, ui::models::DiagnosticsModel::MessageColumn).data().toString(),
             QStringLiteral("now different"));
    QCOMPARE(first.row(), 0);
    QCOMPARE(last.row(), 4);
    // The same list again changes nothing at all.
    model.setDiagnostics(next);
    QCOMPARE(changed.count(), 1);
}

void tst_DiagnosticsModel::insertedAndRemovedRowsKeepTheOthers()
{
    ui::models::DiagnosticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiagnostics(lines({1, 2, 3, 4, 5}));
    const QPersistentModelIndex four = model.index(3, 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setDiagnostics(lines({1, 2, 3, 31, 32, 4, 5}));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 3);
    QCOMPARE(inserted.first().at(2).toInt(), 4);
    QCOMPARE(four.row(), 5);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setDiagnostics(lines({1, 4, 5}));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(four.row(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.diagnostics(), lines({1, 4, 5}));
}

void tst_DiagnosticsModel::randomListsEndEqual()
{
    ui::models::DiagnosticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ui::models::DiagnosticsFilterModel filter;
    filter.setSourceModel(&model);
    filter.setShowInfos(false);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QRandomGenerator random(8);
    for (int round = 0; round < 200; ++round) {
        core::base::Diagnostics next;
        const int count = int(random.bounded(12));
        for (int i = 0; i < count; ++i)
            next.append(make(int(random.bounded(30)), random.bounded(4) == 0 ? QStringLiteral("variant") : QString()));
        model.setDiagnostics(next);
        QCOMPARE(model.diagnostics(), next);
        int shown = 0;
        for (const core::base::Diagnostic &d : next)
            shown += d.severity != core::base::Severity::Info;
        QCOMPARE(filter.rowCount(), shown);
    }
}

QTEST_MAIN(tst_DiagnosticsModel)
#include "tst_diagnosticsmodel.moc"
