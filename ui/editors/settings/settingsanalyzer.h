#pragma once

#include "editors/settings/settingssnapshot.h"

#include <QObject>

#include <memory>

template<typename T> class QFutureWatcher;

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::ui::editors::settings {

// Keeps a SettingsSnapshot of one configuration up to date as its files change. Small
// configurations are re-read on the spot (the table follows an edit before the next paint);
// big ones on a worker thread over a Project::detachedCopy, newest result wins, so typing in a
// 20,000-line file never waits for the table.
class SettingsAnalyzer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsAnalyzer)

public:
    // Configurations up to this many lines (all files together) are read synchronously.
    static constexpr int synchronousLineLimit = 4000;

    SettingsAnalyzer(std::shared_ptr<core::project::Project> project, QString topFile, QObject *parent = nullptr);
    ~SettingsAnalyzer() override;

    QString topFile() const { return m_topFile; }
    // The newest snapshot delivered (may describe an older text while a worker runs).
    const SettingsSnapshot &snapshot() const { return m_snapshot; }
    bool isCurrent() const { return m_snapshot.generation == m_generation; }
    // The snapshot of the text as it is now, read on this thread if the newest one is older:
    // edits need line numbers that fit the text.
    const SettingsSnapshot &current();

    // A file of the configuration changed (or the target version did): read it again.
    void invalidate();
    // Lines of every file of the newest snapshot (decides synchronous or not).
    int lineCount() const;
    bool isBusy() const;

Q_SIGNALS:
    void updated();

private:
    std::shared_ptr<core::project::Project> m_project;
    QString m_topFile;
    SettingsSnapshot m_snapshot;
    quint64 m_generation = 0;
    QFutureWatcher<SettingsSnapshot> *m_watcher;
    bool m_rerun = false;

    void computeNow();
    void startWorker();
    void onWorkerFinished();
};

} // namespace pgdial::ui::editors::settings
