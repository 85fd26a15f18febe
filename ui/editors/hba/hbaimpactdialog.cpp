#include "editors/hba/hbaimpactdialog.h"

#include "editors/hba/hbaimpactmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pgdial::ui::editors::hba {

HbaImpactDialog::HbaImpactDialog(const QString &action, QList<core::hba::HbaImpactChange> changes, QWidget *parent)
    : QDialog(parent)
    , m_model(new HbaImpactModel(std::move(changes), this))
    , m_view(new QTableView(this))
{
    setObjectName(u"hbaImpactDialog"_s);
    setWindowTitle(tr("This changes who gets in"));
    auto *intro = new QLabel(this);
    intro->setObjectName(u"hbaImpactSummary"_s);
    intro->setWordWrap(true);
    intro->setText(tr("<b>%1</b><br>%n sample connection(s), made from the rules' own databases, users, addresses "
                      "and connection types, would meet a different method afterwards:",
                      nullptr, int(m_model->rowCount()))
                       .arg(action.toHtmlEscaped()));

    m_view->setObjectName(u"hbaImpactTable"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(HbaImpactModel::ConnectionColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(HbaImpactModel::BeforeColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(HbaImpactModel::AfterColumn, QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *apply = buttons->addButton(tr("Apply the change"), QDialogButtonBox::AcceptRole);
    apply->setObjectName(u"hbaImpactApplyButton"_s);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"hbaImpactCancelButton"_s);
    cancel->setDefault(true); // changing access is never the default answer
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(820, 420);
}

} // namespace pgdial::ui::editors::hba
