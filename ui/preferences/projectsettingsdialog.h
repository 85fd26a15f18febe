#pragma once

#include "project/projectsettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace pgdial::ui::preferences {

// Edits one project's settings: the PostgreSQL version the files target, the database
// machine's memory and CPUs (for tuning checks), how many app instances share the server, and
// what pgdial knows of the server (its build features, whether it runs on this machine), which
// turns the warnings about build- and machine-dependent values into firm verdicts.
class ProjectSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectSettingsDialog)

public:
    explicit ProjectSettingsDialog(const core::project::ProjectSettings &settings, QWidget *parent = nullptr);

    core::project::ProjectSettings settings() const;

private:
    core::project::ProjectSettings m_original;
    QComboBox *m_version;
    QDoubleSpinBox *m_ramGiB;
    QSpinBox *m_cpus;
    QSpinBox *m_instances;
    QCheckBox *m_buildKnown;
    QList<QCheckBox *> m_features; // one per ProjectSettings::knownBuildFeatures()
    QCheckBox *m_localServer;

    void updateFeaturesEnabled();
};

} // namespace pgdial::ui::preferences
