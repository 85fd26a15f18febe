#include "environments/composedocument.h"
#include "environments/postgrescommandline.h"

#include <QHash>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::environments;

namespace {

ComposeDocument parse(const QByteArray &yaml, const QHash<QString, QByteArray> &others = {})
{
    static QHash<QString, base::TextDocument> loaded;
    loaded.clear();
    for (auto it = others.cbegin(); it != others.cend(); ++it)
        loaded.insert(it.key(), base::TextDocument::fromBytes(it.value()));
    return ComposeDocument::parse(
        base::TextDocument::fromBytes(yaml), QStringLiteral("docker-compose.yml"),
        [](const QString &text, const SourceRef &) {
            QString out = text;
            return out.replace(QStringLiteral("${PG_MAJOR:-16}"), QStringLiteral("16"));
        },
        [](const QString &path) -> const base::TextDocument * {
            const auto it = loaded.constFind(path);
            return it == loaded.cend() ? nullptr : &*it;
        });
}

} // namespace

class tst_ComposeDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anchorsAndMergeKeys();
    void extendsSameFile();
    void extendsOtherFile();
    void extendsMissing();
    void mergeKeyPrecedence();
    void extendsChainAcrossFiles();
    void envFilesBesideTheComposeFile();
    void envFileForms();
    void portSyntaxes_data();
    void portSyntaxes();
    void commandForms_data();
    void commandForms();
    void secretsHealthcheckDependsOn();
    void overlayMergesByKey();
    void syntaxErrorIsDiagnostic();
};

void tst_ComposeDocument::anchorsAndMergeKeys()
{
    const ComposeDocument doc = parse("x-db: &db\n"
                                      "  image: postgres:${PG_MAJOR:-16}-alpine\n"
                                      "  environment:\n"
                                      "    POSTGRES_DB: app\n"
                                      "services:\n"
                                      "  postgres:\n"
                                      "    <<: *db\n"
                                      "    ports: ['5433:5432']\n"
                                      "  replica:\n"
                                      "    <<: [*db]\n"
                                      "    image: postgres:15\n");
    QCOMPARE(doc.services().size(), 2);
    const ComposeServiceSpec postgres = *doc.service(QStringLiteral("postgres"));
    QCOMPARE(postgres.image, QStringLiteral("postgres:16-alpine"));
    QCOMPARE(postgres.imageSource.line, 2); // where the anchor's text is
    QCOMPARE(postgres.environmentValue(QStringLiteral("POSTGRES_DB"))->value, QStringLiteral("app"));
    QCOMPARE(postgres.ports.size(), 1);
    QCOMPARE(doc.service(QStringLiteral("replica"))->image, QStringLiteral("postgres:15")); // own key wins
}

void tst_ComposeDocument::extendsSameFile()
{
    const ComposeDocument doc = parse("services:\n"
                                      "  base:\n"
                                      "    image: postgres:17\n"
                                      "    environment: [POSTGRES_USER=app, POSTGRES_DB=app]\n"
                                      "  postgres:\n"
                                      "    extends: base\n"
                                      "    environment:\n"
                                      "      POSTGRES_DB: other\n");
    const ComposeServiceSpec postgres = *doc.service(QStringLiteral("postgres"));
    QCOMPARE(postgres.image, QStringLiteral("postgres:17"));
    QCOMPARE(postgres.environmentValue(QStringLiteral("POSTGRES_USER"))->value, QStringLiteral("app"));
    QCOMPARE(postgres.environmentValue(QStringLiteral("POSTGRES_DB"))->value, QStringLiteral("other"));
    QCOMPARE(postgres.environmentValue(QStringLiteral("POSTGRES_DB"))->source.line, 8);
    QVERIFY(doc.diagnostics().isEmpty());
}

void tst_ComposeDocument::extendsOtherFile()
{
    const ComposeDocument doc
        = parse("services:\n"
                "  postgres:\n"
                "    extends:\n"
                "      file: common/db.yml\n"
                "      service: db\n"
                "    ports: ['127.0.0.1:5432:5432']\n",
                {{QStringLiteral("common/db.yml"), "services:\n  db:\n    image: postgis/postgis:15-3.4\n"}});
    const ComposeServiceSpec postgres = *doc.service(QStringLiteral("postgres"));
    QCOMPARE(postgres.image, QStringLiteral("postgis/postgis:15-3.4"));
    QCOMPARE(postgres.imageSource.file, QStringLiteral("common/db.yml"));
    QCOMPARE(postgres.imageSource.line, 3);
}

