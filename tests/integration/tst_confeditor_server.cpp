// Edits on every corpus file a server accepts (tests/data/pgconf): set / reset / activate-sample,
// then a real server reads the edited files. The value it reads is the one set, the file is still
// accepted, and the diff touches only the expected line(s).
#include "base/textdocument.h"
#include "pgconf/confeditor.h"
#include "pgconf/confloader.h"
#include "pgconf/confvalidator.h"
#include "pgconf/parametercatalog.h"
#include "support/pgconfprobe.h"
#include "support/pginstallation.h"
#include "support/testpaths.h"

#include <QDirIterator>
#include <QTest>

using namespace pgdial::core;
using namespace pgdial::core::base;
using namespace pgdial::core::project;
using namespace pgdial::core::pgconf;
using namespace pgdial::test;

namespace {

QMap<QString, QByteArray> readCase(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(dir).relativeFilePath(path), file.readAll());
    }
    return files;
}

// Read from the case folder itself (include_dir lists real folders).
ConfLoadResult load(const QString &caseDir)
{
    return ConfLoader().load(caseDir + "/postgresql.conf");
}

struct Edited
{
    QMap<QString, QByteArray> files;
    QStringList changes;
    QString error;
};

Edited edit(const QString &caseDir, const QMap<QString, QByteArray> &files, int major, const QString &name,
            const std::optional<QString> &value)
{
    Edited edited {files, {}, {}};
    QHash<QString, TextDocument> documents;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        documents.insert(it.key(), TextDocument::fromBytes(it.value()));
    const ConfLoadResult loaded = load(caseDir);
    const ConfEditor editor(loaded, ParameterCatalog::forVersion(major),
                            [&](const QString &file) { return documents.contains(file) ? &documents[file] : nullptr; });
    const auto result = value ? editor.set(name, *value) : editor.reset(name);
    if (!result) {
        edited.error = result.error().message;
        return edited;
    }
    for (const ConfFileEdit &fileEdit : result->edits) {
        documents[fileEdit.file].apply(fileEdit.edit);
        edited.files[fileEdit.file] = documents[fileEdit.file].toBytes();
    }
    edited.changes = result->changes;
    return edited;
}

QList<QByteArray> linesOf(const QByteArray &bytes)
{
    QList<QByteArray> lines = bytes.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1); // CRLF files: compare contents
    }
    return lines;
}

// The changed region between two versions of a file: [prefix, size - suffix) on each side.
struct Region
{
    QList<QByteArray> removed;
    QList<QByteArray> added;
};

Region diff(const QByteArray &before, const QByteArray &after)
{
    const QList<QByteArray> a = linesOf(before);
    const QList<QByteArray> b = linesOf(after);
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
           && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    return Region {a.mid(prefix, a.size() - prefix - suffix), b.mid(prefix, b.size() - prefix - suffix)};
}

std::optional<ServerFileSetting> lastRowFor(const ServerConfVerdict &verdict, const QStringList &names)
{
    std::optional<ServerFileSetting> last;
    for (const ServerFileSetting &row : verdict.rows) {
        if (row.name && names.contains(row.name->toLower()))
            last = row;
    }
    return last;
}

} // namespace

class tst_ConfEditorServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void edits_data();
    void edits();

private:
    std::unique_ptr<PgConfProbe> m_probe;
};

void tst_ConfEditorServer::initTestCase()
{
    const auto installation = PgInstallation::preferred();
    if (!installation)
        QSKIP("no PostgreSQL server installed");
    m_probe = std::make_unique<PgConfProbe>(installation->major);
    QVERIFY2(m_probe->start(), qPrintable(m_probe->errorString()));
}

void tst_ConfEditorServer::cleanupTestCase()
{
    if (m_probe)
        m_probe->stop();
}

void tst_ConfEditorServer::edits_data()
{
    QTest::addColumn<QString>("caseDir");
    QDir dir(testDataDir() + "/pgconf");
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        QTest::newRow(qPrintable(name)) << dir.filePath(name);
}

