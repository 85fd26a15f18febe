#include "editors/app/urlbuilderdialog.h"

#include "base/secretmasker.h"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pgdial::ui::editors::app {

using core::appconfig::ConnectionUrlFormatter;
using core::appconfig::ConnectionUrlParser;
using core::appconfig::UrlComponents;

namespace {

// The parameters that have a field of their own; the rest go to "Other parameters".
const QStringList &ownFields()
{
    static const QStringList names {u"sslmode"_s, u"sslrootcert"_s, u"sslcert"_s, u"sslkey"_s};
    return names;
}

QLineEdit *namedEdit(const QString &name, const QString &tip, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setToolTip(tip);
    return edit;
}

// The item holding `value`; a value outside the standard items gets one extra item, reused, so
// typing a URL letter by letter does not pile up partial values.
int indexFor(QComboBox *combo, const QString &value, int standardCount)
{
    const int index = combo->findData(value);
    if (index >= 0 && index < standardCount)
        return index;
    if (combo->count() == standardCount)
        combo->addItem(value, value);
    combo->setItemText(standardCount, value);
    combo->setItemData(standardCount, value);
    return standardCount;
}

} // namespace

UrlBuilderDialog::UrlBuilderDialog(const QString &url, bool revealSecrets, QWidget *parent)
    : QDialog(parent)
    , m_reveal(revealSecrets)
    , m_scheme(new QComboBox(this))
    , m_hosts(namedEdit(u"urlHosts"_s,
                        tr("Host names, IP addresses or socket directories, comma-separated for a "
                           "multi-host string (libpq tries them in order)"),
                        this))
    , m_ports(namedEdit(u"urlPorts"_s, tr("Port numbers, one per host or one for all; empty means 5432"), this))
    , m_database(namedEdit(u"urlDatabase"_s, tr("The database to connect to (dbname)"), this))
    , m_user(namedEdit(u"urlUser"_s, tr("The role to connect as"), this))
    , m_password(namedEdit(u"urlPassword"_s,
                           tr("The password, typed as it is: pgdial percent-encodes it in the "
                              "string. A ${VARIABLE} reference is kept as written."),
                           this))
    , m_sslMode(new QComboBox(this))
    , m_sslRootCert(namedEdit(u"urlSslRootCert"_s, tr("CA certificate(s) that verify the server (sslrootcert)"), this))
    , m_sslCert(namedEdit(u"urlSslCert"_s, tr("The client certificate (sslcert)"), this))
    , m_sslKey(namedEdit(u"urlSslKey"_s, tr("The client certificate's private key (sslkey)"), this))
    , m_other(new QPlainTextEdit(this))
    , m_text(namedEdit(u"urlText"_s, tr("The whole connection string; editing it fills the fields"), this))
    , m_verdict(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"urlBuilder"_s);
    setWindowTitle(tr("Connection String Builder"));

    m_scheme->setObjectName(u"urlScheme"_s);
    m_scheme->setToolTip(tr("The URL scheme: plain libpq, or the SQLAlchemy driver the app uses"));
    for (const QString &scheme : {u"postgresql"_s, u"postgres"_s, u"postgresql+asyncpg"_s, u"postgresql+psycopg"_s,
                                  u"postgresql+psycopg2"_s, u"postgresql+pg8000"_s})
        m_scheme->addItem(scheme, scheme);
    m_scheme->addItem(tr("libpq key=value"), QString());
    m_sslMode->setObjectName(u"urlSslMode"_s);
    m_sslMode->setToolTip(tr("How hard libpq insists on TLS and on verifying the server (default: prefer)"));
    m_sslMode->addItem(tr("(not set: prefer)"), QString());
    for (const QString &mode : {u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s, u"verify-ca"_s, u"verify-full"_s})
        m_sslMode->addItem(mode, mode);
    m_standardSchemes = m_scheme->count();
    m_standardModes = m_sslMode->count();
    m_other->setObjectName(u"urlOtherParameters"_s);
    m_other->setToolTip(tr("Other parameters, one keyword=value per line (application_name, connect_timeout, "
                           "target_session_attrs, ...)"));
    m_other->setTabChangesFocus(true);
    m_other->setFixedHeight(m_other->fontMetrics().lineSpacing() * 4 + 10);
    m_password->setEchoMode(m_reveal ? QLineEdit::Normal : QLineEdit::Password);
    m_text->setReadOnly(!m_reveal);
    m_verdict->setObjectName(u"urlVerdict"_s);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons->setObjectName(u"urlBuilderButtons"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"urlBuilderOk"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setToolTip(tr("Write this connection string"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"urlBuilderCancel"_s);
    m_buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Leave the connection string as it was"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("Driver:"), m_scheme);
    form->addRow(tr("Host(s):"), m_hosts);
    form->addRow(tr("Port(s):"), m_ports);
    form->addRow(tr("Database:"), m_database);
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("SSL mode:"), m_sslMode);
    form->addRow(tr("Root certificate:"),
                 fileRow(m_sslRootCert, u"urlSslRootCertBrowse"_s, tr("Choose the CA certificate")));
    form->addRow(tr("Client certificate:"),
                 fileRow(m_sslCert, u"urlSslCertBrowse"_s, tr("Choose the client certificate")));
    form->addRow(tr("Client key:"), fileRow(m_sslKey, u"urlSslKeyBrowse"_s, tr("Choose the client key")));
    form->addRow(tr("Other parameters:"), m_other);
    form->addRow(tr("Connection string:"), m_text);
    form->addRow(m_verdict);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (QLineEdit *edit : {m_hosts, m_ports, m_database, m_user, m_password, m_sslRootCert, m_sslCert, m_sslKey})
        connect(edit, &QLineEdit::textEdited, this, &UrlBuilderDialog::fieldsChanged);
    connect(m_scheme, &QComboBox::currentIndexChanged, this, &UrlBuilderDialog::fieldsChanged);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &UrlBuilderDialog::fieldsChanged);
    connect(m_other, &QPlainTextEdit::textChanged, this, &UrlBuilderDialog::fieldsChanged);
    connect(m_text, &QLineEdit::textEdited, this, &UrlBuilderDialog::textChanged);

    const std::optional<UrlComponents> parsed = ConnectionUrlFormatter::decompose(url);
    if (parsed) {
        m_components = *parsed;
        m_url = url;
    } else {
        m_components.hosts = {{u"localhost"_s, u"5432"_s}};
        m_url = ConnectionUrlFormatter::format(m_components);
    }
    showComponents();
    showText();
    resize(std::max(sizeHint().width(), 680), sizeHint().height());
}