void tst_ComposeDocument::extendsMissing()
{
    const ComposeDocument doc
        = parse("services:\n  a:\n    extends: nowhere\n  b:\n    extends: c\n  c:\n    extends: b\n");
    QStringList codes;
    for (const auto &d : doc.diagnostics())
        codes.append(d.code);
    QVERIFY2(codes.contains(QStringLiteral("env.extends-not-found")), qPrintable(codes.join(u',')));
    QVERIFY2(codes.contains(QStringLiteral("env.extends-loop")), qPrintable(codes.join(u',')));
    QCOMPARE(doc.services().size(), 3);
}

// YAML's merge key: the service's own keys win, then the merged mappings in the order listed
// (the first that has a key wins), and merging is shallow: a mapping is taken whole.
void tst_ComposeDocument::mergeKeyPrecedence()
{
    const ComposeDocument doc = parse("x-a: &a\n"
                                      "  image: postgres:15\n"
                                      "  environment:\n"
                                      "    POSTGRES_DB: a\n"
                                      "x-b: &b\n"
                                      "  image: postgres:17\n"
                                      "  ports: ['5440:5432']\n"
                                      "  environment:\n"
                                      "    POSTGRES_USER: b\n"
                                      "services:\n"
                                      "  db:\n"
                                      "    <<: [*a, *b]\n"
                                      "    container_name: db\n");
    const ComposeServiceSpec db = *doc.service(QStringLiteral("db"));
    QCOMPARE(db.image, QStringLiteral("postgres:15"));
    QCOMPARE(db.ports.size(), 1);
    QCOMPARE(db.ports.first().published.value_or(0), 5440);
    QVERIFY(db.environmentValue(QStringLiteral("POSTGRES_DB")));
    QVERIFY(!db.environmentValue(QStringLiteral("POSTGRES_USER"))); // shallow: a's mapping is taken whole
    QCOMPARE(db.containerName, QStringLiteral("db"));
}

// `extends.file` is relative to the file that names it, also in a file reached through another
// one's extends; a chain takes every level's keys.
void tst_ComposeDocument::extendsChainAcrossFiles()
{
    const ComposeDocument doc
        = parse("services:\n"
                "  postgres:\n"
                "    extends: {file: common/db.yml, service: db}\n"
                "    ports: ['127.0.0.1:5432:5432']\n",
                {{QStringLiteral("common/db.yml"),
                  "services:\n  db:\n    extends:\n      file: base/pg.yml\n      service: pg\n"
                  "    environment:\n      POSTGRES_DB: app\n"},
                 {QStringLiteral("common/base/pg.yml"),
                  "services:\n  pg:\n    image: postgres:14\n    healthcheck:\n      test: pg_isready\n"}});
    QVERIFY2(doc.diagnostics().isEmpty(),
             qPrintable(doc.diagnostics().isEmpty() ? QString() : doc.diagnostics().first().toText()));
    const ComposeServiceSpec postgres = *doc.service(QStringLiteral("postgres"));
    QCOMPARE(postgres.image, QStringLiteral("postgres:14"));
    QCOMPARE(postgres.imageSource.file, QStringLiteral("common/base/pg.yml"));
    QCOMPARE(postgres.healthcheck, QStringLiteral("pg_isready"));
    QVERIFY(postgres.environmentValue(QStringLiteral("POSTGRES_DB")));
    QCOMPARE(postgres.ports.size(), 1);
}

// Paths in a compose file are relative to its folder: an app's compose file in a subfolder names
// its own .env.
void tst_ComposeDocument::envFilesBesideTheComposeFile()
{
    const ComposeDocument doc = ComposeDocument::parse(
        base::TextDocument::fromBytes("services:\n  db:\n    image: postgres:16\n    env_file: [.env, ../shared.env]\n"
                                      "    volumes: ['./pg/postgresql.conf:/etc/postgresql/postgresql.conf']\n"),
        QStringLiteral("apps/api/docker-compose.yml"));
    const ComposeServiceSpec db = *doc.service(QStringLiteral("db"));
    QCOMPARE(db.envFiles.size(), 2);
    QCOMPARE(db.envFiles.at(0).projectPath, QStringLiteral("apps/api/.env"));
    QCOMPARE(db.envFiles.at(1).projectPath, QStringLiteral("apps/shared.env"));
    QCOMPARE(db.volumes.first().projectPath, QStringLiteral("apps/api/pg/postgresql.conf"));
}

