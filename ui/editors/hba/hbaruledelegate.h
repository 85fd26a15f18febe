#pragma once

#include <QStyledItemDelegate>

namespace pgdial::ui::editors::hba {

class HbaRulesModel;

// Typed cell editors of the rule table: combos for the connection type and the method (the
// target version's choices), a line edit for the other fields that asks the engine as you type
// whether the rule would still load: invalid text is marked red with the server's message and
// Enter is refused while it is invalid.
class HbaRuleDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HbaRuleDelegate)

public:
    HbaRuleDelegate(HbaRulesModel *model, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

Q_SIGNALS:
    // The engine's verdict on the text being typed: empty when fine.
    void validationChanged(const QString &message) const;

protected:
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    HbaRulesModel *m_model;
};

} // namespace pgdial::ui::editors::hba
