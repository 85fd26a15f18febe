#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace pgdial::core::hba {
struct HbaRule;
} // namespace pgdial::core::hba

namespace pgdial::core::live {

// One pg_hba.conf line in the columns of pg_hba_file_rules, whether pgdial parsed it from the
// project's file or the server showed it, so the two can be compared field by field.
class HbaRuleView
{
public:
    static HbaRuleView fromRule(const hba::HbaRule &rule);
    static HbaRuleView fromServerRow(const QJsonObject &row);

    int lineNumber() const { return m_lineNumber; }
    QString fileName() const { return m_fileName; }
    // The rule as a line ("host all all 10.0.0.0 255.0.0.0 scram-sha-256"), or "error: ..."
    QString text() const;
    // Every column but the position: equal keys are the same rule.
    QByteArray key() const;
    // The columns that differ ("auth_method", "address", ...), in the view's order.
    QStringList differencesFrom(const HbaRuleView &other) const;

private:
    int m_lineNumber = 0;
    QString m_fileName;
    QString m_type;
    QStringList m_database;
    QStringList m_userName;
    QString m_address;
    QString m_netmask;
    QString m_authMethod;
    QStringList m_options;
    QString m_error;
};

} // namespace pgdial::core::live
