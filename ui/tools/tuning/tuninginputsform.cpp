#include "tools/tuning/tuninginputsform.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSysInfo>

using namespace Qt::StringLiterals;
using namespace pgdial::core::tuning;

namespace pgdial::ui::tools::tuning {

namespace {

QComboBox *comboBox(const QString &objectName, const QList<std::pair<QString, int>> &items, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(objectName);
    for (const auto &[text, value] : items)
        box->addItem(text, value);
    return box;
}

QSpinBox *spinBox(const QString &objectName, int min, int max, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(objectName);
    box->setRange(min, max);
    box->setAccelerated(true);
    return box;
}

TargetOs localOs()
{
    const QString type = QSysInfo::productType();
    if (type == u"windows")
        return TargetOs::Windows;
    if (type == u"macos" || type == u"osx")
        return TargetOs::Mac;
    return TargetOs::Linux;
}

} // namespace

TuningInputsForm::TuningInputsForm(QWidget *parent)
    : QWidget(parent)
    , m_ram(spinBox(u"tuningRamSpin"_s, 1, 999999, this))
    , m_ramUnit(comboBox(
          u"tuningRamUnitCombo"_s,
          {{tr("MB"), int(MemoryUnit::MB)}, {tr("GB"), int(MemoryUnit::GB)}, {tr("TB"), int(MemoryUnit::TB)}}, this))
    , m_cpus(spinBox(u"tuningCpusSpin"_s, 0, 9999, this))
    , m_connections(spinBox(u"tuningConnectionsSpin"_s, 0, 262143, this))
    , m_poolDemand(spinBox(u"tuningPoolDemandSpin"_s, 0, 262000, this))
    , m_storage(comboBox(u"tuningStorageCombo"_s,
                         {{tr("NVMe SSD"), int(Storage::Nvme)},
                          {tr("SSD"), int(Storage::Ssd)},
                          {tr("SAN / network"), int(Storage::San)},
                          {tr("HDD"), int(Storage::Hdd)}},
                         this))
    , m_workload(comboBox(u"tuningWorkloadCombo"_s,
                          {{tr("Web application"), int(Workload::Web)},
                           {tr("OLTP"), int(Workload::Oltp)},
                           {tr("Data warehouse"), int(Workload::Dw)},
                           {tr("Desktop / development"), int(Workload::Desktop)},
                           {tr("Mixed"), int(Workload::Mixed)}},
                          this))
    , m_dbSize(comboBox(u"tuningDbSizeCombo"_s,
                        {{tr("smaller than RAM"), int(DbSize::LessRam)},
                         {tr("1-3x RAM"), int(DbSize::MidRam)},
                         {tr("more than 3x RAM"), int(DbSize::GreaterRam)}},
                        this))
    , m_version(spinBox(u"tuningVersionSpin"_s, 10, 18, this))
    , m_os(comboBox(u"tuningOsCombo"_s,
                    {{tr("Linux"), int(TargetOs::Linux)},
                     {tr("Windows"), int(TargetOs::Windows)},
                     {tr("macOS"), int(TargetOs::Mac)}},
                    this))
    , m_profile(
          comboBox(u"tuningProfileCombo"_s, {{tr("pgdial (explains each value)"), 0}, {tr("PGTune (exact)"), 1}}, this))
    , m_machineNote(new QLabel(this))
{
    m_ramUnit->setCurrentIndex(1);
    m_storage->setCurrentIndex(1);
    m_dbSize->setCurrentIndex(1);
    m_version->setValue(core::project::ProjectSettings::defaultPgVersion);
    m_os->setCurrentIndex(m_os->findData(int(localOs())));
    m_cpus->setSpecialValueText(tr("not given"));
    m_connections->setSpecialValueText(tr("auto"));
    m_connections->setSingleStep(10);
    m_poolDemand->setSpecialValueText(tr("unknown"));
    m_poolDemand->setSingleStep(10);
    m_machineNote->setObjectName(u"tuningMachineNote"_s);
    m_machineNote->setWordWrap(true);
    m_machineNote->setForegroundRole(QPalette::PlaceholderText);

    m_ram->setToolTip(tr("Memory of the database server (prefilled with this machine's)"));
    m_cpus->setToolTip(tr("CPUs of the database server (prefilled with this machine's)"));
    m_connections->setToolTip(tr("max_connections to plan for; \"auto\": from the app's pool demand, "
                                 "else the workload's usual value"));
    m_poolDemand->setToolTip(tr("Connections the app's pools and other clients need (pgdial profile): "
                                "max_connections is sized from it"));
    m_dbSize->setToolTip(tr("How big the data is compared with the RAM"));
    m_version->setToolTip(tr("PostgreSQL major version of the server (prefilled with the project's target)"));
    m_profile->setToolTip(tr("pgdial: our profile, one reason per value, knows the app's pools.\n"
                             "PGTune: the same values as pgtune.leopard.in.ua, bit for bit."));

    auto *ramRow = new QHBoxLayout;
    ramRow->setContentsMargins(0, 0, 0, 0);
    ramRow->addWidget(m_ram, 1);
    ramRow->addWidget(m_ramUnit);

    // Two columns of label/field pairs: the dock is narrow, the table below needs the height.
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    auto add = [&](int row, int column, const QString &text, QWidget *field, QLayout *layout = nullptr) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        grid->addWidget(label, row, column * 2);
        if (layout)
            grid->addLayout(layout, row, column * 2 + 1);
        else
            grid->addWidget(field, row, column * 2 + 1);
    };
    // Mnemonics unique in the window: none of the menu bar's (F, E, P, V, T, H) nor the buttons'.
    add(0, 0, tr("&RAM:"), m_ram, ramRow);
    add(0, 1, tr("CP&Us:"), m_cpus);
    add(1, 0, tr("&Storage:"), m_storage);
    add(1, 1, tr("&Workload:"), m_workload);
    add(2, 0, tr("&Data size:"), m_dbSize);
    add(2, 1, tr("Versio&n:"), m_version);
    add(3, 0, tr("Max &connections:"), m_connections);
    add(3, 1, tr("Pool de&mand:"), m_poolDemand);
    add(4, 0, tr("&OS:"), m_os);
    add(4, 1, tr("Profi&le:"), m_profile);
    grid->addWidget(m_machineNote, 5, 0, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    for (QSpinBox *box : {m_ram, m_cpus, m_connections, m_poolDemand, m_version})
        connect(box, &QSpinBox::valueChanged, this, &TuningInputsForm::changed);
    for (QComboBox *box : {m_ramUnit, m_storage, m_workload, m_dbSize, m_os, m_profile})
        connect(box, &QComboBox::currentIndexChanged, this, &TuningInputsForm::changed);
    connect(m_ramUnit, &QComboBox::currentIndexChanged, this, &TuningInputsForm::updateRamRange);
    connect(m_profile, &QComboBox::currentIndexChanged, this, &TuningInputsForm::updateVersionRange);
    updateRamRange();
    updateVersionRange();
    setFocusProxy(m_ram);
}

void TuningInputsForm::updateRamRange()
{
    // PGTune's form: at least 512MB.
    m_ram->setMinimum(MemoryUnit(m_ramUnit->currentData().toInt()) == MemoryUnit::MB ? 512 : 1);
}

void TuningInputsForm::updateVersionRange()
{
    // The pgdial profile knows versions the catalog covers (13-18); PGTune takes 10-18.
    m_version->setMinimum(pgtuneProfile() ? 10 : core::project::ProjectSettings::minPgVersion);
}

TuningInputs TuningInputsForm::inputs() const
{
    TuningInputs in;
    in.totalMemory = m_ram->value();
    in.memoryUnit = MemoryUnit(m_ramUnit->currentData().toInt());
    if (m_cpus->value() > 0)
        in.cpus = m_cpus->value();
    if (m_connections->value() > 0)
        in.connections = m_connections->value();
    in.storage = Storage(m_storage->currentData().toInt());
    in.workload = Workload(m_workload->currentData().toInt());
    in.dbSize = DbSize(m_dbSize->currentData().toInt());
    in.pgVersion = m_version->value();
    in.os = TargetOs(m_os->currentData().toInt());
    return in;
}

std::optional<int> TuningInputsForm::poolDemand() const
{
    return m_poolDemand->value() > 0 ? std::optional<int>(m_poolDemand->value()) : std::nullopt;
}

bool TuningInputsForm::pgtuneProfile() const
{
    return m_profile->currentData().toInt() == 1;
}

void TuningInputsForm::setRamBytes(qint64 bytes)
{
    // Whole GB when exact (what people type), else MB so nothing is rounded away.
    const qint64 mb = bytes / (1024 * 1024);
    const bool whole = mb > 0 && mb % 1024 == 0;
    m_ramUnit->setCurrentIndex(m_ramUnit->findData(int(whole ? MemoryUnit::GB : MemoryUnit::MB)));
    updateRamRange();
    m_ram->setValue(int(std::min<qint64>(whole ? mb / 1024 : mb, m_ram->maximum())));
}

void TuningInputsForm::prefill(const MachineInfo &machine, const core::project::ProjectSettings &settings)
{
    {
        const QSignalBlocker ramBlocker(m_ram);
        const QSignalBlocker unitBlocker(m_ramUnit);
        const QSignalBlocker cpusBlocker(m_cpus);
        const QSignalBlocker versionBlocker(m_version);
        const qint64 ram = settings.ramBytes.value_or(machine.ramBytes);
        if (ram > 0)
            setRamBytes(ram);
        m_cpus->setValue(settings.cpus.value_or(machine.cpus));
        m_version->setValue(settings.pgVersion);
    }
    const QLocale locale;
    QString note = tr("This machine: %1, %2 CPUs")
                       .arg(locale.formattedDataSize(machine.ramBytes, 1, QLocale::DataSizeTraditionalFormat))
                       .arg(machine.cpus);
    if (machine.cgroupMemoryLimit || machine.cgroupCpuLimit)
        note += tr(" (container limits)");
    if (settings.ramBytes || settings.cpus)
        note += tr("; the project's settings name the server's machine");
    else
        note += tr("; change them when the server is another machine");
    m_machineNote->setText(note + u'.');
    Q_EMIT changed();
}

void TuningInputsForm::setPoolDemand(std::optional<int> demand, const QString &explanation)
{
    {
        const QSignalBlocker blocker(m_poolDemand);
        m_poolDemand->setValue(demand.value_or(0));
    }
    if (!explanation.isEmpty())
        m_poolDemand->setToolTip(explanation);
    Q_EMIT changed();
}

} // namespace pgdial::ui::tools::tuning
