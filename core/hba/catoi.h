#pragma once

#include <QStringView>

namespace pgdial::core::hba {

// C's atoi() as glibc computes it, for the options the server reads with atoi() (ldapport,
// radiusports): (int) strtol(text, NULL, 10). Leading C-locale blanks, one sign, then the digits
// that follow ("389x" is 389, "x" is 0); a value beyond the range of long saturates as strtol()
// does, and the conversion to int keeps the low 32 bits, as the server's does.
int cAtoi(QStringView text);

} // namespace pgdial::core::hba