QWidget *UrlBuilderDialog::fileRow(QLineEdit *edit, const QString &name, const QString &title)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QToolButton(row);
    browse->setObjectName(name);
    browse->setText(tr("Browse…"));
    browse->setToolTip(title);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, title] {
        const QString file = QFileDialog::getOpenFileName(
            this, title, edit->text(), tr("Certificates and keys (*.crt *.pem *.key *.cer);;All files (*)"));
        if (file.isEmpty())
            return;
        edit->setText(file);
        fieldsChanged();
    });
    return row;
}

void UrlBuilderDialog::showComponents()
{
    const QSignalBlocker blockScheme(m_scheme);
    const QSignalBlocker blockMode(m_sslMode);
    const QSignalBlocker blockOther(m_other);
    const QString scheme = m_components.keyValueForm ? QString() : m_components.scheme;
    m_scheme->setCurrentIndex(indexFor(m_scheme, scheme, m_standardSchemes));
    QStringList hosts;
    QStringList ports;
    bool anyPort = false;
    for (const core::appconfig::UrlHost &h : std::as_const(m_components.hosts)) {
        hosts.append(h.host);
        ports.append(h.port);
        anyPort = anyPort || !h.port.isEmpty();
    }
    m_hosts->setText(hosts.join(u','));
    m_ports->setText(anyPort ? ports.join(u',') : QString());
    m_database->setText(m_components.database);
    m_user->setText(m_components.user);
    m_password->setText(m_components.password);
    const QString mode = m_components.parameter(u"sslmode"_s);
    m_sslMode->setCurrentIndex(indexFor(m_sslMode, mode, m_standardModes));
    m_sslRootCert->setText(m_components.parameter(u"sslrootcert"_s));
    m_sslCert->setText(m_components.parameter(u"sslcert"_s));
    m_sslKey->setText(m_components.parameter(u"sslkey"_s));
    QStringList other;
    for (const core::appconfig::ConnectionParameter &p : std::as_const(m_components.query))
        if (!ownFields().contains(p.keyword))
            other.append(p.keyword + u'=' + p.value);
    m_other->setPlainText(other.join(u'\n'));
}

