#pragma once

#include "appconfig/connectionurlformatter.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace pgdial::ui::editors::app {

// Edits a PostgreSQL connection string field by field (driver, hosts and ports, database, user,
// password, sslmode, certificate files, other parameters) and as text, both ways: a field edit
// rewrites the text (percent-encoding the password and whatever else needs it), a text edit fills
// the fields (decoded by libpq's own rules). While secrets are hidden the password field and the
// text show bullets and the text is read-only; the password can still be replaced.
class UrlBuilderDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UrlBuilderDialog)

public:
    UrlBuilderDialog(const QString &url, bool revealSecrets, QWidget *parent = nullptr);

    QString url() const { return m_url; }
    core::appconfig::UrlComponents components() const { return m_components; }

private:
    QString m_url;
    core::appconfig::UrlComponents m_components;
    bool m_reveal;
    bool m_syncing = false;
    int m_standardSchemes = 0;
    int m_standardModes = 0;

    QComboBox *m_scheme;
    QLineEdit *m_hosts;
    QLineEdit *m_ports;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_sslMode;
    QLineEdit *m_sslRootCert;
    QLineEdit *m_sslCert;
    QLineEdit *m_sslKey;
    QPlainTextEdit *m_other;
    QLineEdit *m_text;
    QLabel *m_verdict;
    QDialogButtonBox *m_buttons;

    QWidget *fileRow(QLineEdit *edit, const QString &name, const QString &title);
    void fieldsChanged();
    void textChanged(const QString &text);
    void showComponents();
    void showText();
};

} // namespace pgdial::ui::editors::app
