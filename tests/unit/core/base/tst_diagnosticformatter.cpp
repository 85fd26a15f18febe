#include "base/diagnosticformatter.h"

#include <QJsonDocument>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;

class tst_DiagnosticFormatter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textLine();
    void jsonFields();
    void sarifShape();
    void sortingOrder();
};

namespace {

Diagnostic sample()
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = QStringLiteral("conf.unknown-parameter");
    d.file = QStringLiteral("infra/postgresql.conf");
    d.line = 12;
    d.column = 1;
    d.message = QStringLiteral("unrecognized configuration parameter \"shared_bufers\"");
    d.suggestion = QStringLiteral("Did you mean shared_buffers?");
    d.parameter = QStringLiteral("shared_bufers");
    d.fix = Fix {QStringLiteral("Rename to shared_buffers"), d.file, {LineEdit {11, 1, {"shared_buffers = 1GB"}, {}}}};
    return d;
}

} // namespace

void tst_DiagnosticFormatter::textLine()
{
    QCOMPARE(sample().toText(),
             QStringLiteral("infra/postgresql.conf:12:1: error: unrecognized configuration parameter "
                            "\"shared_bufers\" [conf.unknown-parameter]"));
    const QByteArray text = DiagnosticFormatter::toText({sample()});
    QVERIFY(text.endsWith("  fix: Did you mean shared_buffers?\n"));
}

void tst_DiagnosticFormatter::jsonFields()
{
    const QJsonObject json = DiagnosticFormatter::toJson(sample());
    QCOMPARE(json.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(json.value(QStringLiteral("code")).toString(), QStringLiteral("conf.unknown-parameter"));
    QCOMPARE(json.value(QStringLiteral("file")).toString(), QStringLiteral("infra/postgresql.conf"));
    QCOMPARE(json.value(QStringLiteral("line")).toInt(), 12);
    QCOMPARE(json.value(QStringLiteral("column")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("parameter")).toString(), QStringLiteral("shared_bufers"));
    const QJsonObject fix = json.value(QStringLiteral("fix")).toObject();
    QCOMPARE(fix.value(QStringLiteral("edits")).toArray().first().toObject().value(QStringLiteral("line")).toInt(), 12);

    Diagnostic plain = sample();
    plain.parameter.clear();
    plain.fix.reset();
    QVERIFY(DiagnosticFormatter::toJson(plain).value(QStringLiteral("parameter")).isNull());
}

void tst_DiagnosticFormatter::sarifShape()
{
    Diagnostic warning = sample();
    warning.severity = Severity::Warning;
    const QJsonDocument doc
        = QJsonDocument::fromJson(DiagnosticFormatter::toSarif({sample(), warning}, QStringLiteral("/tmp/p")));
    QCOMPARE(doc.object().value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
    const QJsonObject run = doc.object().value(QStringLiteral("runs")).toArray().first().toObject();
    const QJsonArray results = run.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
    QCOMPARE(run.value(QStringLiteral("tool"))
                 .toObject()
                 .value(QStringLiteral("driver"))
                 .toObject()
                 .value(QStringLiteral("rules"))
                 .toArray()
                 .size(),
             1);
}

void tst_DiagnosticFormatter::sortingOrder()
{
    Diagnostic a = sample();
    a.file = QStringLiteral("b.conf");
    Diagnostic b = sample();
    b.file = QStringLiteral("a.conf");
    b.line = 30;
    Diagnostic c = sample();
    c.file = QStringLiteral("a.conf");
    c.line = 3;
    c.severity = Severity::Warning;
    Diagnostic d = c;
    d.severity = Severity::Error;
    Diagnostics all {a, b, c, d};
    sortDiagnostics(all);
    QCOMPARE(all.at(0).line, 3);
    QCOMPARE(all.at(0).severity, Severity::Error);
    QCOMPARE(all.at(1).severity, Severity::Warning);
    QCOMPARE(all.at(2).line, 30);
    QCOMPARE(all.at(3).file, QStringLiteral("b.conf"));
    QVERIFY(hasErrors(all));
}

QTEST_APPLESS_MAIN(tst_DiagnosticFormatter)
#include "tst_diagnosticformatter.moc"
