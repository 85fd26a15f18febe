#include "editors/hba/hbaruledelegate.h"

#include "editors/hba/hbarulesmodel.h"

#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace pgdial::ui::editors::hba {

namespace {
const char *invalidProperty = "pgdialInvalid";
}

HbaRuleDelegate::HbaRuleDelegate(HbaRulesModel *model, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
{ }

QWidget *HbaRuleDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    Q_UNUSED(option);
    if (index.column() == HbaRulesModel::TypeColumn || index.column() == HbaRulesModel::MethodColumn) {
        auto *combo = new QComboBox(parent);
        const bool type = index.column() == HbaRulesModel::TypeColumn;
        combo->setObjectName(type ? u"hbaTypeEditor"_s : u"hbaMethodEditor"_s);
        combo->addItems(type ? HbaRulesModel::connectionTypes() : m_model->methods());
        combo->setToolTip(type ? tr("Connection type: local is the Unix socket, host* are TCP")
                               : tr("Authentication method (the choices the target PostgreSQL version knows)"));
        return combo;
    }
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(u"hbaFieldEditor"_s);
    edit->setFrame(false);
    const int row = index.row();
    const int column = index.column();
    connect(edit, &QLineEdit::textChanged, edit, [this, edit, row, column](const QString &text) {
        const QString message = m_model->validate(row, column, text);
        const bool invalid = !message.isEmpty() && text.trimmed() != m_model->fieldText(row, column);
        edit->setProperty(invalidProperty, invalid);
        edit->setToolTip(invalid ? message : QString());
        // Red text plus the message below the table: colour is never the only sign.
        QPalette palette = edit->parentWidget() ? edit->parentWidget()->palette() : edit->palette();
        if (invalid)
            palette.setColor(QPalette::Text, QColor(200, 30, 30));
        edit->setPalette(palette);
        Q_EMIT validationChanged(invalid ? message : QString());
    });
    edit->installEventFilter(const_cast<HbaRuleDelegate *>(this));
    return edit;
}

void HbaRuleDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString text = index.data(Qt::EditRole).toString();
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (combo->findText(text) < 0)
            combo->addItem(text);
        combo->setCurrentText(text);
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor))
        edit->setText(text);
}

void HbaRuleDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    Q_EMIT validationChanged(QString());
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText());
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor))
        model->setData(index, edit->text()); // the model refuses invalid text with the engine's message
}

bool HbaRuleDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *edit = qobject_cast<QLineEdit *>(object);
    if (edit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && edit->property(invalidProperty).toBool()) {
            Q_EMIT validationChanged(edit->toolTip());
            return true; // stays open until the text is valid or Esc
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}

} // namespace pgdial::ui::editors::hba
