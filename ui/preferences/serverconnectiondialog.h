#pragma once

#include <QDialog>

class QLineEdit;

namespace pgdial::ui::preferences {

// Project > Server connection…: the server the project's files are compared with. The password
// field's value only joins the connection string in memory; nothing here is written to
// QSettings or the project (libpq's own .pgpass, service file and PG* variables also work).
class ServerConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerConnectionDialog)

public:
    explicit ServerConnectionDialog(const QString &maskedConninfo, QWidget *parent = nullptr);

    // The connection string with the password added (as a key=value pair, or a URI parameter).
    QString conninfo() const;
    // Adds `password` to `conninfo` in the form libpq reads for that kind of string.
    static QString withPassword(const QString &conninfo, const QString &password);

private:
    QLineEdit *m_conninfo;
    QLineEdit *m_password;
};

} // namespace pgdial::ui::preferences
