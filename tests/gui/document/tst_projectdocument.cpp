#include "base/textdocument.h"
#include "document/documentmanager.h"
#include "document/projectdocument.h"
#include "document/revalidator.h"
#include "gui/guitesthelpers.h"
#include "project/project.h"
#include "support/testenvironment.h"
#include "support/testpaths.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>

#include <sys/stat.h>

using namespace pgdial;

class tst_ProjectDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void applyUndoRedoRestoresBytes();
    void typingMergesIntoOneStep();
    void modifiedFollowsCleanState();
    void linesChangedTellsWhatChanged();
    void undoGroupFollowsActiveDocument();
    void saveWritesAtomicallyAndKeepsPermissions();
    void backupPerPolicy_data();
    void backupPerPolicy();
    void externalChangeIsReported();
    void externalChangeReloadsCleanDocument();
    void ownSaveIsNotAnExternalChange();
    void revalidationIsDebouncedAndNewestWins();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<core::project::Project> m_project;
    std::unique_ptr<ui::document::DocumentManager> m_manager;
    QString confPath() const { return m_dir->filePath(QStringLiteral("infra/docker/prod/postgres/postgresql.conf")); }
    ui::document::ProjectDocument *conf() const
    {
        return m_manager->document(QStringLiteral("infra/docker/prod/postgres/postgresql.conf"));
    }
};

namespace {

core::base::LineEdit replaceLine(int index, const QByteArray &text)
{
    core::base::LineEdit edit;
    edit.firstIndex = index;
    edit.removeCount = 1;
    edit.lines = {text};
    return edit;
}

} // namespace

void tst_ProjectDocument::initTestCase()
{
    test::isolateTestEnvironment();
}

void tst_ProjectDocument::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(test::copyFolder(test::exampleProject(), m_dir->path()));
    core::base::Result<core::project::Project> opened = core::project::Project::open(m_dir->path());
    QVERIFY(opened);
    m_project = std::make_shared<core::project::Project>(std::move(opened).value());
    m_manager = std::make_unique<ui::document::DocumentManager>();
    m_manager->setProject(m_project);
    QVERIFY(conf());
}

void tst_ProjectDocument::cleanup()
{
    m_manager.reset();
    m_project.reset();
    m_dir.reset();
}

void tst_ProjectDocument::applyUndoRedoRestoresBytes()
{
    ui::document::ProjectDocument *document = conf();
    const QByteArray original = document->bytes();
    QVERIFY(document->applyEdits({replaceLine(73, "max_connections = 200"), replaceLine(0, "# edited")},
                                 QStringLiteral("two lines")));
    const QByteArray edited = document->bytes();
    QVERIFY(edited != original);
    QVERIFY(edited.startsWith("# edited\n"));
    QVERIFY(edited.contains("\nmax_connections = 200\n"));
    // The project's own file shares the text: checks see the edit.
    QCOMPARE(m_project->findFile(document->relativePath())->document->toBytes(), edited);
    QCOMPARE(document->undoStack()->count(), 1);
    document->undoStack()->undo();
    QCOMPARE(document->bytes(), original);
    document->undoStack()->redo();
    QCOMPARE(document->bytes(), edited);
}

void tst_ProjectDocument::typingMergesIntoOneStep()
{
    ui::document::ProjectDocument *document = conf();
    const QByteArray original = document->bytes();
    for (const char *text : {"m", "ma", "max"})
        QVERIFY(document->applyEdits({replaceLine(2, text)}, QStringLiteral("Typing"), true));
    QCOMPARE(document->undoStack()->count(), 1);
    // A non-typing edit is its own step; typing after it starts a new one.
    QVERIFY(document->applyEdits({replaceLine(3, "x")}, QStringLiteral("Set")));
    QVERIFY(document->applyEdits({replaceLine(2, "maxi")}, QStringLiteral("Typing"), true));
    QCOMPARE(document->undoStack()->count(), 3);
    document->undoStack()->setIndex(0);
    QCOMPARE(document->bytes(), original);
}

