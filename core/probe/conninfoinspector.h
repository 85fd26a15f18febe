#pragma once

#include "probe/probestage.h"

#include <QList>
#include <QString>

namespace pgdial::core::probe {

// One libpq connection parameter with the value libpq will use and where it comes from.
struct ConninfoParameter
{
    QString keyword;
    QString value; // the effective value; a password is kept here only for the probe itself
    QString source; // "string", "environment PGHOST", "service file <path>", "password file <path>",
                    // "default", or empty when unset
    bool secret = false; // password, sslpassword: never shown
};

// The parse stage: libpq's own parser (PQconninfoParse) plus the fallbacks libpq applies in
// order: service file, PG* environment, compiled-in defaults, then .pgpass for the password.
class ConninfoInspector
{
public:
    explicit ConninfoInspector(const QString &conninfo);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QList<ConninfoParameter> parameters() const { return m_parameters; }
    QString value(const QString &keyword) const;
    QString source(const QString &keyword) const;

    // The conninfo as key=value pairs with every secret masked (for reports).
    QString maskedConninfo() const;
    // Hosts as libpq sees them (host list, or the default socket folder); ports matched to hosts.
    QStringList hosts() const;
    QStringList hostaddrs() const;
    QStringList ports() const;

    ProbeStage toStage() const;
    // Knows the passwords of the conninfo as written and as resolved (environment, .pgpass).
    const base::SecretMasker &masker() const { return m_masker; }

    // The text with its passwords masked, wherever they appear (also in a string libpq refuses).
    static QString maskConninfoText(const QString &text);

private:
    QString m_error;
    base::SecretMasker m_masker;
    QList<ConninfoParameter> m_parameters;

    void applyServiceFile();
    void applyPasswordFile();
    void validateValues();
    void set(const QString &keyword, const QString &value, const QString &source);
};

} // namespace pgdial::core::probe
