#include "probe/tlsinspector.h"

#include "probe/hostresolver.h"
#include "probe/probesocket.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <pwd.h>
#include <unistd.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace pgdial::core::probe {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("probe", text);
}

template<typename T, void (*Free)(T *)> struct OpenSslDeleter
{
    void operator()(T *p) const { Free(p); }
};
using CtxPtr = std::unique_ptr<SSL_CTX, OpenSslDeleter<SSL_CTX, SSL_CTX_free>>;
using SslPtr = std::unique_ptr<SSL, OpenSslDeleter<SSL, SSL_free>>;

QString openSslErrors()
{
    QStringList texts;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof(buffer));
        texts.append(QString::fromLatin1(buffer));
    }
    return texts.join(u"; "_s);
}

QString nameText(const X509_NAME *name)
{
    BIO *bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    const QString text = QString::fromUtf8(data, length);
    BIO_free(bio);
    return text;
}

QString commonName(X509 *certificate)
{
    char buffer[256] = {};
    const int length
        = X509_NAME_get_text_by_NID(X509_get_subject_name(certificate), NID_commonName, buffer, sizeof(buffer));
    return length > 0 ? QString::fromUtf8(buffer, length) : QString();
}

QDateTime asnTime(const ASN1_TIME *time)
{
    tm parts {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

QStringList subjectAltNames(X509 *certificate, bool &hasDns, bool &hasIp)
{
    QStringList names;
    hasDns = hasIp = false;
    auto *general = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
    if (!general)
        return names;
    for (int i = 0; i < sk_GENERAL_NAME_num(general); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(general, i);
        if (name->type == GEN_DNS) {
            hasDns = true;
            const ASN1_STRING *dns = name->d.dNSName;
            names.append(u"DNS:"_s
                         + QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(dns)),
                                               ASN1_STRING_length(dns)));
        } else if (name->type == GEN_IPADD) {
            hasIp = true;
            const ASN1_OCTET_STRING *ip = name->d.iPAddress;
            const unsigned char *bytes = ASN1_STRING_get0_data(ip);
            QString text;
            if (ASN1_STRING_length(ip) == 4) {
                text = u"%1.%2.%3.%4"_s.arg(bytes[0]).arg(bytes[1]).arg(bytes[2]).arg(bytes[3]);
            } else {
                QStringList groups;
                for (int b = 0; b + 1 < ASN1_STRING_length(ip); b += 2)
                    groups.append(QString::number((bytes[b] << 8) | bytes[b + 1], 16));
                text = groups.join(u':');
            }
            names.append(u"IP:"_s + text);
        }
    }
    GENERAL_NAMES_free(general);
    return names;
}

QString keyType(X509 *certificate)
{
    EVP_PKEY *key = X509_get0_pubkey(certificate);
    if (!key)
        return tr("unknown key");
    const int bits = EVP_PKEY_get_bits(key);
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        return u"RSA %1"_s.arg(bits);
    case EVP_PKEY_EC:
        return u"EC %1"_s.arg(bits);
    case EVP_PKEY_ED25519:
        return u"Ed25519"_s;
    case EVP_PKEY_ED448:
        return u"Ed448"_s;
    default:
        return u"%1 %2"_s.arg(QString::fromLatin1(OBJ_nid2sn(EVP_PKEY_get_base_id(key)))).arg(bits);
    }
}

bool isVerifying(const QString &sslmode)
{
    return sslmode == u"verify-ca" || sslmode == u"verify-full";
}

bool requiresTls(const QString &sslmode)
{
    return sslmode == u"require" || isVerifying(sslmode);
}

// libpq's own judgement of a failure: fatal for require/verify-*, a fallback to plain text for
// prefer (and allow, which only tries TLS after a plain-text refusal).
StageStatus failureStatus(const QString &sslmode)
{
    return requiresTls(sslmode) ? StageStatus::Fail : StageStatus::Warn;
}

} // namespace

