#include "hba/catoi.h"

#include <limits>

namespace pgdial::core::hba {

int cAtoi(QStringView text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n && (text[i] == u' ' || (text[i] >= u'\t' && text[i] <= u'\r')))
        ++i;
    bool negative = false;
    if (i < n && (text[i] == u'+' || text[i] == u'-'))
        negative = text[i++] == u'-';
    // The magnitude strtol() can return: LONG_MAX, or one more for LONG_MIN.
    const quint64 limit = quint64(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0);
    quint64 magnitude = 0;
    bool overflow = false;
    for (; i < n && text[i] >= u'0' && text[i] <= u'9'; ++i) {
        const quint64 digit = text[i].unicode() - u'0';
        if (overflow || magnitude > (limit - digit) / 10)
            overflow = true;
        else
            magnitude = magnitude * 10 + digit;
    }
    if (overflow)
        magnitude = limit;
    const quint64 bits = negative ? quint64(0) - magnitude : magnitude;
    return static_cast<int>(static_cast<quint32>(bits)); // low 32 bits, two's complement
}

} // namespace pgdial::core::hba
