#include "support/testcertificates.h"

#include "support/pgtestserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <sys/stat.h>

namespace pgdial::test {

bool TestCertificates::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_folder);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2")
                      .arg(arguments.join(QLatin1Char(' ')), QString::fromUtf8(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool TestCertificates::generate(const QString &folder)
{
    m_folder = folder;
    QDir().mkpath(folder);
    const QStringList ecKey {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    QFile extensions(folder + QStringLiteral("/server.ext"));
    if (!extensions.open(QIODevice::WriteOnly))
        return false;
    extensions.write("subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n");
    extensions.close();
    return openssl(QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + ecKey
                   + QStringList {QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                                  QStringLiteral("ca.crt"), QStringLiteral("-days"), QStringLiteral("2"),
                                  QStringLiteral("-subj"), QStringLiteral("/CN=pgdial test CA")})
        && openssl(QStringList {QStringLiteral("req"), QStringLiteral("-x509")} + ecKey
                   + QStringList {QStringLiteral("-keyout"), QStringLiteral("other-ca.key"), QStringLiteral("-out"),
                                  QStringLiteral("other-ca.crt"), QStringLiteral("-days"), QStringLiteral("2"),
                                  QStringLiteral("-subj"), QStringLiteral("/CN=unrelated CA")})
        && openssl(QStringList {QStringLiteral("req")} + ecKey
                   + QStringList {QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                                  QStringLiteral("server.csr"), QStringLiteral("-subj"),
                                  QStringLiteral("/CN=localhost")})
        && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                    QStringLiteral("-CA"), QStringLiteral("ca.crt"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                    QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.crt"),
                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                    QStringLiteral("server.ext")});
}

bool TestCertificates::installOn(const PgTestServer &server) const
{
    const auto copy = [&](const QString &from, const QString &name) {
        QFile file(from);
        if (!file.open(QIODevice::ReadOnly))
            return QString();
        return server.writeFile(QStringLiteral("tls/") + name, file.readAll());
    };
    const QString cert = copy(serverCert(), QStringLiteral("server.crt"));
    const QString key = copy(serverKey(), QStringLiteral("server.key"));
    const QString ca = copy(caCert(), QStringLiteral("ca.crt"));
    if (cert.isEmpty() || key.isEmpty() || ca.isEmpty())
        return false;
    ::chmod(QFile::encodeName(key).constData(), 0600);
    return server.appendConfig("ssl = on\nssl_cert_file = '" + cert.toUtf8() + "'\nssl_key_file = '" + key.toUtf8()
                               + "'\nssl_ca_file = '" + ca.toUtf8() + "'\n");
}

} // namespace pgdial::test