void tst_ComposeDocument::envFileForms()
{
    const ComposeDocument doc = parse("services:\n"
                                      "  one:\n"
                                      "    env_file: .env\n"
                                      "  many:\n"
                                      "    env_file:\n"
                                      "      - .env\n"
                                      "      - ./env/.env.prod\n"
                                      "      - path: .env.local\n"
                                      "        required: false\n");
    QCOMPARE(doc.service(QStringLiteral("one"))->envFiles.size(), 1);
    const auto many = doc.service(QStringLiteral("many"))->envFiles;
    QCOMPARE(many.size(), 3);
    QCOMPARE(many.at(1).projectPath, QStringLiteral("env/.env.prod"));
    QCOMPARE(many.at(1).source.line, 7);
    QVERIFY(many.at(0).required);
    QVERIFY(!many.at(2).required);
    QCOMPARE(many.at(2).projectPath, QStringLiteral(".env.local"));
}

void tst_ComposeDocument::portSyntaxes_data()
{
    QTest::addColumn<QByteArray>("port");
    QTest::addColumn<QString>("hostIp");
    QTest::addColumn<int>("published"); // -1: none
    QTest::addColumn<int>("target");
    QTest::newRow("short host:container") << QByteArray("\"5433:5432\"") << "" << 5433 << 5432;
    QTest::newRow("short ip:host:container") << QByteArray("\"127.0.0.1:5433:5432\"") << "127.0.0.1" << 5433 << 5432;
    QTest::newRow("short container only") << QByteArray("\"5432\"") << "" << -1 << 5432;
    QTest::newRow("short ipv6") << QByteArray("\"[::1]:5432:5432/tcp\"") << "::1" << 5432 << 5432;
    QTest::newRow("long") << QByteArray("{target: 5432, published: \"5433\", host_ip: 127.0.0.1}") << "127.0.0.1"
                          << 5433 << 5432;
    QTest::newRow("long without published") << QByteArray("{target: 5432}") << "" << -1 << 5432;
    QTest::newRow("short unquoted") << QByteArray("5433:5432") << "" << 5433 << 5432;
    QTest::newRow("short ip, random host port") << QByteArray("\"127.0.0.1::5432\"") << "127.0.0.1" << -1 << 5432;
    QTest::newRow("short range of one") << QByteArray("\"5433-5433:5432\"") << "" << 5433 << 5432;
    QTest::newRow("long with integer and protocol")
        << QByteArray("{target: 5432, published: 5433, protocol: tcp, mode: host}") << "" << 5433 << 5432;
    QTest::newRow("long block") << QByteArray("target: 5432\n        published: \"5434\"\n        host_ip: \"::1\"")
                                << "::1" << 5434 << 5432;
}

void tst_ComposeDocument::portSyntaxes()
{
    QFETCH(QByteArray, port);
    QFETCH(QString, hostIp);
    QFETCH(int, published);
    QFETCH(int, target);
    const ComposeDocument doc
        = parse("services:\n  postgres:\n    image: postgres:16\n    ports:\n      - " + port + "\n");
    const auto ports = doc.service(QStringLiteral("postgres"))->ports;
    QCOMPARE(ports.size(), 1);
    QCOMPARE(ports.first().hostIp, hostIp);
    QCOMPARE(ports.first().published.value_or(-1), published);
    QCOMPARE(ports.first().target, target);
    QCOMPARE(ports.first().source.line, 5);
}

void tst_ComposeDocument::commandForms_data()
{
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QStringList>("settings"); // name=value
    QTest::addColumn<int>("lastLine");
    QTest::newRow("list") << QByteArray("[\"postgres\", \"-c\", \"config_file=/etc/postgresql/postgresql.conf\"]")
                          << QStringList {"config_file=/etc/postgresql/postgresql.conf"} << 4;
    QTest::newRow("string") << QByteArray("postgres -c max_connections=200 -c 'log_line_prefix=%m [%p] '")
                            << QStringList {"max_connections=200", "log_line_prefix=%m [%p] "} << 4;
    QTest::newRow("options only, long form") << QByteArray("-c shared_buffers=1GB --work-mem=8MB -p 5433")
                                             << QStringList {"shared_buffers=1GB", "work_mem=8MB", "port=5433"} << 4;
    QTest::newRow("block list") << QByteArray("\n      - postgres\n      - -c\n      - ssl=on")
                                << QStringList {"ssl=on"} << 7;
}

