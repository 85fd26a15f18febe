#pragma once

#include <QString>
#include <QStringList>

namespace pgdial::core::base {

// Hides secrets in text that is about to be shown, logged or written to a report. One rule set for
// every output (text, JSON, SARIF, views):
// - passwords in URLs: postgresql://user:****@host (spaces and quotes included), ?password=,
//   &sslpassword=;
// - libpq key=value passwords anywhere in a line: password=****, password='with spaces',
//   also inside another value (DB_CONNINFO="host=... password=...");
// - values of secret-looking keys (PASSWORD=, DB_PASS=, PGPASS=, *_PW=, DB_CREDENTIALS=,
//   "password": ..., password: ...), and the default of ${VAR:-default} for such keys.
// Paths and ${VAR} references are left visible: they say where a secret lives, not what it is.
//
// Messages that echo input (libpq's conninfo parse errors quote the token they could not read)
// need more than rules: an instance also knows the secret values themselves (addSecret,
// addSecretsFrom) and masks every occurrence of them, as written or as libpq decodes them.
class SecretMasker
{
public:
    static constexpr char16_t maskCharacter = u'\u2022';
    // What a masked secret is shown as (six mask characters: the length is not revealed).
    static const QString &placeholder();

    static QString maskUrlPassword(const QString &text);
    static QString maskConninfoPasswords(const QString &text);
    // Every rule above, line by line (multi-line text is fine).
    static QString maskLine(const QString &line);
    // A variable's value as shown next to its name (`env`, the .env table): hidden when the name
    // is a secret's, else with the passwords of any URL or conninfo in it masked. A name ending in
    // _env_var names another variable and is not a secret.
    static QString maskValue(const QString &name, const QString &value);
    static bool isSecretKey(const QString &key);
    static bool isSecretValue(const QString &value);
    // The passwords a connection string holds (URL user info and query, key=value), as written
    // and as libpq decodes them, including the parts of an unquoted password with spaces.
    static QStringList passwordsIn(const QString &connectionString);

    // Remembers a secret value (and its percent-encoded and decoded forms) to mask wherever it
    // appears. Empty values and ${VAR} references are ignored.
    void addSecret(const QString &value);
    void addSecretsFrom(const QString &connectionString);
    bool knowsSecrets() const { return !m_secrets.isEmpty(); }
    // maskLine() plus every known secret value.
    QString mask(const QString &text) const;

private:
    QStringList m_secrets; // longest first
};

} // namespace pgdial::core::base
