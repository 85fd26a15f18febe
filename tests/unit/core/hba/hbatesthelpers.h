#pragma once

// Small helpers shared by the hba simulator/analysis tests: parse text, describe attempts.

#include "hba/hbaconnectionattempt.h"
#include "hba/hbaparser.h"

#include <QString>
#include <QStringList>

namespace pgdial::test::hba {

inline core::hba::HbaFile parseHba(const QByteArray &text, int major = 17)
{
    core::hba::HbaParseOptions options;
    options.majorVersion = major;
    return core::hba::HbaParser::parse(text, QStringLiteral("/nonexistent/pg_hba.conf"), options);
}

// "ssl db=app user=alice addr=10.0.0.5 roles=a,b host=x.example.com repl" (first word: local,
// tcp, ssl or gss).
inline core::hba::HbaConnectionAttempt attemptFrom(const QString &spec)
{
    using namespace core::hba;
    HbaConnectionAttempt attempt;
    const QStringList words = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const QString key = word.section(QLatin1Char('='), 0, 0);
        const QString value = word.section(QLatin1Char('='), 1);
        if (word == QLatin1String("local"))
            attempt.transport = HbaTransport::Local;
        else if (word == QLatin1String("tcp"))
            attempt.transport = HbaTransport::Tcp;
        else if (word == QLatin1String("ssl"))
            attempt.transport = HbaTransport::TcpSsl;
        else if (word == QLatin1String("gss"))
            attempt.transport = HbaTransport::TcpGss;
        else if (word == QLatin1String("repl"))
            attempt.physicalReplication = true;
        else if (word == QLatin1String("nouser"))
            attempt.userExists = false;
        else if (key == QLatin1String("db"))
            attempt.database = value;
        else if (key == QLatin1String("user"))
            attempt.user = value;
        else if (key == QLatin1String("addr"))
            attempt.clientAddress = HbaIpAddress::parse(value).value_or(HbaIpAddress {});
        else if (key == QLatin1String("roles"))
            attempt.memberOf = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (key == QLatin1String("host"))
            attempt.clientHostName = value;
    }
    return attempt;
}

} // namespace pgdial::test::hba