void tst_ConfEditorServer::edits()
{
    QFETCH(QString, caseDir);
    const int major = m_probe->major();
    const QMap<QString, QByteArray> original = readCase(caseDir);
    const ConfLoadResult loaded = load(caseDir);
    // The probe server runs here, and its build's features show in the values pg_settings offers.
    ConfServerFacts facts;
    facts.runsOnThisMachine = true;
    facts.buildFeatures = QSet<QString>();
    const QueryResult features = m_probe->server().query(
        "select string_agg(coalesce(array_to_string(enumvals, ','), setting), ',') from pg_settings "
        "where name in ('wal_compression', 'default_toast_compression', 'io_method', 'ssl_library')");
    const QStringList offered = features.rows.isEmpty() ? QStringList() : features.rows.first().first().split(',');
    for (const QString feature : {"lz4", "zstd"}) {
        if (offered.contains(feature))
            facts.buildFeatures->insert(feature);
    }
    if (offered.contains("io_uring"))
        facts.buildFeatures->insert("liburing");
    if (offered.contains("OpenSSL"))
        facts.buildFeatures->insert("ssl");
    ConfValidator validator(ParameterCatalog::forVersion(major), major);
    validator.setServerFacts(facts);
    const ConfValidation validation = validator.validate(loaded);
    if (!validation.ok)
        QSKIP("the server refuses this file; edits are only checked on accepted files");

    struct Operation
    {
        QString name;
        std::optional<QString> value;
        QStringList rowNames; // names the server may show for it (aliases)
    };
    const QList<Operation> operations = {
        {"work_mem", QString("64MB"), {"work_mem", "sort_mem"}},
        {"checkpoint_timeout", QString("10min"), {"checkpoint_timeout"}},
        {"myapp.feature", QString("it's on"), {"myapp.feature"}},
        {"work_mem", std::nullopt, {"work_mem", "sort_mem"}},
    };
    for (const Operation &operation : operations) {
        const QString what = operation.name + (operation.value ? '=' + *operation.value : QString(" reset"));
        const Edited edited = edit(caseDir, original, major, operation.name, operation.value);
        if (!operation.value && !edited.error.isEmpty())
            continue; // nothing to reset in this case
        QVERIFY2(edited.error.isEmpty(), qPrintable(what + ": " + edited.error));

        // Only the expected lines changed.
        int changedFiles = 0;
        for (auto it = edited.files.cbegin(); it != edited.files.cend(); ++it) {
            if (it.value() == original.value(it.key()))
                continue;
            ++changedFiles;
            const Region region = diff(original.value(it.key()), it.value());
            if (operation.value) {
                QVERIFY2(region.removed.size() <= 1, qPrintable(what));
                if (region.removed.size() == 1) {
                    QCOMPARE(region.added.size(), 1);
                } else {
                    QVERIFY2(!region.added.isEmpty() && region.added.size() <= 3, qPrintable(what));
                    for (const QByteArray &line : region.added)
                        QVERIFY2(line.isEmpty() || line == "# Added by pgdial"
                                     || line.startsWith(operation.name.toUtf8() + " = "),
                                 qPrintable(what + ": " + line));
                }
            } else {
                QCOMPARE(region.removed.size(), region.added.size());
                for (qsizetype i = 0; i < region.removed.size(); ++i) {
                    if (region.removed[i] != region.added[i])
                        QCOMPARE(region.added[i], '#' + region.removed[i]);
                }
            }
        }
        QVERIFY2(operation.value ? changedFiles == 1 : changedFiles >= 1, qPrintable(what));

        // What the server reads now.
        const ServerConfVerdict verdict = m_probe->probe(edited.files);
        QVERIFY2(verdict.probed, qPrintable(verdict.error));
        QVERIFY2(verdict.accepted, qPrintable(what + ": " + QString::fromUtf8(verdict.startupLog)));
        const auto row = lastRowFor(verdict, operation.rowNames);
        if (operation.value) {
            QVERIFY2(row, qPrintable(what + ": no row"));
            QCOMPARE(row->setting.value_or(QString()), *operation.value);
            QVERIFY2(row->applied, qPrintable(what + ": " + row->error.value_or(QString())));
        } else {
            QVERIFY2(!row, qPrintable(what + ": still set"));
        }
    }
}

QTEST_GUILESS_MAIN(tst_ConfEditorServer)
#include "tst_confeditor_server.moc"
