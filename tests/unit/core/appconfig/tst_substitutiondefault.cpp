#include "appconfig/substitutiondefault.h"

#include <QTest>

using pgdial::core::appconfig::SubstitutionDefault;

class tst_SubstitutionDefault final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replace_data();
    void replace();
};

void tst_SubstitutionDefault::replace_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("newDefault");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::addColumn<QString>("variable");
    QTest::newRow("colon-dash") << "${APP_POOL:-10}"
                                << "15"
                                << "${APP_POOL:-15}"
                                << "APP_POOL";
    QTest::newRow("dash only") << "${APP_POOL-10}"
                               << "15"
                               << "${APP_POOL-15}"
                               << "APP_POOL";
    QTest::newRow("empty default") << "${APP_POOL:-}"
                                   << "15"
                                   << "${APP_POOL:-15}"
                                   << "APP_POOL";
    QTest::newRow("nested default") << "${A:-${B:-10}}"
                                    << "7"
                                    << "${A:-${B:-7}}"
                                    << "B";
    QTest::newRow("no default") << "${APP_POOL}"
                                << "15"
                                << ""
                                << "";
    QTest::newRow("required") << "${APP_POOL:?set it}"
                              << "15"
                              << ""
                              << "";
    QTest::newRow("alternative") << "${APP_POOL:+5}"
                                 << "15"
                                 << ""
                                 << "";
    QTest::newRow("bare dollar") << "$APP_POOL"
                                 << "15"
                                 << ""
                                 << "";
    QTest::newRow("plain number") << "10"
                                  << "15"
                                  << ""
                                  << "";
    QTest::newRow("text after") << "${APP_POOL:-10}0"
                                << "15"
                                << ""
                                << "";
    QTest::newRow("text before") << "x${APP_POOL:-10}"
                                 << "15"
                                 << ""
                                 << "";
    QTest::newRow("two expressions") << "${A:-1}${B:-2}"
                                     << "15"
                                     << ""
                                     << "";
    QTest::newRow("default mixing text and variable") << "${A:-1${B}}"
                                                      << "15"
                                                      << ""
                                                      << "";
    QTest::newRow("unterminated") << "${APP_POOL:-10"
                                  << "15"
                                  << ""
                                  << "";
    QTest::newRow("invalid name") << "${1X:-10}"
                                  << "15"
                                  << ""
                                  << "";
}

void tst_SubstitutionDefault::replace()
{
    QFETCH(QString, text);
    QFETCH(QString, newDefault);
    QFETCH(QString, expected);
    QFETCH(QString, variable);
    const std::optional<QString> replaced = SubstitutionDefault::replace(text, newDefault);
    QCOMPARE(replaced.value_or(QString()), expected);
    QCOMPARE(SubstitutionDefault::variable(text).value_or(QString()), variable);
    // current() is the default replace() changes: writing it back gives the text unchanged.
    const std::optional<QString> current = SubstitutionDefault::current(text);
    QCOMPARE(current.has_value(), !expected.isEmpty());
    if (current)
        QCOMPARE(SubstitutionDefault::replace(text, *current).value_or(QString()), text);
}

QTEST_GUILESS_MAIN(tst_SubstitutionDefault)
#include "tst_substitutiondefault.moc"
