#include "appconfig/variableresolver.h"

#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::appconfig;

class tst_VariableResolver final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void substitute_data();
    void substitute();
    void provenance();
    void processEnvironmentSwitch();
    void diagnostics_data();
    void diagnostics();
    void envValuesSubstitute();
    void cycleTerminates();
    void doublingChainStaysLinear();
};

static VariableResolver resolverWith(const QByteArray &env)
{
    VariableResolver resolver;
    resolver.addEnvFile(EnvFile::parse(TextDocument::fromBytes(env), QStringLiteral(".env")));
    return resolver;
}

static const QByteArray kEnv = "SET=value\nEMPTY=\nPW=s3cret\nHOST=db\n";

void tst_VariableResolver::substitute_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("literal") << "plain"
                             << "plain";
    QTest::newRow("braced") << "${SET}"
                            << "value";
    QTest::newRow("bare") << "$SET/x"
                          << "value/x";
    QTest::newRow("dollar-dollar") << "a$$b"
                                   << "a$b";
    QTest::newRow("lone-dollar") << "5$"
                                 << "5$";
    QTest::newRow("colon-dash-set") << "${SET:-d}"
                                    << "value";
    QTest::newRow("colon-dash-unset") << "${NOPE:-d}"
                                      << "d";
    QTest::newRow("colon-dash-empty") << "${EMPTY:-d}"
                                      << "d";
    QTest::newRow("dash-empty") << "${EMPTY-d}"
                                << "";
    QTest::newRow("dash-unset") << "${NOPE-d}"
                                << "d";
    QTest::newRow("plus-set") << "${SET:+alt}"
                              << "alt";
    QTest::newRow("plus-unset") << "${NOPE:+alt}"
                                << "";
    QTest::newRow("nested-default") << "${NOPE:-${ALSO_NOPE:-${HOST}}}"
                                    << "db";
    QTest::newRow("default-with-colon") << "${NOPE:-postgresql+asyncpg://user:password@postgres:5432/app_db}"
                                        << "postgresql+asyncpg://user:password@postgres:5432/app_db";
    QTest::newRow("in-url") << "postgresql://appuser:${PW}@${HOST}:5432/appdb"
                            << "postgresql://appuser:s3cret@db:5432/appdb";
    QTest::newRow("required-set") << "${SET:?needed}"
                                  << "value";
}

void tst_VariableResolver::substitute()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const Substitution result = resolverWith(kEnv).substitute(text, QStringLiteral("config.yaml"), 3, 8);
    QCOMPARE(result.value, expected);
    QVERIFY(result.diagnostics.isEmpty());
}

void tst_VariableResolver::provenance()
{
    const VariableResolver resolver = resolverWith("# x\nAPP_DB=mydb\n");
    const Substitution fromEnv
        = resolver.substitute(QStringLiteral("${APP_DB:-appdb}"), QStringLiteral("config.yaml"), 17);
    QCOMPARE(fromEnv.provenance().source, Provenance::Source::EnvFile);
    QCOMPARE(fromEnv.provenance().describe(), QStringLiteral(".env line 2"));
    const Substitution fromDefault
        = resolver.substitute(QStringLiteral("${APP_DB_OWNER:-appowner}"), QStringLiteral("config.yaml"), 18);
    QCOMPARE(fromDefault.value, QStringLiteral("appowner"));
    QCOMPARE(fromDefault.provenance().source, Provenance::Source::Default);
    QCOMPARE(fromDefault.provenance().describe(), QStringLiteral("default in config.yaml line 18"));
    QCOMPARE(resolver.substitute(QStringLiteral("x"), QStringLiteral("c"), 1).provenance().source,
             Provenance::Source::Literal);
}

void tst_VariableResolver::processEnvironmentSwitch()
{
    VariableResolver resolver = resolverWith("APP_DB=fromfile\n");
    resolver.setProcessEnvironment({{QStringLiteral("APP_DB"), QStringLiteral("fromprocess")}});
    QCOMPARE(resolver.substitute(QStringLiteral("${APP_DB}"), {}, 1).value, QStringLiteral("fromfile"));
    resolver.setUseProcessEnvironment(true);
    const Substitution s = resolver.substitute(QStringLiteral("${APP_DB}"), {}, 1);
    QCOMPARE(s.value, QStringLiteral("fromprocess"));
    QCOMPARE(s.provenance().source, Provenance::Source::ProcessEnvironment);
    QCOMPARE(s.provenance().sourceId(), QStringLiteral("environment"));
}

