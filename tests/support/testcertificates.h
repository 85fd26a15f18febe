#pragma once

#include <QString>

namespace pgdial::test {

class PgTestServer;

// Certificates made at test time with the openssl command: a CA, a server certificate it signs
// (CN and SAN localhost only), and a second, unrelated CA. EC P-256 keys, valid for two days.
class TestCertificates
{
public:
    // Generates into `folder` (created when missing). False with errorString() on failure.
    bool generate(const QString &folder);

    QString caCert() const { return m_folder + QStringLiteral("/ca.crt"); }
    QString caKey() const { return m_folder + QStringLiteral("/ca.key"); }
    QString serverCert() const { return m_folder + QStringLiteral("/server.crt"); }
    QString serverKey() const { return m_folder + QStringLiteral("/server.key"); }
    QString otherCaCert() const { return m_folder + QStringLiteral("/other-ca.crt"); }
    QString errorString() const { return m_error; }

    // Copies server.crt/server.key/ca.crt into the server's folder (key 0600, owned by the server
    // user) and appends ssl = on with those files to its postgresql.conf. Call before start().
    bool installOn(const PgTestServer &server) const;

private:
    QString m_folder;
    QString m_error;
    bool openssl(const QStringList &arguments);
};

} // namespace pgdial::test
