#pragma once

#include "hba/hbaconnectionattempt.h"
#include "hba/hbaeditor.h"
#include "hba/hbafile.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::hba {

// A server refusal that names the connection: "no pg_hba.conf entry for host ..." or
// "pg_hba.conf rejects connection for host ..." in all their variants (replication, "[local]",
// "no encryption" / "SSL encryption" / "GSS encryption", pre-14 "SSL on"/"SSL off", none).
struct HbaRejection
{
    enum class Kind { NoEntry, Rejected };
    enum class Encryption { Unknown, None, Ssl, Gss };

    Kind kind = Kind::NoEntry;
    bool replication = false; // physical replication connection
    QString host; // as printed: an IP address or "[local]"
    QString user;
    QString database; // empty for replication connections
    Encryption encryption = Encryption::Unknown;

    bool isLocal() const { return host == u"[local]"; }
    // The attempt as pgdial's simulator takes it (no group memberships: unknown from the message).
    HbaConnectionAttempt attempt() const;

    // Finds the message anywhere in `text` (libpq's "connection to server ... failed: FATAL: ..."
    // prefix, log lines with timestamps are fine). nullopt when there is none.
    static std::optional<HbaRejection> parse(const QString &text);
};

// A rule that admits a refused connection, and where to put it.
struct HbaRuleProposal
{
    QStringList fields; // type, database, user, [address], method
    QString ruleText; // fields joined by single spaces
    QString file; // file to insert into (relative, like HbaRule::file)
    int beforeLine = 0; // 1-based line to insert before (0: at the end of `file`)
    int line = 0; // 1-based line the new rule gets in `file` (0 only when the file is unknown)
    const HbaRule *beforeRule = nullptr; // the first rule that would otherwise take it
    // beforeRule is a `reject` line: the rule lets the connection past a deliberate reject (the
    // notes say so; the app asks before inserting).
    bool bypassesReject = false;
    // The file wants these connections over TLS (a `hostnossl ... reject`, or only hostssl rules
    // for them): the rule is hostssl and the client must use this sslmode or stronger.
    QString clientSslMode;
    // With clientSslMode: a rule that already admits the connection over TLS (no rule needed).
    const HbaRule *admittedOverTls = nullptr;
    QStringList notes; // what the proposal assumes, for people
};

class HbaRuleProposer
{
public:
    // The narrowest rule for the refused connection (one database, one user, one address /32 or
    // /128, the connection's own encryption) with `method`, placed before the first rule that
    // would shadow it (the first rule that may take some of its connections with another outcome).
    // The file's TLS policy wins over the connection's encryption: hostssl where the file turns
    // away or never admits plain TCP for these connections (clientSslMode says so).
    static HbaRuleProposal propose(const HbaFile &file, const HbaRejection &rejection,
                                   const QString &method = QStringLiteral("scram-sha-256"));
    // The same, as an edit of the document of `proposal.file`.
    static HbaEdit toEdit(const base::TextDocument &document, const HbaRuleProposal &proposal);
};

} // namespace pgdial::core::hba