void UrlBuilderDialog::showText()
{
    if (m_text->text() != m_url || !m_reveal) {
        m_text->setText(m_reveal ? m_url : core::base::SecretMasker::maskUrlPassword(m_url));
        if (!m_text->hasFocus())
            m_text->setCursorPosition(0);
    }
    const core::appconfig::ConnectionUrl parsed = ConnectionUrlParser::parse(m_url);
    const bool ok = parsed.isPostgres() && parsed.libpqAccepts;
    QString verdict = ok
        ? tr("libpq accepts this connection string.")
        : tr("libpq refuses this connection string: %1")
              .arg(parsed.libpqError.isEmpty() ? tr("not a PostgreSQL connection string") : parsed.libpqError);
    // asyncpg is not libpq: its TLS switch is its own ssl= parameter.
    if (ok && parsed.driver == u"asyncpg")
        verdict += u' ' + tr("With asyncpg, TLS is set by the ssl= parameter (under Other parameters).");
    m_verdict->setText(verdict);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void UrlBuilderDialog::fieldsChanged()
{
    if (m_syncing)
        return;
    const QString scheme = m_scheme->currentData().toString();
    m_components.keyValueForm = scheme.isEmpty();
    m_components.scheme = scheme;
    const QStringList hosts = m_hosts->text().trimmed().isEmpty() ? QStringList() : m_hosts->text().split(u',');
    const QStringList ports = m_ports->text().trimmed().isEmpty() ? QStringList() : m_ports->text().split(u',');
    m_components.hosts.clear();
    // One port for several hosts applies to each, as libpq reads a single port.
    for (qsizetype i = 0; i < std::max(hosts.size(), ports.size()); ++i)
        m_components.hosts.append(
            {hosts.value(i).trimmed(), (ports.size() == 1 ? ports.first() : ports.value(i)).trimmed()});
    m_components.database = m_database->text();
    m_components.user = m_user->text();
    m_components.password = m_password->text();
    QList<core::appconfig::ConnectionParameter> query;
    // Keep the dedicated parameters where they were written; the rest follow the text box's order.
    for (const core::appconfig::ConnectionParameter &p : std::as_const(m_components.query))
        if (ownFields().contains(p.keyword))
            query.append(p);
    for (const QString &line : m_other->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype eq = line.indexOf(u'=');
        const QString keyword = (eq < 0 ? line : line.left(eq)).trimmed();
        if (!keyword.isEmpty() && !ownFields().contains(keyword))
            query.append({keyword, eq < 0 ? QString() : line.mid(eq + 1).trimmed()});
    }
    m_components.query = query;
    m_components.setParameter(u"sslmode"_s, m_sslMode->currentData().toString());
    m_components.setParameter(u"sslrootcert"_s, m_sslRootCert->text().trimmed());
    m_components.setParameter(u"sslcert"_s, m_sslCert->text().trimmed());
    m_components.setParameter(u"sslkey"_s, m_sslKey->text().trimmed());
    m_url = ConnectionUrlFormatter::format(m_components);
    m_syncing = true;
    showText();
    m_syncing = false;
}

void UrlBuilderDialog::textChanged(const QString &text)
{
    if (m_syncing)
        return;
    m_url = text;
    const std::optional<UrlComponents> parsed = ConnectionUrlFormatter::decompose(text);
    if (parsed) {
        m_components = *parsed;
        m_syncing = true;
        showComponents();
        m_syncing = false;
    }
    showText();
}

} // namespace pgdial::ui::editors::app