void tst_ComposeDocument::commandForms()
{
    QFETCH(QByteArray, command);
    QFETCH(QStringList, settings);
    QFETCH(int, lastLine);
    const ComposeDocument doc = parse("services:\n  postgres:\n    image: postgres:16\n    command: " + command + "\n");
    const auto spec = *doc.service(QStringLiteral("postgres"));
    QStringList words;
    for (const auto &word : spec.command)
        words.append(word.text);
    QStringList found;
    for (const auto &setting : PostgresCommandLine::settings(words))
        found.append(setting.name + u'=' + setting.value);
    QCOMPARE(found, settings);
    QCOMPARE(spec.command.last().source.line, lastLine);
}

void tst_ComposeDocument::secretsHealthcheckDependsOn()
{
    const ComposeDocument doc = parse("services:\n"
                                      "  postgres:\n"
                                      "    image: postgres:16\n"
                                      "    secrets: [db_pw, {source: tls_key, target: server.key}]\n"
                                      "    healthcheck:\n"
                                      "      test: [\"CMD-SHELL\", \"pg_isready -U app -d app\"]\n"
                                      "  api:\n"
                                      "    depends_on:\n"
                                      "      postgres:\n"
                                      "        condition: service_healthy\n"
                                      "secrets:\n"
                                      "  db_pw:\n"
                                      "    file: ./secrets/db_pw.txt\n"
                                      "  tls_key:\n"
                                      "    external: true\n");
    const auto postgres = *doc.service(QStringLiteral("postgres"));
    QCOMPARE(postgres.secrets.size(), 2);
    QCOMPARE(postgres.secrets.at(1).name, QStringLiteral("tls_key"));
    QCOMPARE(postgres.healthcheck, QStringLiteral("pg_isready -U app -d app"));
    QCOMPARE(postgres.healthcheckSource.line, 6);
    const auto api = *doc.service(QStringLiteral("api"));
    QCOMPARE(api.dependsOn.size(), 1);
    QCOMPARE(api.dependsOn.first().condition, QStringLiteral("service_healthy"));
    QCOMPARE(doc.secret(QStringLiteral("db_pw"))->projectPath, QStringLiteral("secrets/db_pw.txt"));
    QVERIFY(doc.secret(QStringLiteral("tls_key"))->external);
}

void tst_ComposeDocument::overlayMergesByKey()
{
    ComposeDocument base
        = parse("services:\n  postgres:\n    image: postgres:16\n    environment:\n      A: '1'\n      B: '2'\n");
    const ComposeDocument over = ComposeDocument::parse(
        base::TextDocument::fromBytes(
            "services:\n  postgres:\n    environment:\n      B: '3'\n    ports: ['5433:5432']\n"),
        QStringLiteral("docker-compose.override.yml"));
    base.overlay(over);
    const auto postgres = *base.service(QStringLiteral("postgres"));
    QCOMPARE(postgres.image, QStringLiteral("postgres:16"));
    QCOMPARE(postgres.environmentValue(QStringLiteral("A"))->value, QStringLiteral("1"));
    QCOMPARE(postgres.environmentValue(QStringLiteral("B"))->value, QStringLiteral("3"));
    QCOMPARE(postgres.environmentValue(QStringLiteral("B"))->source.file,
             QStringLiteral("docker-compose.override.yml"));
    QCOMPARE(postgres.ports.size(), 1);
}

void tst_ComposeDocument::syntaxErrorIsDiagnostic()
{
    const ComposeDocument doc = parse("services:\n  postgres: [\n");
    QCOMPARE(doc.diagnostics().size(), 1);
    QCOMPARE(doc.diagnostics().first().code, QStringLiteral("app.compose-syntax"));
}

QTEST_GUILESS_MAIN(tst_ComposeDocument)
#include "tst_composedocument.moc"
