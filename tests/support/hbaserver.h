#pragma once

#include "support/pgtestserver.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

struct pg_conn;

namespace pgdial::test {

// One row of pg_hba_file_rules. SQL NULLs are null QStrings; `allNull` marks the rows where every
// rule column and the error are NULL although the line is bad (HbaRule::viewError explains).
struct HbaServerRow
{
    int lineNumber = 0;
    QString fileName; // absolute (PG16+); empty before
    QString type;
    QStringList database;
    QStringList userName;
    QString address;
    QString netmask;
    QString authMethod;
    QStringList options;
    QString error;
    bool allNull = false;
};

struct HbaServerVerdict
{
    bool queried = false; // the view could be read
    QString queryError;
    QList<HbaServerRow> rows;
    bool reloadAccepted = false; // the postmaster took the file on SIGHUP
    QByteArray reloadLog; // what the server logged while reloading
};

// A real server set up to judge pg_hba.conf files: hba_file points at a fixed path in a folder
// the test fills per case; a single superuser connection opened at start stays open, so the
// rules a case installs never lock the test out. Each reload is bracketed in the log by a
// deliberately broken pg_ident.conf ("pg_ident.conf was not reloaded" comes after the hba verdict).
// Shared by the parser's corpus test and the simulator's connection test.
class HbaServer
{
public:
    explicit HbaServer(int major);
    ~HbaServer();
    HbaServer(const HbaServer &) = delete;
    HbaServer &operator=(const HbaServer &) = delete;

    // initdb, configure, start and connect. False with errorString() on failure.
    bool start(const QByteArray &extraConfig = {});
    QString errorString() const { return m_error; }
    int major() const { return m_server.major(); }
    PgTestServer &server() { return m_server; }

    QString hbaDirectory() const; // the folder a case is copied into
    QString hbaFile() const; // hbaDirectory()/pg_hba.conf

    // Empties hbaDirectory() and copies a case into it: a file becomes pg_hba.conf; a folder is
    // copied whole (it must contain pg_hba.conf).
    bool installCase(const QString &fileOrFolder);
    bool writeHbaFile(const QString &relativePath, const QByteArray &bytes);

    // Reads pg_hba_file_rules for the installed files and, when `reload`, reloads and tells
    // whether the postmaster accepted them.
    HbaServerVerdict evaluate(bool reload = true);
    // Puts back a trust-everything pg_hba.conf and reloads (new connections work again).
    bool restoreTrust();

    // Over the persistent connection.
    QueryResult query(const QString &sql);

    // What this build refuses as "not supported by this build", found by asking the view.
    QSet<QString> unsupportedMethods();
    bool gssEncSupported();

private:
    PgTestServer m_server;
    pg_conn *m_connection = nullptr;
    QString m_error;
};

} // namespace pgdial::test