void tst_VariableResolver::diagnostics_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("severity");
    QTest::addColumn<int>("column");

    QTest::newRow("unresolved") << "${NOPE}"
                                << "app.unresolved-variable" << int(Severity::Warning) << 10;
    QTest::newRow("unresolved-bare") << "x $NOPE"
                                     << "app.unresolved-variable" << int(Severity::Warning) << 12;
    QTest::newRow("required-unset") << "${NOPE:?set it}"
                                    << "app.required-variable" << int(Severity::Error) << 10;
    QTest::newRow("required-empty") << "${EMPTY:?}"
                                    << "app.required-variable" << int(Severity::Error) << 10;
    QTest::newRow("unterminated") << "ab${SET"
                                  << "app.invalid-substitution" << int(Severity::Error) << 12;
    QTest::newRow("bad-operator") << "${SET%x}"
                                  << "app.invalid-substitution" << int(Severity::Error) << 10;
    QTest::newRow("empty-name") << "${}"
                                << "app.invalid-substitution" << int(Severity::Error) << 10;
}

void tst_VariableResolver::diagnostics()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(int, severity);
    QFETCH(int, column);
    const Substitution result = resolverWith(kEnv).substitute(text, QStringLiteral("config.yaml"), 4, 10);
    QCOMPARE(result.diagnostics.size(), 1);
    QCOMPARE(result.diagnostics.first().code, code);
    QCOMPARE(int(result.diagnostics.first().severity), severity);
    QCOMPARE(result.diagnostics.first().line, 4);
    QCOMPARE(result.diagnostics.first().column, column);
}

void tst_VariableResolver::envValuesSubstitute()
{
    const VariableResolver resolver
        = resolverWith("PW=abc\nURL=postgresql://u:${PW}@h/db\nLIT='postgresql://u:${PW}@h/db'\n");
    QCOMPARE(resolver.lookup(QStringLiteral("URL"))->value, QStringLiteral("postgresql://u:abc@h/db"));
    QCOMPARE(resolver.lookup(QStringLiteral("LIT"))->value, QStringLiteral("postgresql://u:${PW}@h/db"));
    QCOMPARE(resolver.allVariables().size(), 3);
}

void tst_VariableResolver::cycleTerminates()
{
    const VariableResolver resolver = resolverWith("A=${B}\nB=${A}\n");
    // Returning at all is the point; the value must also stay bounded and name the variable it used.
    const Substitution result = resolver.substitute(QStringLiteral("${A}"), {}, 1);
    QVERIFY(result.value.size() <= VariableResolver::maxExpandedLength);
    QVERIFY(!result.uses.isEmpty());
    QCOMPARE(result.uses.first().name, QStringLiteral("A"));
}

// Found by fuzz_appconfig: each value refers to the next one twice, so naive expansion does 2^depth
// lookups and builds a 2^depth-long string. Each value is now expanded once and the result capped.
void tst_VariableResolver::doublingChainStaysLinear()
{
    QByteArray env;
    for (int i = 0; i < 40; ++i)
        env += "V" + QByteArray::number(i) + "=$V" + QByteArray::number(i + 1) + "$V" + QByteArray::number(i + 1) + "$V"
            + QByteArray::number(i + 1) + "\n";
    env += "V40=xxxxxxxx\n";
    const VariableResolver resolver = resolverWith(env);
    const Substitution result = resolver.substitute(QStringLiteral("${V0}"), QStringLiteral("config.yaml"), 3, 5);
    QCOMPARE(result.value.size(), VariableResolver::maxExpandedLength);
    QVERIFY(std::any_of(result.diagnostics.cbegin(), result.diagnostics.cend(), [](const Diagnostic &d) {
        return d.code == QStringLiteral("app.expansion-too-large") && d.line == 3 && d.column == 5;
    }));

    const VariableResolver selfReference = resolverWith("A=x$A$A$A$A\nB=${C}y\nC=${B}z\n");
    QCOMPARE(selfReference.substitute(QStringLiteral("$A"), {}, 1).value, QStringLiteral("x"));
    QCOMPARE(selfReference.lookup(QStringLiteral("B"))->value, QStringLiteral("zy"));
}

QTEST_GUILESS_MAIN(tst_VariableResolver)
#include "tst_variableresolver.moc"
