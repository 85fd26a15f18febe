#pragma once

#include "hba/hbalineproblem.h"
#include "hba/hbarule.h"
#include "hba/hbatokenizer.h"

#include <QByteArray>

namespace pgdial::core::hba {

// The address field(s) of a host* line as parse_hba_line() reads them: keywords, host names and
// suffixes, numeric addresses through getaddrinfo(AI_NUMERICHOST) (so glibc's shorthand forms
// count), a /prefix or a netmask column.
class HbaAddressParser
{
public:
    // Reads the field at `index` (and the netmask field after it, advancing `index`) into
    // rule.address; false with `problem` and the rule's error filled when the server refuses it.
    static bool parse(const HbaRawLine &line, int &index, HbaRule &rule, HbaLineProblem &problem);

    // Whether getaddrinfo(AI_NUMERICHOST) takes `host` (a netmask read as the method, say).
    static bool isNumericHost(const QByteArray &host);
};

} // namespace pgdial::core::hba
