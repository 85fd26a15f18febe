#include "editors/settings/settingsdelegate.h"

#include "editors/settings/parameterdocumentation.h"
#include "editors/settings/settingsmodel.h"
#include "editors/settings/unitvalueeditor.h"
#include "pgconf/parametercatalog.h"
#include "pgconf/valueparser.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPainter>

using namespace Qt::StringLiterals;
using namespace pgdial::core::pgconf;

namespace pgdial::ui::editors::settings {

namespace {

const ParameterInfo *infoOf(const QModelIndex &index)
{
    // Through proxies: ask the model that owns the rows.
    QModelIndex source = index;
    while (auto *proxy = qobject_cast<const QAbstractProxyModel *>(source.model()))
        source = proxy->mapToSource(source);
    const auto *model = qobject_cast<const SettingsModel *>(source.model());
    return model ? model->parameter(source) : nullptr;
}

QColor badgeColour(ParameterContext context)
{
    switch (context) {
    case ParameterContext::Postmaster:
        return QColor(0xd9, 0x7a, 0x1f); // amber: plan a restart
    case ParameterContext::Internal:
        return QColor(0x80, 0x80, 0x80);
    default:
        return QColor(0x3a, 0x8f, 0x5c); // green: a reload is enough
    }
}

} // namespace

SettingsDelegate::SettingsDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QWidget *SettingsDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    const ParameterInfo *info = infoOf(index);
    if (!info || index.column() != SettingsModel::ValueColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    const QString allowed = ParameterDocumentation::allowedValues(*info);
    switch (info->type) {
    case ParameterType::Enum: {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(u"settingsEnumEditor"_s);
        for (const EnumChoice &choice : enumChoices(*info, m_buildFeatures)) {
            combo->addItem(choice.value);
            if (choice.feature.isEmpty())
                continue;
            // Only while the build is unknown: a known build without it never offers it.
            const int row = combo->count() - 1;
            combo->setItemData(row,
                               tr("Needs a server built with %1; tell pgdial the server's build in Project Settings")
                                   .arg(choice.feature),
                               Qt::ToolTipRole);
            QFont italic = combo->font();
            italic.setItalic(true);
            combo->setItemData(row, italic, Qt::FontRole);
        }
        combo->setToolTip(tr("Allowed: %1").arg(allowed));
        return combo;
    }
    case ParameterType::Integer:
    case ParameterType::Real:
        if (info->isMemoryUnit() || info->isTimeUnit()) {
            auto *editor = new UnitValueEditor(info->unit, parent);
            editor->setHint(allowed);
            editor->numberEdit()->installEventFilter(const_cast<SettingsDelegate *>(this));
            return editor;
        }
        [[fallthrough]];
    case ParameterType::Bool:
    case ParameterType::String: {
        auto *edit = new QLineEdit(parent);
        edit->setObjectName(u"settingsTextEditor"_s);
        edit->setFrame(false);
        if (!allowed.isEmpty()) {
            edit->setPlaceholderText(allowed);
            edit->setToolTip(tr("Allowed: %1").arg(allowed));
        }
        return edit;
    }
    }
    return nullptr;
}

QList<SettingsDelegate::EnumChoice> SettingsDelegate::enumChoices(const ParameterInfo &info,
                                                                  const std::optional<QSet<QString>> &buildFeatures)
{
    QList<EnumChoice> choices;
    auto offer = [&](const QString &value) {
        const QString feature = info.buildDependentValues.value(value.toLower());
        if (!feature.isEmpty() && buildFeatures && !buildFeatures->contains(feature))
            return;
        choices.append(EnumChoice {value, feature});
    };
    for (const QString &value : info.enumValues)
        offer(value);
    // Values the catalog's generating build lacked are in buildDependentValues only.
    QStringList missing;
    for (auto it = info.buildDependentValues.cbegin(); it != info.buildDependentValues.cend(); ++it) {
        if (!info.enumValues.contains(it.key(), Qt::CaseInsensitive))
            missing.append(it.key());
    }
    missing.sort();
    for (const QString &value : std::as_const(missing))
        offer(value);
    return choices;
}

void SettingsDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString value = index.data(SettingsModel::EditValueRole).toString();
    if (auto *unitEditor = qobject_cast<UnitValueEditor *>(editor)) {
        unitEditor->setValue(value);
        unitEditor->numberEdit()->selectAll();
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int position = combo->findText(value, Qt::MatchFixedString);
        combo->setCurrentIndex(position < 0 ? 0 : position);
    } else if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(value);
        edit->selectAll();
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

QString SettingsDelegate::editorText(const QWidget *editor)
{
    if (const auto *unitEditor = qobject_cast<const UnitValueEditor *>(editor))
        return unitEditor->value();
    if (const auto *combo = qobject_cast<const QComboBox *>(editor))
        return combo->currentText();
    if (const auto *edit = qobject_cast<const QLineEdit *>(editor))
        return edit->text();
    return {};
}

QString SettingsDelegate::problemWith(const ParameterInfo &info, const QString &value) const
{
    const ParsedValue parsed = ValueParser::parse(info, value, m_major);
    if (parsed.ok())
        return {};
    // Out of the parameter's range, or past what an int holds (3TB of work_mem in kB): the server
    // words both in its base unit, the table in the units the user types.
    const bool numeric
        = info.type == core::pgconf::ParameterType::Integer || info.type == core::pgconf::ParameterType::Real;
    const std::optional<double> number
        = numeric ? ValueParser::parseReal(value.trimmed(), info.unit, nullptr, nullptr) : std::nullopt;
    const bool outside = number && info.min && info.max && (*number < *info.min || *number > *info.max);
    if (parsed.problem == ValueProblem::OutOfRange || outside) {
        if (const QString range = ParameterDocumentation::outOfRange(info, value); !range.isEmpty())
            return range;
    }
    return parsed.hint.isEmpty() ? parsed.message : parsed.message + u"\n"_s + parsed.hint;
}

void SettingsDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const ParameterInfo *info = infoOf(index);
    if (!info) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    const QString value = editorText(editor);
    // Unchanged: no edit (and no undo step) for opening and closing an editor.
    if (value == index.data(SettingsModel::EditValueRole).toString())
        return;
    if (const QString problem = problemWith(*info, value); !problem.isEmpty()) {
        Q_EMIT refused(problem);
        return;
    }
    model->setData(index, value, Qt::EditRole);
}

