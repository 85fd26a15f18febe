#pragma once

#include "hba/hbaimpact.h"

#include <QDialog>

class QTableView;

namespace pgdial::ui::editors::hba {

class HbaImpactModel;

// "This changes who gets in": the sample connections that would meet a different method after
// an edit of pg_hba.conf. objectName "hbaImpactDialog"; buttons "hbaImpactApplyButton" and
// "hbaImpactCancelButton" (tests answer it with DialogAnswerer).
class HbaImpactDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HbaImpactDialog)

public:
    HbaImpactDialog(const QString &action, QList<core::hba::HbaImpactChange> changes, QWidget *parent = nullptr);

    HbaImpactModel *model() const { return m_model; }

private:
    HbaImpactModel *m_model;
    QTableView *m_view;
};

} // namespace pgdial::ui::editors::hba
