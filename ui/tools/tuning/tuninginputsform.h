#pragma once

#include "project/projectsettings.h"
#include "tuning/machinedetector.h"
#include "tuning/tuninginputs.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QSpinBox;

namespace pgdial::ui::tools::tuning {

// The tuning wizard's inputs: the database machine (RAM with unit, CPUs), max connections, the
// app's pool demand, storage, workload, data size against RAM, PostgreSQL version, OS and the
// profile. Prefilled from the machine pgdial runs on and the project's settings, and editable,
// since the database server is usually another machine. Emits changed() on every edit.
class TuningInputsForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TuningInputsForm)

public:
    explicit TuningInputsForm(QWidget *parent = nullptr);

    core::tuning::TuningInputs inputs() const;
    // The app's pools plus other clients, when known (0 in the box: unknown).
    std::optional<int> poolDemand() const;
    bool pgtuneProfile() const;

    // The machine's RAM and CPUs, then the project's where its settings name them; the version
    // from the project's target. Emits changed() once.
    void prefill(const core::tuning::MachineInfo &machine, const core::project::ProjectSettings &settings);
    // The pool demand the project's config.yaml implies, with how it was computed (tooltip).
    void setPoolDemand(std::optional<int> demand, const QString &explanation);

Q_SIGNALS:
    void changed();

private:
    QSpinBox *m_ram;
    QComboBox *m_ramUnit;
    QSpinBox *m_cpus;
    QSpinBox *m_connections;
    QSpinBox *m_poolDemand;
    QComboBox *m_storage;
    QComboBox *m_workload;
    QComboBox *m_dbSize;
    QSpinBox *m_version;
    QComboBox *m_os;
    QComboBox *m_profile;
    QLabel *m_machineNote;

    void setRamBytes(qint64 bytes);
    void updateRamRange();
    void updateVersionRange();
};

} // namespace pgdial::ui::tools::tuning
