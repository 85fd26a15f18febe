#include "preferences/preferencesdialog.h"

#include "preferences/appsettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace pgdial::ui::preferences {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_backup(new QComboBox(this))
{
    setObjectName(u"preferencesDialog"_s);
    setWindowTitle(tr("Preferences"));
    m_backup->setObjectName(u"backupPolicyCombo"_s);
    m_backup->setToolTip(tr("What pgdial keeps of a file's previous contents when it saves it"));
    m_backup->addItem(tr("One backup (FILE.bak, replaced on each save)"),
                      static_cast<int>(core::base::BackupPolicy::Single));
    m_backup->addItem(tr("A timestamped backup per save (FILE.YYYYMMDD-HHMMSS.bak)"),
                      static_cast<int>(core::base::BackupPolicy::Timestamped));
    m_backup->addItem(tr("No backup"), static_cast<int>(core::base::BackupPolicy::None));
    m_backup->setCurrentIndex(m_backup->findData(static_cast<int>(settings::currentBackupPolicy())));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"preferencesOk"_s);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"preferencesCancel"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Backup on save:"), m_backup);
    form->addRow(buttons);
}

core::base::BackupPolicy PreferencesDialog::backupPolicy() const
{
    return static_cast<core::base::BackupPolicy>(m_backup->currentData().toInt());
}

void PreferencesDialog::apply() const
{
    settings::backupPolicy.setValue(static_cast<int>(backupPolicy()));
}

} // namespace pgdial::ui::preferences