QString TlsInspector::defaultRootCertPath()
{
    QString home = QString::fromLocal8Bit(qgetenv("HOME"));
    if (home.isEmpty())
        if (const passwd *pw = ::getpwuid(::geteuid()))
            home = QString::fromLocal8Bit(pw->pw_dir);
    return home + u"/.postgresql/root.crt"_s;
}

ProbeStage TlsInspector::inspect(const TlsRequest &request, const ProbeControl &control)
{
    const auto started = ProbeControl::Clock::now();
    ProbeStage stage;
    stage.name = u"tls"_s;
    const auto finish = [&](StageStatus status, Verdict verdict, const QString &detail) {
        stage.status = status;
        stage.verdict = verdict;
        stage.detail = detail;
        stage.ms = std::chrono::duration_cast<std::chrono::milliseconds>(ProbeControl::Clock::now() - started).count();
        return stage;
    };
    const QString &mode = request.sslmode;
    const bool system = request.sslrootcert == u"system";
    if (system && mode != u"verify-full")
        return finish(
            StageStatus::Fail, Verdict::InvalidConninfo,
            tr("weak sslmode \"%1\" may not be used with sslrootcert=system (use \"verify-full\")").arg(mode));
    const QString rootPath = request.sslrootcert.isEmpty() ? defaultRootCertPath() : request.sslrootcert;
    const bool rootExists = !system && QFileInfo(rootPath).isFile();
    if (isVerifying(mode) && !system && !rootExists)
        return finish(StageStatus::Fail, Verdict::RootCertMissing,
                      tr("root certificate file \"%1\" does not exist").arg(rootPath));

    ProbeSocket socket;
    const ProbeSocket::Outcome connected = socket.connectTo(request.address, request.timeoutMs, control);
    if (connected != ProbeSocket::Outcome::Ok)
        return finish(StageStatus::Fail,
                      connected == ProbeSocket::Outcome::TimedOut ? Verdict::Timeout : Verdict::Refused,
                      tr("cannot reconnect to %1: %2").arg(request.address.display(), socket.errorString()));
    // SSLRequest: length 8, code 1234 5679.
    static const QByteArray sslRequest("\x00\x00\x00\x08\x04\xd2\x16\x2f", 8);
    QByteArray answer;
    ProbeSocket::Outcome outcome = socket.sendAll(sslRequest, request.timeoutMs, control);
    if (outcome == ProbeSocket::Outcome::Ok)
        outcome = socket.receive(answer, 1, request.timeoutMs, control);
    if (outcome == ProbeSocket::Outcome::TimedOut)
        return finish(StageStatus::Fail, Verdict::Timeout,
                      tr("no answer to the SSLRequest within %1 ms: something accepts connections at %2 and "
                         "does not speak")
                          .arg(request.timeoutMs)
                          .arg(request.address.display()));
    if (outcome == ProbeSocket::Outcome::Cancelled)
        return finish(StageStatus::Skipped, Verdict::Other, tr("cancelled"));
    if (outcome != ProbeSocket::Outcome::Ok)
        return finish(StageStatus::Fail, Verdict::ProtocolError,
                      tr("the connection broke after the SSLRequest: %1").arg(socket.errorString()));
    const char reply = answer.at(0);
    if (reply == 'N') {
        stage.facts.insert(u"server_offers_tls"_s, false);
        if (requiresTls(mode))
            return finish(StageStatus::Fail, Verdict::SslNotSupported,
                          tr("the server does not support TLS, but sslmode=%1 requires it").arg(mode));
        return finish(StageStatus::Warn, Verdict::SslNotSupported,
                      tr("the server does not offer TLS: libpq connects in plain text (sslmode=%1)").arg(mode));
    }
    if (reply == 'E')
        return finish(StageStatus::Fail, Verdict::ProtocolError,
                      tr("the server answered the SSLRequest with an error message"));
    if (reply != 'S') {
        const QByteArray more = answer;
        return finish(StageStatus::Fail, Verdict::NotPostgres,
                      tr("%1 answered the SSLRequest with %2: not a PostgreSQL server")
                          .arg(request.address.display(), QString::fromLatin1(more.toHex())));
    }
    stage.facts.insert(u"server_offers_tls"_s, true);
    // libpq refuses bytes the server sent before the handshake (CVE-2021-23222); so do we.
    if (pollfd pending {socket.fd(), POLLIN, 0}; ::poll(&pending, 1, 0) > 0)
        return finish(StageStatus::Fail, Verdict::ProtocolError,
                      tr("received unencrypted data after the SSL response"));

    ERR_clear_error();
    CtxPtr ctx(SSL_CTX_new(TLS_client_method()));
    if (!ctx)
        return finish(StageStatus::Fail, Verdict::Other, openSslErrors());
    SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION); // libpq's ssl_min_protocol_version default
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr); // judged after the handshake, as libpq would
    bool storeLoaded = false;
    if (system)
        storeLoaded = SSL_CTX_set_default_verify_paths(ctx.get()) == 1;
    else if (rootExists)
        storeLoaded = SSL_CTX_load_verify_locations(ctx.get(), QFile::encodeName(rootPath).constData(), nullptr) == 1;
    const QString storeError = openSslErrors();
    SslPtr ssl(SSL_new(ctx.get()));
    SSL_set_fd(ssl.get(), socket.fd());
    const bool hostIsAddress = HostResolver::numeric(request.host, 0).has_value();
    if (request.sslsni && !hostIsAddress && !request.host.startsWith(u'/'))
        SSL_set_tlsext_host_name(ssl.get(), request.host.toUtf8().constData());
    SSL_set_connect_state(ssl.get());
    for (;;) {
        const int result = SSL_do_handshake(ssl.get());
        if (result == 1)
            break;
        const int error = SSL_get_error(ssl.get(), result);
        short events = 0;
        if (error == SSL_ERROR_WANT_READ)
            events = POLLIN;
        else if (error == SSL_ERROR_WANT_WRITE)
            events = POLLOUT;
        if (events == 0) {
            const QString reason = openSslErrors();
            return finish(
                failureStatus(mode), Verdict::ProtocolError,
                tr("TLS handshake failed: %1")
                    .arg(reason.isEmpty() ? tr("the server closed the connection (SSL SYSCALL error: EOF)") : reason));
        }
        const ProbeSocket::Outcome waited = socket.wait(events, request.timeoutMs, control);
        if (waited == ProbeSocket::Outcome::Cancelled)
            return finish(StageStatus::Skipped, Verdict::Other, tr("cancelled"));
        if (waited != ProbeSocket::Outcome::Ok)
            return finish(StageStatus::Fail, Verdict::Timeout,
                          tr("the TLS handshake did not finish within %1 ms").arg(request.timeoutMs));
    }

    const QString protocol = QString::fromLatin1(SSL_get_version(ssl.get()));
    const QString cipher = QString::fromLatin1(SSL_get_cipher_name(ssl.get()));
    stage.facts.insert(u"protocol"_s, protocol);
    stage.facts.insert(u"cipher"_s, cipher);
    stage.lines.append(tr("%1, %2").arg(protocol, cipher));
    QJsonArray chainFacts;
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(ssl.get());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool expired = false;
    for (int i = 0; chain && i < sk_X509_num(chain); ++i) {
        X509 *certificate = sk_X509_value(chain, i);
        bool hasDns = false;
        bool hasIp = false;
        const QStringList sans = subjectAltNames(certificate, hasDns, hasIp);
        const QDateTime notBefore = asnTime(X509_get0_notBefore(certificate));
        const QDateTime notAfter = asnTime(X509_get0_notAfter(certificate));
        expired = expired || notAfter < now || notBefore > now;
        const QString subject = nameText(X509_get_subject_name(certificate));
        const QString issuer = nameText(X509_get_issuer_name(certificate));
        chainFacts.append(QJsonObject {{u"subject"_s, subject},
                                       {u"issuer"_s, issuer},
                                       {u"san"_s, QJsonArray::fromStringList(sans)},
                                       {u"not_before"_s, notBefore.toString(Qt::ISODate)},
                                       {u"not_after"_s, notAfter.toString(Qt::ISODate)},
                                       {u"key"_s, keyType(certificate)}});
        stage.lines.append(tr("certificate %1: %2; issuer %3; SAN %4; valid %5 to %6; %7")
                               .arg(i)
                               .arg(subject, issuer, sans.isEmpty() ? tr("none") : sans.join(u", "_s),
                                    notBefore.toString(Qt::ISODate), notAfter.toString(Qt::ISODate),
                                    keyType(certificate)));
    }
    stage.facts.insert(u"chain"_s, chainFacts);

    // Chain verification, as libpq: always for verify-*, and for require/prefer when a root
    // certificate file exists (libpq then verifies like verify-ca: the "require" trap).
    const bool verifies = isVerifying(mode) || rootExists;
    const QString rootLabel = system ? tr("the system's trusted roots") : rootPath;
    stage.facts.insert(u"root_cert"_s, system ? u"system"_s : (rootExists ? rootPath : QString()));
    if (!verifies) {
        stage.lines.append(tr("chain not verified: sslmode=%1 and no root certificate file at %2").arg(mode, rootPath));
        stage.facts.insert(u"verified"_s, QJsonValue());
    } else {
        const long result
            = storeLoaded ? SSL_get_verify_result(ssl.get()) : X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY;
        stage.facts.insert(u"verified"_s, result == X509_V_OK);
        if (result != X509_V_OK) {
            QString reason = QString::fromLatin1(X509_verify_cert_error_string(result));
            if (!storeLoaded && !storeError.isEmpty())
                reason = storeError;
            QString detail = tr("certificate verify failed against %1: %2").arg(rootLabel, reason);
            if (!isVerifying(mode))
                detail += tr(" (sslmode=%1 verifies because %2 exists)").arg(mode, rootPath);
            return finish(failureStatus(mode), Verdict::CertVerifyFailed, detail);
        }
        stage.lines.append(tr("chain verifies against %1").arg(rootLabel));
    }

    // Host name check, verify-full only (libpq: SANs of the host's kind, else the common name).
    X509 *leaf = SSL_get0_peer_certificate(ssl.get());
    if (leaf) {
        bool hasDns = false;
        bool hasIp = false;
        subjectAltNames(leaf, hasDns, hasIp);
        const QByteArray host = request.host.toUtf8();
        bool matches = false;
        if (!hasDns && !hasIp)
            matches = commonName(leaf).compare(request.host, Qt::CaseInsensitive) == 0
                || (!hostIsAddress && X509_check_host(leaf, host.constData(), size_t(host.size()), 0, nullptr) == 1);
        else if (hostIsAddress)
            matches = X509_check_ip_asc(leaf, host.constData(), 0) == 1;
        else
            matches
                = X509_check_host(leaf, host.constData(), size_t(host.size()),
                                  X509_CHECK_FLAG_NEVER_CHECK_SUBJECT | X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr)
                == 1;
        stage.facts.insert(u"host_name_matches"_s, matches);
        if (!matches && mode == u"verify-full")
            return finish(StageStatus::Fail, Verdict::CertHostnameMismatch,
                          tr("server certificate for \"%1\" does not match host name \"%2\"")
                              .arg(commonName(leaf), request.host));
        stage.lines.append(
            matches
                ? tr("host name %1 matches the certificate").arg(request.host)
                : tr("host name %1 does not match the certificate (checked only with verify-full)").arg(request.host));
    }
    SSL_shutdown(ssl.get());
    if (expired)
        return finish(StageStatus::Warn, Verdict::CertVerifyFailed,
                      tr("%1: a certificate of the chain is outside its validity period").arg(protocol));
    return finish(StageStatus::Ok, Verdict::Ok,
                  tr("%1, %2%3").arg(protocol, cipher, verifies ? tr(", chain verified") : tr(", chain not verified")));
}

} // namespace pgdial::core::probe
