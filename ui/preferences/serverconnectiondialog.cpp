#include "preferences/serverconnectiondialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pgdial::ui::preferences {

ServerConnectionDialog::ServerConnectionDialog(const QString &maskedConninfo, QWidget *parent)
    : QDialog(parent)
    , m_conninfo(new QLineEdit(this))
    , m_password(new QLineEdit(this))
{
    setObjectName(u"serverConnectionDialog"_s);
    setWindowTitle(tr("Server Connection"));
    m_conninfo->setObjectName(u"serverConninfo"_s);
    m_conninfo->setPlaceholderText(u"host=db.example.com port=5432 user=postgres dbname=postgres"_s);
    m_conninfo->setToolTip(tr("A libpq connection string or postgresql:// URI of an admin role (a superuser "
                              "sees every source file and pg_hba.conf rule)"));
    m_conninfo->setMinimumWidth(fontMetrics().horizontalAdvance(u'M') * 36);
    // A masked password must not be sent back as the password: the user types it again.
    if (!maskedConninfo.contains(QChar(0x2022)))
        m_conninfo->setText(maskedConninfo);
    m_password->setObjectName(u"serverPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("from .pgpass or PGPASSWORD when empty"));

    auto *note = new QLabel(tr("The password is kept in memory for this session only; it is never saved."), this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Connection:"), m_conninfo);
    form->addRow(tr("&Password:"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"serverConnectionButtons"_s);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"serverConnect"_s);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"serverCancel"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString ServerConnectionDialog::conninfo() const
{
    return withPassword(m_conninfo->text().trimmed(), m_password->text());
}

QString ServerConnectionDialog::withPassword(const QString &conninfo, const QString &password)
{
    if (password.isEmpty())
        return conninfo;
    if (conninfo.startsWith(u"postgresql://"_s) || conninfo.startsWith(u"postgres://"_s)) {
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(password));
        return conninfo + (conninfo.contains(u'?') ? u'&' : u'?') + u"password="_s + encoded;
    }
    QString quoted = password;
    quoted.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
    return conninfo + u" password='"_s + quoted + u'\'';
}

} // namespace pgdial::ui::preferences
