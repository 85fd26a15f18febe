#include "widgets/projecttreedelegate.h"

#include "models/projecttreemodel.h"

#include <QApplication>
#include <QPainter>

namespace pgdial::ui::widgets {

void ProjectTreeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QString folder = index.data(models::ProjectTreeModel::FolderRole).toString();
    if (folder.isEmpty())
        return;
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QStyle *style = item.widget ? item.widget->style() : QApplication::style();
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &item, item.widget);
    const int nameWidth
        = item.fontMetrics.horizontalAdvance(item.text) + item.fontMetrics.horizontalAdvance(QChar(u' ')) * 3;
    QRect folderRect = textRect.adjusted(nameWidth, 0, 0, 0);
    if (folderRect.width() < item.fontMetrics.averageCharWidth() * 4)
        return;
    const QString elided = item.fontMetrics.elidedText(folder, Qt::ElideLeft, folderRect.width());
    painter->save();
    const bool selected = item.state & QStyle::State_Selected;
    QColor colour = item.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    colour.setAlphaF(0.55f);
    painter->setPen(colour);
    painter->setFont(item.font);
    painter->drawText(folderRect, Qt::AlignVCenter | Qt::AlignLeft, elided);
    painter->restore();
}

} // namespace pgdial::ui::widgets
