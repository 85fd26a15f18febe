#pragma once

#include "hba/hbarule.h"

#include <QList>

namespace pgdial::core::hba {

// A rule no connection can ever reach, because earlier rules take every connection it would.
struct HbaDeadRule
{
    enum class Kind {
        Shadowed, // earlier rules with other outcomes take its connections
        Redundant, // earlier rules with the same method and options take them: safe to delete
        Conflicting, // an earlier rule with the same coverage decides differently
    };
    int index = 0; // into the analysed rule list
    const HbaRule *rule = nullptr;
    Kind kind = Kind::Shadowed;
    QList<int> shadowedBy; // indices of the earlier rules that together cover it
};

} // namespace pgdial::core::hba
