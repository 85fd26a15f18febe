#pragma once

#include "environments/environment.h"
#include "project/projectsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QPlainTextEdit;
class QSpinBox;

namespace pgdial::ui::preferences {

// Edits one project's settings: the PostgreSQL version the files target (by default the one the
// chosen environment's server image names), the database
// machine's memory and CPUs (for tuning checks), how many app instances share the server, the
// clients of the server the files cannot show (added by hand, one "NAME = COUNT" a line), and
// what pgdial knows of the server (its build features, whether it runs on this machine), which
// turns the warnings about build- and machine-dependent values into firm verdicts.
class ProjectSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectSettingsDialog)

public:
    explicit ProjectSettingsDialog(const core::project::ProjectSettings &settings, QWidget *parent = nullptr);

    // "cron jobs = 4" lines to clients; lines that are not NAME = COUNT are left out.
    static QList<core::project::ManualClient> parseManualClients(const QString &text);

    core::project::ProjectSettings settings() const;
    // The project's environments: the one to judge the project as, and the version each image names.
    void setEnvironments(const QList<core::environments::Environment> &environments);

private:
    core::project::ProjectSettings m_original;
    QComboBox *m_version; // first item (data 0): from the environment's server image
    QComboBox *m_environment; // first item (data ""): production, else the first
    QList<core::environments::Environment> m_environments;
    QDoubleSpinBox *m_ramGiB;
    QSpinBox *m_cpus;
    QSpinBox *m_instances;
    QPlainTextEdit *m_manualClients;
    QCheckBox *m_buildKnown;
    QList<QCheckBox *> m_features; // one per ProjectSettings::knownBuildFeatures()
    QCheckBox *m_localServer;

    void updateFeaturesEnabled();
    void updateAutomaticVersion();
};

} // namespace pgdial::ui::preferences