void tst_ProjectDocument::modifiedFollowsCleanState()
{
    ui::document::ProjectDocument *document = conf();
    QSignalSpy modified(document, &ui::document::ProjectDocument::modifiedChanged);
    QVERIFY(!document->isModified());
    QVERIFY(document->applyEdits({replaceLine(0, "# x")}, QStringLiteral("edit")));
    QVERIFY(document->isModified());
    QCOMPARE(m_manager->modifiedDocuments(), QList<ui::document::ProjectDocument *> {document});
    document->undoStack()->undo();
    QVERIFY(!document->isModified());
    QCOMPARE(modified.count(), 2);
    QCOMPARE(modified.last().first().toBool(), false);
}

void tst_ProjectDocument::linesChangedTellsWhatChanged()
{
    ui::document::ProjectDocument *document = conf();
    QSignalSpy lines(document, &ui::document::ProjectDocument::linesChanged);
    QSignalSpy contents(document, &ui::document::ProjectDocument::contentsChanged);
    core::base::LineEdit insert;
    insert.firstIndex = 5;
    insert.lines = {"a", "b"};
    QVERIFY(document->applyEdits({insert}, QStringLiteral("insert")));
    QCOMPARE(lines.count(), 1);
    QCOMPARE(lines.first(), (QList<QVariant> {5, 0, 2}));
    QCOMPARE(contents.count(), 1);
    document->undoStack()->undo();
    QCOMPARE(lines.last(), (QList<QVariant> {5, 2, 0}));
}

void tst_ProjectDocument::undoGroupFollowsActiveDocument()
{
    ui::document::ProjectDocument *first = conf();
    ui::document::ProjectDocument *second = m_manager->document(QStringLiteral("config.yaml"));
    QVERIFY(second);
    m_manager->setActiveDocument(second);
    QCOMPARE(m_manager->undoGroup()->activeStack(), second->undoStack());
    QVERIFY(first->applyEdits({replaceLine(0, "# x")}, QStringLiteral("edit")));
    QVERIFY(!m_manager->undoGroup()->canUndo());
    m_manager->setActiveDocument(first);
    QVERIFY(m_manager->undoGroup()->canUndo());
    m_manager->undoGroup()->undo();
    QVERIFY(!first->isModified());
}

void tst_ProjectDocument::saveWritesAtomicallyAndKeepsPermissions()
{
    ui::document::ProjectDocument *document = conf();
    QVERIFY(::chmod(QFile::encodeName(confPath()).constData(), 0640) == 0);
    struct stat before
    {
    };
    QVERIFY(::stat(QFile::encodeName(confPath()).constData(), &before) == 0);
    QVERIFY(document->applyEdits({replaceLine(73, "max_connections = 200")}, QStringLiteral("edit")));
    const QByteArray expected = document->bytes();
    m_manager->setBackupPolicy(core::base::BackupPolicy::None);
    core::base::Result<QString> saved = m_manager->save(document);
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
    QCOMPARE(test::readBytes(confPath()), expected);
    QVERIFY(!document->isModified());
    QCOMPARE(document->savedBytes(), expected);
    struct stat after
    {
    };
    QVERIFY(::stat(QFile::encodeName(confPath()).constData(), &after) == 0);
    QCOMPARE(after.st_mode & 07777, 0640u);
    QCOMPARE(after.st_uid, before.st_uid);
    // Atomic: the file was replaced (a new inode), never truncated in place, and no temp is left.
    QVERIFY(after.st_ino != before.st_ino);
    const QStringList left = QDir(QFileInfo(confPath()).absolutePath()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(left, (QStringList {QStringLiteral("pg_hba.conf"), QStringLiteral("postgresql.conf")}));
}

void tst_ProjectDocument::backupPerPolicy_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<QString>("pattern");
    QTest::newRow("single") << static_cast<int>(core::base::BackupPolicy::Single)
                            << QStringLiteral("postgresql.conf.bak");
    QTest::newRow("timestamped") << static_cast<int>(core::base::BackupPolicy::Timestamped)
                                 << QStringLiteral("postgresql.conf.*-*.bak");
    QTest::newRow("none") << static_cast<int>(core::base::BackupPolicy::None) << QString();
}

