#pragma once

#include "hba/hbadeadrule.h"
#include "hba/hbarule.h"

#include <QList>

namespace pgdial::core::hba {

// Finds the rules earlier rules make unreachable, in one pass over the list: every live rule is
// indexed by (database key, user key, address network), and a rule is dead when each of its
// (connection kind, database, user) pieces is found under a key that covers its address. Near
// linear in the number of rules; conservative (a rule it cannot prove dead stays alive).
class HbaShadowFinder
{
public:
    static QList<HbaDeadRule> find(const QList<const HbaRule *> &rules);
};

} // namespace pgdial::core::hba
