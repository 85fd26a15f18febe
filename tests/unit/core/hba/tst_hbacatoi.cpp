#include "hba/catoi.h"

#include <QTest>

#include <cstdlib>

using namespace pgdial::core::hba;

// cAtoi() against the C library it imitates: the server reads ldapport and radiusports with
// atoi(), which glibc implements as (int) strtol(s, NULL, 10).
class tst_HbaCAtoi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithStrtol_data();
    void agreesWithStrtol();
};

void tst_HbaCAtoi::agreesWithStrtol_data()
{
    QTest::addColumn<QByteArray>("text");
    const QList<QByteArray> rows {
        "389",
        "0",
        "",
        "x",
        "389x",
        " 389",
        "\t\n\v\f\r636",
        "+1",
        "-1",
        "--1",
        "+-1",
        "- 1",
        "0x1F",
        "007",
        "65535",
        "65536",
        "2147483647",
        "2147483648",
        "4294967296",
        "4294967685",
        "1099511627776",
        "1099511628165",
        "9223372036854775807",
        "9223372036854775808",
        "99999999999999999999999",
        "-2147483648",
        "-2147483649",
        "-9223372036854775808",
        "-9223372036854775809",
        "-99999999999999999999",
        "1 2",
        "12,34",
        "\xc2\xa0"
        "1",
    };
    for (const QByteArray &row : rows)
        QTest::newRow(row.isEmpty() ? "empty" : row.constData()) << row;
}

void tst_HbaCAtoi::agreesWithStrtol()
{
    QFETCH(QByteArray, text);
    const int expected = static_cast<int>(std::strtol(text.constData(), nullptr, 10));
    QCOMPARE(cAtoi(QString::fromUtf8(text)), expected);
}

QTEST_GUILESS_MAIN(tst_HbaCAtoi)
#include "tst_hbacatoi.moc"