void tst_ProjectDocument::backupPerPolicy()
{
    QFETCH(int, policy);
    QFETCH(QString, pattern);
    ui::document::ProjectDocument *document = conf();
    const QByteArray original = document->bytes();
    QVERIFY(document->applyEdits({replaceLine(0, "# edited")}, QStringLiteral("edit")));
    m_manager->setBackupPolicy(static_cast<core::base::BackupPolicy>(policy));
    core::base::Result<QString> saved = m_manager->save(document);
    QVERIFY(saved);
    const QDir folder(QFileInfo(confPath()).absolutePath());
    const QStringList backups = folder.entryList({QStringLiteral("*.bak")}, QDir::Files);
    if (pattern.isEmpty()) {
        QVERIFY(backups.isEmpty());
        QVERIFY(saved->isEmpty());
        return;
    }
    QCOMPARE(backups.size(), 1);
    QVERIFY(QDir::match(pattern, backups.first()));
    QCOMPARE(QFileInfo(*saved).fileName(), backups.first());
    QCOMPARE(test::readBytes(folder.filePath(backups.first())), original);
}

void tst_ProjectDocument::externalChangeIsReported()
{
    ui::document::ProjectDocument *document = conf();
    QVERIFY(document->applyEdits({replaceLine(0, "# mine")}, QStringLiteral("edit")));
    QSignalSpy changed(m_manager.get(), &ui::document::DocumentManager::changedOnDisk);
    QFile file(confPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("port = 6543\n");
    file.close();
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.first().at(1).toByteArray(), QByteArray("port = 6543\n"));
    QCOMPARE(changed.first().at(2).toBool(), false);
    // Nothing was thrown away.
    QVERIFY(document->bytes().startsWith("# mine\n"));
    QVERIFY(document->isModified());
}

void tst_ProjectDocument::externalChangeReloadsCleanDocument()
{
    ui::document::ProjectDocument *document = conf();
    QSignalSpy changed(m_manager.get(), &ui::document::DocumentManager::changedOnDisk);
    QFile file(confPath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("port = 6543\n");
    file.close();
    QVERIFY(changed.wait(5000));
    QCOMPARE(changed.first().at(2).toBool(), true);
    QCOMPARE(document->bytes(), QByteArray("port = 6543\n"));
    QVERIFY(!document->isModified());
}

void tst_ProjectDocument::ownSaveIsNotAnExternalChange()
{
    ui::document::ProjectDocument *document = conf();
    QSignalSpy changed(m_manager.get(), &ui::document::DocumentManager::changedOnDisk);
    QVERIFY(document->applyEdits({replaceLine(0, "# saved by pgdial")}, QStringLiteral("edit")));
    QVERIFY(m_manager->save(document));
    QVERIFY(!changed.wait(500));
    // The watcher still follows the replaced file.
    QFile file(confPath());
    QVERIFY(file.open(QIODevice::Append));
    file.write("# appended elsewhere\n");
    file.close();
    QVERIFY(changed.wait(5000));
}

void tst_ProjectDocument::revalidationIsDebouncedAndNewestWins()
{
    ui::document::Revalidator revalidator;
    revalidator.setProject(m_project);
    QSignalSpy ready(&revalidator, &ui::document::Revalidator::diagnosticsReady);
    for (int i = 0; i < 20; ++i)
        revalidator.schedule();
    QVERIFY(ready.wait(5000));
    QTRY_VERIFY(!revalidator.isBusy());
    QCOMPARE(ready.count(), 1);
    // Two runs back to back: only the second one's result arrives.
    revalidator.runNow();
    revalidator.runNow();
    QTRY_VERIFY(!revalidator.isBusy());
    QCOMPARE(ready.count(), 2);
}

QTEST_MAIN(tst_ProjectDocument)
#include "tst_projectdocument.moc"
