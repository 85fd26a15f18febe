#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace pgdial::ui::editors::settings {

// A number and a unit chooser for memory and time parameters: "256" + "MB", written back as
// "256MB", the way a DBA writes it. Zero and negative values (the "-1 = use the default"
// convention) are written bare.
class UnitValueEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnitValueEditor)

public:
    // `baseUnit` is pg_settings.unit ("8kB", "kB", "MB", "B", "ms", "s", "min", "us").
    UnitValueEditor(const QString &baseUnit, QWidget *parent = nullptr);

    // Splits "128MB" (or a bare number in the base unit) into number and unit.
    void setValue(const QString &value);
    QString value() const;
    void setHint(const QString &hint);

    QLineEdit *numberEdit() const { return m_number; }
    QComboBox *unitCombo() const { return m_unit; }

    // The units the server accepts for a base unit, smallest first.
    static QStringList unitsFor(const QString &baseUnit);

private:
    QString m_baseUnit;
    QLineEdit *m_number;
    QComboBox *m_unit;
};

} // namespace pgdial::ui::editors::settings
