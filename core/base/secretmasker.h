#pragma once

#include <QString>

namespace pgdial::core::base {

// Hides secrets in text that is about to be shown, logged or written to a report: passwords in
// URLs (postgresql://user:****@host), and values of secret-looking keys (PASSWORD=, *_PW=,
// "password: ..."). Paths and ${VAR} references are left visible: they are not secrets.
class SecretMasker
{
public:
    static constexpr char16_t maskCharacter = u'\u2022';

    static QString maskUrlPassword(const QString &text);
    static QString maskLine(const QString &line);
    static bool isSecretKey(const QString &key);
    static bool isSecretValue(const QString &value);
};

} // namespace pgdial::core::base
