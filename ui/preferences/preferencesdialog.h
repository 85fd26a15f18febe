#pragma once

#include "base/safefilewriter.h"

#include <QDialog>

class QComboBox;

namespace pgdial::ui::preferences {

// The application's preferences (stored through settings/appsettings.h): for now, the backup
// kept when a file is saved.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    core::base::BackupPolicy backupPolicy() const;
    // Stores the choices (called on OK).
    void apply() const;

private:
    QComboBox *m_backup;
};

} // namespace pgdial::ui::preferences
