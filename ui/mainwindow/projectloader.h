#pragma once

#include "base/diagnostic.h"
#include "project/projectsettings.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace pgdial::core::project {
class LoadControl;
class Project;
} // namespace pgdial::core::project

namespace pgdial::ui::mainwindow {

struct LoadedProject
{
    std::shared_ptr<core::project::Project> project; // null when the folder could not be opened
    core::base::Diagnostics diagnostics;
    QString error;
};

// Opens and checks a project on a worker thread so the window never waits on the disk.
// A newer request supersedes an older one still running; its result is dropped.
class ProjectLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectLoader)

public:
    explicit ProjectLoader(QObject *parent = nullptr);
    ~ProjectLoader() override;

    // `settings` (the user's for this folder) are applied to the project before it is checked.
    void load(const QString &folder, const core::project::ProjectSettings &settings = {});
    bool isLoading() const;
    // Stops the load under way: the worker stops at its next check and its result is dropped;
    // loadCanceled() follows at once (the window does not wait for the worker).
    void cancel();

    // `control`, when given, receives progress and can stop the load (the result is then partial).
    static LoadedProject loadNow(const QString &folder, const core::project::ProjectSettings &settings = {},
                                 const std::shared_ptr<core::project::LoadControl> &control = {});

Q_SIGNALS:
    void loadStarted(const QString &folder);
    // How far the load is: `done` of `total` (0 when unknown) for `stage`; at most a few per second.
    void loadProgress(const QString &stage, qint64 done, qint64 total);
    void loadFinished(const pgdial::ui::mainwindow::LoadedProject &result);
    void loadCanceled();

private:
    QFutureWatcher<LoadedProject> *m_watcher = nullptr;
    std::shared_ptr<core::project::LoadControl> m_control;
    quint64 m_generation = 0;
};

} // namespace pgdial::ui::mainwindow

Q_DECLARE_METATYPE(pgdial::ui::mainwindow::LoadedProject)
