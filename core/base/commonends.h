#pragma once

#include <QtGlobal>

namespace pgdial::core::base {

// How many leading and trailing elements two sequences share (never overlapping): the part a
// diff or a model update between them can leave alone.
struct CommonEnds
{
    qsizetype head = 0;
    qsizetype tail = 0;
};

template<typename List> CommonEnds commonEnds(const List &before, const List &after)
{
    const qsizetype beforeSize = before.size();
    const qsizetype afterSize = after.size();
    CommonEnds ends;
    while (ends.head < beforeSize && ends.head < afterSize && before.at(ends.head) == after.at(ends.head))
        ++ends.head;
    while (ends.tail < beforeSize - ends.head && ends.tail < afterSize - ends.head
           && before.at(beforeSize - 1 - ends.tail) == after.at(afterSize - 1 - ends.tail))
        ++ends.tail;
    return ends;
}

} // namespace pgdial::core::base