bool SettingsDelegate::eventFilter(QObject *object, QEvent *event)
{
    // Enter and Tab commit; refuse there, with the editor still open, what the server would refuse.
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Tab || key == Qt::Key_Backtab) {
            QWidget *editor = qobject_cast<QWidget *>(object);
            if (editor && qobject_cast<UnitValueEditor *>(editor->parentWidget()))
                editor = editor->parentWidget();
            const QVariant infoPointer = editor ? editor->property("pgdialParameter") : QVariant();
            if (const auto *info = static_cast<const ParameterInfo *>(infoPointer.value<void *>())) {
                const QString value = editorText(editor);
                if (const QString problem = problemWith(*info, value); !problem.isEmpty()) {
                    Q_EMIT refused(problem);
                    return true;
                }
            }
            if (object != editor && editor) {
                // Key from the number field inside the unit editor: commit the whole editor.
                editor->setProperty("pgdialClosing", true);
                Q_EMIT commitData(editor);
                Q_EMIT closeEditor(editor, QAbstractItemDelegate::NoHint);
                return true;
            }
        }
    }
    auto *unitEditor = qobject_cast<QWidget *>(object)
        ? qobject_cast<UnitValueEditor *>(static_cast<QWidget *>(object)->parentWidget())
        : nullptr;
    if (!unitEditor)
        return QStyledItemDelegate::eventFilter(object, event);
    if (unitEditor->property("pgdialClosing").toBool())
        return false;
    // The number field of the unit editor: leaving the whole editor commits it (the unit combo
    // and its popup are part of it), as the base class does for one-widget editors.
    if (event->type() == QEvent::FocusOut) {
        for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget()) {
            if (w == unitEditor)
                return false;
        }
        if (QApplication::activePopupWidget())
            return false;
        unitEditor->setProperty("pgdialClosing", true);
        Q_EMIT commitData(unitEditor);
        Q_EMIT closeEditor(unitEditor, QAbstractItemDelegate::NoHint);
    } else if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        unitEditor->setProperty("pgdialClosing", true);
        Q_EMIT closeEditor(unitEditor, QAbstractItemDelegate::RevertModelCache);
        return true;
    }
    return false;
}

void SettingsDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                            const QModelIndex &index) const
{
    // Remember which parameter the editor is for, for the checks on Enter.
    if (const ParameterInfo *info = infoOf(index))
        editor->setProperty("pgdialParameter",
                            QVariant::fromValue(static_cast<void *>(const_cast<ParameterInfo *>(info))));
    QRect rect = option.rect;
    // The unit chooser needs room beyond a narrow value column.
    if (auto *unitEditor = qobject_cast<UnitValueEditor *>(editor)) {
        const int number = option.fontMetrics.horizontalAdvance(u"00000000"_s);
        rect.setWidth(qMax(rect.width(), number + unitEditor->unitCombo()->sizeHint().width()));
    }
    editor->setGeometry(rect);
}

void SettingsDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != SettingsModel::ContextColumn || index.data(SettingsModel::IsCategoryRole).toBool()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // Background and selection as usual, then the badge as a pill.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return;
    const auto context = static_cast<ParameterContext>(index.data(SettingsModel::ContextRole).toInt());
    QFont font = option.font;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetrics metrics(font);
    const int width = metrics.horizontalAdvance(text) + 12;
    const int height = metrics.height() + 2;
    const QRect pill(option.rect.center().x() - width / 2, option.rect.center().y() - height / 2, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(index.data(SettingsModel::IsObsoleteRole).toBool() ? QColor(0x80, 0x80, 0x80)
                                                                         : badgeColour(context));
    painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(font);
    painter->drawText(pill, Qt::AlignCenter, text);
    painter->restore();
}

QSize SettingsDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 8));
    return size;
}

} // namespace pgdial::ui::editors::settings
