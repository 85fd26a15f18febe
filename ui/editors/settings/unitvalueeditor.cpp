#include "editors/settings/unitvalueeditor.h"

#include "pgconf/valueformatter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pgdial::ui::editors::settings {

UnitValueEditor::UnitValueEditor(const QString &baseUnit, QWidget *parent)
    : QWidget(parent)
    , m_baseUnit(baseUnit)
    , m_number(new QLineEdit(this))
    , m_unit(new QComboBox(this))
{
    setObjectName(u"settingsUnitEditor"_s);
    m_number->setObjectName(u"settingsNumberEdit"_s);
    m_unit->setObjectName(u"settingsUnitCombo"_s);
    m_number->setFrame(false);
    m_unit->addItems(unitsFor(baseUnit));
    m_unit->setToolTip(tr("Unit"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_number, 1);
    layout->addWidget(m_unit);
    setFocusProxy(m_number);
    setAutoFillBackground(true);
}

QStringList UnitValueEditor::unitsFor(const QString &baseUnit)
{
    static const QStringList memory = {u"B"_s, u"kB"_s, u"MB"_s, u"GB"_s, u"TB"_s};
    static const QStringList time = {u"us"_s, u"ms"_s, u"s"_s, u"min"_s, u"h"_s, u"d"_s};
    // The server refuses a unit smaller than the base unit's (no "B" for a kB parameter).
    auto from = [](const QStringList &units, const QString &first) {
        const qsizetype start = units.indexOf(first);
        return start < 0 ? units : units.mid(start);
    };
    if (baseUnit == u"8kB"_s)
        return from(memory, u"kB"_s);
    if (memory.contains(baseUnit))
        return from(memory, baseUnit);
    if (time.contains(baseUnit))
        return from(time, baseUnit);
    return {baseUnit};
}

void UnitValueEditor::setValue(const QString &value)
{
    static const QRegularExpression pattern(u"^\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-zA-Z]*)\\s*$"_s);
    QRegularExpressionMatch match = pattern.match(value);
    if (match.hasMatch() && match.captured(2).isEmpty()) {
        // A bare number counts in the base unit: show it the way a DBA writes it.
        const double number = match.captured(1).toDouble();
        match = pattern.match(core::pgconf::ValueFormatter::withUnit(number, m_baseUnit));
    }
    if (!match.hasMatch()) {
        m_number->setText(value.trimmed());
        return;
    }
    m_number->setText(match.captured(1));
    const QString unit = match.captured(2);
    const int position = m_unit->findText(unit.isEmpty() ? m_unit->itemText(0) : unit);
    if (position >= 0)
        m_unit->setCurrentIndex(position);
    else if (!unit.isEmpty())
        m_number->setText(value.trimmed()); // a unit this parameter cannot take: let the check say so
}

QString UnitValueEditor::value() const
{
    const QString number = m_number->text().trimmed();
    bool ok = false;
    const double parsed = number.toDouble(&ok);
    if (!ok || parsed <= 0)
        return number;
    return number + m_unit->currentText();
}

void UnitValueEditor::setHint(const QString &hint)
{
    m_number->setPlaceholderText(hint);
    m_number->setToolTip(hint);
}

} // namespace pgdial::ui::editors::settings
