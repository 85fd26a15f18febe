#pragma once

#include <QStyledItemDelegate>

namespace pgdial::ui::widgets {

// Draws a project tree file row as its name followed by its folder, dimmed and elided from
// the left, so the name is always readable however deep the file sits.
class ProjectTreeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectTreeDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace pgdial::ui::widgets
