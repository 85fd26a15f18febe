#pragma once

#include "hba/hbarule.h"

#include <QByteArray>

#include <string>

namespace pgdial::core::hba {

// Set relations between the connections two rules take, from the rule texts alone and
// conservatively: `covers` is only true when provable (host names, regexes, groups and samerole
// count as unknown unless matched by an identical or `all` entry), `mayOverlap` only false when
// provable.
class HbaCoverage
{
public:
    // Connection kinds as bits: a rule's type is the set of kinds it accepts.
    enum Kind : quint8 { KindLocal = 1, KindTcp = 2, KindSsl = 4, KindGss = 8 };
    static quint8 typeMask(HbaConnectionType type);

    // True when every connection `inner` takes is also taken by `outer`.
    static bool covers(const HbaRule &outer, const HbaRule &inner);
    // False only when no connection can match both.
    static bool mayOverlap(const HbaRule &a, const HbaRule &b);
    // Same method and options: whichever of the two decides, the outcome is the same.
    static bool sameOutcome(const HbaRule &a, const HbaRule &b);

    // Two database (user) tokens with the same key accept exactly the same names.
    static QByteArray databaseKey(const HbaToken &token);
    static QByteArray userKey(const HbaToken &token);
    // The same keys in UTF-16, appended to `out`: the shadow finder builds them in one reused
    // buffer instead of allocating a key per token.
    static void appendDatabaseKey(std::u16string &out, const HbaToken &token);
    static void appendUserKey(std::u16string &out, const HbaToken &token);
};

} // namespace pgdial::core::hba
