#pragma once

#include "base/diagnostic.h"

#include <QObject>

#include <memory>

class QTimer;

namespace pgdial::core::project {
class Project;
} // namespace pgdial::core::project

namespace pgdial::ui::document {

// Re-runs core::ProjectChecker after edits, off the UI thread: requests within the debounce
// interval collapse into one run over a snapshot of the project (Project::detachedCopy), and
// only the newest run's result is delivered, so typing never waits on a check.
class Revalidator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Revalidator)

public:
    static constexpr int debounceMs = 150;

    explicit Revalidator(QObject *parent = nullptr);
    ~Revalidator() override;

    void setProject(std::shared_ptr<core::project::Project> project);
    // Asks for a check soon; cheap to call on every keystroke.
    void schedule();
    // Starts a check now (settings changed, tests).
    void runNow();
    bool isBusy() const;

Q_SIGNALS:
    void diagnosticsReady(const pgdial::core::base::Diagnostics &diagnostics);

private:
    std::shared_ptr<core::project::Project> m_project;
    QTimer *m_debounce;
    quint64 m_generation = 0;
    int m_running = 0;
};

} // namespace pgdial::ui::document
