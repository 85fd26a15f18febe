#include "hba/hbaldapurl.h"

#include <QTest>

#include <dlfcn.h>

using namespace pgdial::core::hba;

// HbaLdapUrl against the library the server really uses: OpenLDAP's ldap_url_parse() and
// ldap_err2string(), loaded at run time (the shared library is on every machine with libpq, the
// headers are not). Every row must give the same error code, message and fields.
class tst_HbaLdapUrl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void agreesWithOpenLdap_data();
    void agreesWithOpenLdap();
    void serverErrors_data();
    void serverErrors();

private:
    // OpenLDAP's LDAPURLDesc (ldap.h), stable since 2.0.
    struct LdapUrlDesc
    {
        LdapUrlDesc *next;
        char *scheme;
        char *host;
        int port;
        char *dn;
        char **attrs;
        int scope;
        char *filter;
        char **exts;
        int critExts;
    };
    void *m_library = nullptr;
    int (*m_parse)(const char *, LdapUrlDesc **) = nullptr;
    void (*m_free)(LdapUrlDesc *) = nullptr;
    char *(*m_errorString)(int) = nullptr;
};

void tst_HbaLdapUrl::initTestCase()
{
    for (const char *name : {"libldap-2.5.so.0", "libldap.so.2", "libldap-2.4.so.2"}) {
        m_library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
        if (m_library)
            break;
    }
    if (!m_library)
        QSKIP("OpenLDAP's libldap is not installed");
    m_parse = reinterpret_cast<decltype(m_parse)>(dlsym(m_library, "ldap_url_parse"));
    m_free = reinterpret_cast<decltype(m_free)>(dlsym(m_library, "ldap_free_urldesc"));
    m_errorString = reinterpret_cast<decltype(m_errorString)>(dlsym(m_library, "ldap_err2string"));
    QVERIFY(m_parse && m_free && m_errorString);
}

void tst_HbaLdapUrl::cleanupTestCase()
{
    if (m_library)
        dlclose(m_library);
}

void tst_HbaLdapUrl::agreesWithOpenLdap_data()
{
    QTest::addColumn<QByteArray>("url");
    const char *const urls[] = {
        "ldap://ldap.example.net/dc=example,dc=net?uid?sub",
        "ldaps://ldap.example.net:1636/dc=example,dc=net?uid?one",
        "ldap://ldap.example.net/dc=example,dc=net",
        "http://ldap.example.net/dc=x",
        "ldapi://%2Fvar%2Frun%2Fslapd.sock/dc=x",
        "LDAP://Host/dc=x",
        "ldap://host",
        "ldap://host/",
        "ldap:///dc=x",
        "ldap://host:0/x",
        "ldap://host:99999/x",
        "ldap://host:/x",
        "ldap://host:12a/x",
        "ldap://host: 12/x",
        "ldap://host:-5/x",
        "ldap://[::1]:389/x",
        "ldap://[::1]/x",
        "ldap://[::1/x",
        "ldap://[::1]x:389/x",
        "ldap://h/x?a,b?sub?(uid=1)",
        "ldap://h/x?a?bogus",
        "ldap://h/x?a?SubTree",
        "ldap://h/x?a?children",
        "ldap://h/x???%zz",
        "ldap://h/x??"
        "?(cn=%41)",
        "ldap://h/x????",
        "ldap://h/x????e1",
        "ldap://h/x???"
        "?!e1,e2",
        "ldap://h/x????,,",
        "ldap://h/x?a?b?c?d?e",
        "ldap://h/x?a?sub?f?e?",
        "<ldap://h/x>",
        "<ldap://h/x",
        "URL:ldap://h/x",
        "url:LDAPS://h/x",
        "cldap://h/x",
        "ldap://h/%zz",
        "ldap://h/dc=%41",
        "ldap://h/x?%2Cq",
        "ldap://h/x?uid,cn",
        "ldap://h/x?,uid",
        "ldap://h:389??cn=abc",
        "ldap://h??cn=abc",
        "ldap://h%3a1/x",
        "ldap://h:%33%38%39/x",
        "ldaps://h",
        "ldap:",
        "ldap:/",
        "ldap://",
        "",
        "ldap://h/x?",
        "ldap://h/x??",
        "ldap://h/x???",
        "ldap://h/x?? base",
    };
    for (const char *url : urls)
        QTest::addRow("%s", *url ? url : "(empty)") << QByteArray(url);
}

void tst_HbaLdapUrl::agreesWithOpenLdap()
{
    QFETCH(QByteArray, url);
    LdapUrlDesc *desc = nullptr;
    const int rc = m_parse(url.constData(), &desc);
    const HbaLdapUrl ours = HbaLdapUrl::parse(url);
    QCOMPARE(int(ours.error), rc);
    if (rc != 0) {
        QCOMPARE(HbaLdapUrl::errorString(ours.error), QString::fromUtf8(m_errorString(rc)));
        return;
    }
    auto optional = [](const char *text) { return text ? std::optional<QByteArray>(QByteArray(text)) : std::nullopt; };
    QCOMPARE(ours.scheme, QByteArray(desc->scheme));
    QCOMPARE(ours.host, optional(desc->host));
    QCOMPARE(ours.port, desc->port);
    QCOMPARE(ours.baseDn, optional(desc->dn));
    QCOMPARE(ours.attributes.has_value(), desc->attrs != nullptr);
    if (desc->attrs) {
        QList<QByteArray> attributes;
        for (char **a = desc->attrs; *a; ++a)
            attributes << QByteArray(*a);
        QCOMPARE(*ours.attributes, attributes);
    }
    QCOMPARE(ours.scope, desc->scope);
    QCOMPARE(ours.filter, optional(desc->filter));
    m_free(desc);
}

void tst_HbaLdapUrl::serverErrors_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("error");
    QTest::newRow("good") << "ldap://h/dc=x"
                          << "";
    QTest::newRow("ldaps") << "ldaps://h"
                           << "";
    QTest::newRow("ldapi is parsed but refused") << "ldapi://x/dc=x"
                                                 << "unsupported LDAP URL scheme: ldapi";
    QTest::newRow("http") << "http://h/dc=x"
                          << "could not parse LDAP URL \"http://h/dc=x\": Time limit exceeded";
    QTest::newRow("bad port") << "ldap://h:x/dc=x"
                              << "could not parse LDAP URL \"ldap://h:x/dc=x\": Compare False";
    QTest::newRow("bad scope") << "ldap://h/x?a?deep"
                               << "could not parse LDAP URL \"ldap://h/x?a?deep\": Strong(er) authentication required";
}

void tst_HbaLdapUrl::serverErrors()
{
    QFETCH(QString, url);
    QFETCH(QString, error);
    QCOMPARE(HbaLdapUrl::parse(url.toUtf8()).serverError(url), error);
}

QTEST_GUILESS_MAIN(tst_HbaLdapUrl)
#include "tst_hbaldapurl.moc"
