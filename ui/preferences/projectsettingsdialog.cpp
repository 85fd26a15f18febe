#include "preferences/projectsettingsdialog.h"

#include "environments/targetversion.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>

#include <cmath>

using namespace Qt::StringLiterals;

namespace pgdial::ui::preferences {

namespace {
constexpr double bytesPerGiB = 1024.0 * 1024.0 * 1024.0;
}

ProjectSettingsDialog::ProjectSettingsDialog(const core::project::ProjectSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_original(settings)
    , m_version(new QComboBox(this))
    , m_environment(new QComboBox(this))
    , m_ramGiB(new QDoubleSpinBox(this))
    , m_cpus(new QSpinBox(this))
    , m_instances(new QSpinBox(this))
    , m_manualClients(new QPlainTextEdit(this))
    , m_buildKnown(new QCheckBox(tr("I know which features the server was built with:"), this))
    , m_localServer(new QCheckBox(tr("The server runs on this computer"), this))
{
    setObjectName(u"projectSettingsDialog"_s);
    setWindowTitle(tr("Project Settings"));
    setMinimumWidth(460);

    m_version->setObjectName(u"projectPgVersion"_s);
    m_version->setToolTip(tr("The PostgreSQL major version these files are for: it decides which parameters, "
                             "values and pg_hba methods are valid"));
    m_version->addItem(QString(), 0); // the automatic choice, named by updateAutomaticVersion()
    for (int v = core::project::ProjectSettings::minPgVersion; v <= core::project::ProjectSettings::maxPgVersion; ++v)
        m_version->addItem(tr("PostgreSQL %1").arg(v), v);
    m_version->setCurrentIndex(settings.pgVersionFromUser ? m_version->findData(settings.pgVersion) : 0);

    m_environment->setObjectName(u"projectEnvironment"_s);
    m_environment->setToolTip(tr("The environment whose server the files are judged for: its image names the "
                                 "PostgreSQL version unless you choose one"));
    m_environment->addItem(tr("Production, else the first"), QString());
    if (!settings.environment.isEmpty()) // remembered, even when the files no longer name it
        m_environment->addItem(settings.environment, settings.environment);
    m_environment->setCurrentIndex(settings.environment.isEmpty() ? 0 : 1);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &ProjectSettingsDialog::updateAutomaticVersion);
    updateAutomaticVersion();

    m_ramGiB->setObjectName(u"projectRam"_s);
    m_ramGiB->setToolTip(tr("Memory of the database machine, used by the tuning checks (0: unknown)"));
    m_ramGiB->setRange(0, 16384);
    m_ramGiB->setDecimals(1);
    m_ramGiB->setSuffix(tr(" GiB"));
    m_ramGiB->setSpecialValueText(tr("Unknown"));
    m_ramGiB->setValue(settings.ramBytes ? static_cast<double>(*settings.ramBytes) / bytesPerGiB : 0.0);

    m_cpus->setObjectName(u"projectCpus"_s);
    m_cpus->setToolTip(tr("CPU cores of the database machine, used by the tuning checks (0: unknown)"));
    m_cpus->setRange(0, 1024);
    m_cpus->setSpecialValueText(tr("Unknown"));
    m_cpus->setValue(settings.cpus.value_or(0));

    m_instances->setObjectName(u"projectAppInstances"_s);
    m_instances->setToolTip(tr("How many copies of the app connect to this server at once: each brings its own "
                               "connection pool (0: unknown)"));
    m_instances->setRange(0, 10000);
    m_instances->setSpecialValueText(tr("Unknown"));
    m_instances->setValue(settings.appInstances.value_or(0));

    m_manualClients->setObjectName(u"projectManualClients"_s);
    m_manualClients->setToolTip(
        tr("Clients of the server that the project's files do not show, one a line as NAME = CONNECTIONS "
           "(cron jobs = 4). The pool calculator, the tuning wizard and the pool-budget check count them "
           "beside the ones pgdial finds; a name pgdial found (Temporal, backupuser) sets that client's count."));
    m_manualClients->setPlaceholderText(tr("cron jobs = 4"));
    m_manualClients->setTabChangesFocus(true);
    m_manualClients->setFixedHeight(m_manualClients->fontMetrics().lineSpacing() * 4 + 12);
    {
        QStringList lines;
        for (const core::project::ManualClient &client : settings.manualClients)
            lines.append(u"%1 = %2"_s.arg(client.name).arg(client.connections));
        m_manualClients->setPlainText(lines.join(u'\n'));
    }

    m_buildKnown->setObjectName(u"projectBuildKnown"_s);
    m_buildKnown->setToolTip(
        tr("Some values exist only in servers built with a library (wal_compression = lz4 or zstd, "
           "io_method = io_uring, ssl = on, bonjour = on), and some pg_hba.conf rules too (methods ldap, gss, "
           "pam; hostgssenc lines). While the build is unknown they are warnings; once you tick what "
           "the server has, a value or method needing a missing feature is an error, as the server "
           "refuses the file. Ask the server: SHOW ssl_library, or pg_config --configure."));
    m_buildKnown->setChecked(settings.serverBuildFeatures.has_value());
    auto *features = new QHBoxLayout;
    for (const QString &feature : core::project::ProjectSettings::knownBuildFeatures()) {
        auto *box = new QCheckBox(feature, this);
        box->setObjectName(u"projectBuildFeature_"_s + feature);
        box->setToolTip(tr("The server was built with %1").arg(feature));
        box->setChecked(settings.serverBuildFeatures && settings.serverBuildFeatures->contains(feature));
        features->addWidget(box);
        m_features.append(box);
    }
    features->addStretch();
    connect(m_buildKnown, &QCheckBox::toggled, this, &ProjectSettingsDialog::updateFeaturesEnabled);
    updateFeaturesEnabled();

    m_localServer->setObjectName(u"projectLocalServer"_s);
    m_localServer->setToolTip(
        tr("Whether a locale exists (lc_messages, lc_monetary, ...) and how deep the stack may go "
           "(max_stack_depth) depend on the server's machine. Tick this when the server runs here: "
           "pgdial then judges them on this computer, and a value this machine lacks is an error. "
           "Otherwise they are warnings."));
    m_localServer->setChecked(settings.serverOnThisMachine);

    auto *note = new QLabel(tr("Stored in your own settings for this folder, never in the project's files."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"projectSettingsOk"_s);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"projectSettingsCancel"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Environment:"), m_environment);
    form->addRow(tr("Target &version:"), m_version);
    form->addRow(tr("Machine &memory:"), m_ramGiB);
    form->addRow(tr("Machine &CPUs:"), m_cpus);
    form->addRow(tr("App &instances:"), m_instances);
    form->addRow(tr("Clients added by &hand:"), m_manualClients);
    form->addRow(tr("Server build:"), m_buildKnown);
    form->addRow(QString(), features);
    form->addRow(tr("Server machine:"), m_localServer);
    form->addRow(note);
    form->addRow(buttons);
}

QList<core::project::ManualClient> ProjectSettingsDialog::parseManualClients(const QString &text)
{
    static const QRegularExpression line(uR"(^\s*(.+?)\s*[=:]\s*(\d{1,6})\s*$)"_s);
    QList<core::project::ManualClient> clients;
    for (const QString &row : text.split(u'\n')) {
        const QRegularExpressionMatch m = line.match(row);
        if (m.hasMatch())
            clients.append({m.captured(1), m.captured(2).toInt()});
    }
    return clients;
}

core::project::ProjectSettings ProjectSettingsDialog::settings() const
{
    core::project::ProjectSettings out = m_original;
    out.pgVersionFromUser = m_version->currentData().toInt() != 0;
    if (out.pgVersionFromUser)
        out.pgVersion = m_version->currentData().toInt();
    out.environment = m_environment->currentData().toString();
    out.ramBytes
        = m_ramGiB->value() > 0 ? std::optional<qint64>(std::llround(m_ramGiB->value() * bytesPerGiB)) : std::nullopt;
    out.cpus = m_cpus->value() > 0 ? std::optional<int>(m_cpus->value()) : std::nullopt;
    out.appInstances = m_instances->value() > 0 ? std::optional<int>(m_instances->value()) : std::nullopt;
    out.manualClients = parseManualClients(m_manualClients->toPlainText());
    out.serverBuildFeatures.reset();
    if (m_buildKnown->isChecked()) {
        QSet<QString> features;
        for (const QCheckBox *box : m_features) {
            if (box->isChecked())
                features.insert(box->text());
        }
        out.serverBuildFeatures = features;
    }
    out.serverOnThisMachine = m_localServer->isChecked();
    return out;
}

void ProjectSettingsDialog::setEnvironments(const QList<core::environments::Environment> &environments)
{
    const QString current = m_environment->currentData().toString();
    m_environments = environments;
    while (m_environment->count() > 1)
        m_environment->removeItem(1);
    for (const core::environments::Environment &env : environments) {
        const QString version = env.pgVersion
            ? tr("PostgreSQL %1 (%2)").arg(*env.pgVersion).arg(env.pgVersionSource.toText())
            : tr("version unknown");
        m_environment->addItem(tr("%1: %2").arg(env.name, version), env.name);
    }
    if (!current.isEmpty() && m_environment->findData(current) < 0)
        m_environment->addItem(tr("%1 (not found)").arg(current), current);
    m_environment->setCurrentIndex(std::max(0, m_environment->findData(current)));
    updateAutomaticVersion();
}

void ProjectSettingsDialog::updateAutomaticVersion()
{
    // What "automatic" means with the environment chosen now (production, else the first).
    const QString wanted = m_environment->currentData().toString();
    const auto choice
        = core::environments::TargetVersion::choose(core::environments::EnvironmentSet {m_environments, {}}, wanted);
    QString text = tr("From the environment, else PostgreSQL %1").arg(core::project::ProjectSettings::defaultPgVersion);
    if (m_environments.isEmpty()) { // not told: what the project says now
        if (!m_original.pgVersionFromUser && !m_original.pgVersionSourceFile.isEmpty())
            text = tr("From the environment: PostgreSQL %1 (%2:%3)")
                       .arg(m_original.pgVersion)
                       .arg(m_original.pgVersionSourceFile)
                       .arg(m_original.pgVersionSourceLine);
    } else if (choice && choice->pgVersion) {
        text = tr("From the environment: PostgreSQL %1 (%2)").arg(*choice->pgVersion).arg(choice->source.toText());
    }
    m_version->setItemText(0, text);
}

void ProjectSettingsDialog::updateFeaturesEnabled()
{
    for (QCheckBox *box : std::as_const(m_features))
        box->setEnabled(m_buildKnown->isChecked());
}

} // namespace pgdial::ui::preferences
