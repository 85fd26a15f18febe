#include "hba/hbaaddressparser.h"

#include <QCoreApplication>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace pgdial::core::hba {

namespace {

QString text(const HbaRawToken &token)
{
    return QString::fromUtf8(token.bytes);
}

// The sockaddr the server gets from pg_getaddrinfo_all(AI_NUMERICHOST, AF_UNSPEC).
struct NumericAddress
{
    int status = 0; // getaddrinfo() result
    sockaddr_storage storage {};
    socklen_t length = 0;
};

// Plain dotted-quad decimal ("10.1.2.0", no leading zeros): the form nearly every rule uses.
// glibc's inet_aton-based numeric parse gives the same bytes for it, so it skips getaddrinfo()
// (whose allocation and locking dominated parsing large files). Anything else returns false and
// goes through getaddrinfo(), which keeps the shorthand, octal and hex forms exact.
bool plainDottedQuad(QByteArrayView host, quint8 out[4])
{
    const char *p = host.constData();
    const char *end = p + host.size();
    for (int part = 0; part < 4; ++part) {
        if (p == end || *p < '0' || *p > '9')
            return false;
        if (*p == '0' && p + 1 != end && p[1] >= '0' && p[1] <= '9')
            return false; // octal in inet_aton
        int value = 0;
        int digits = 0;
        while (p != end && *p >= '0' && *p <= '9' && digits < 4) {
            value = value * 10 + (*p - '0');
            ++p;
            ++digits;
        }
        if (value > 255 || digits > 3)
            return false;
        out[part] = quint8(value);
        if (part < 3) {
            if (p == end || *p != '.')
                return false;
            ++p;
        }
    }
    return p == end;
}

NumericAddress numericAddress(QByteArrayView hostView)
{
    NumericAddress result;
    if (quint8 bytes[4]; plainDottedQuad(hostView, bytes)) {
        auto *in = reinterpret_cast<sockaddr_in *>(&result.storage);
        in->sin_family = AF_INET;
        std::memcpy(&in->sin_addr, bytes, 4);
        result.length = sizeof(sockaddr_in);
        return result;
    }
    const QByteArray host = hostView.toByteArray(); // NUL-terminated for getaddrinfo()
    addrinfo hints {};
    hints.ai_flags = AI_NUMERICHOST;
    hints.ai_family = AF_UNSPEC;
    addrinfo *info = nullptr;
    // pg_getaddrinfo_all() passes NULL for an empty host name.
    result.status = ::getaddrinfo(host.isEmpty() ? nullptr : host.constData(), nullptr, &hints, &info);
    if (result.status == 0 && info) {
        std::memcpy(&result.storage, info->ai_addr, info->ai_addrlen);
        result.length = info->ai_addrlen;
    } else if (result.status == 0) {
        result.status = EAI_NONAME;
    }
    if (info)
        ::freeaddrinfo(info);
    return result;
}

QString numericHost(const sockaddr_storage &storage, socklen_t length)
{
    if (storage.ss_family == AF_INET) {
        // What getnameinfo(NI_NUMERICHOST) prints for IPv4 (inet_ntop), without its overhead.
        const auto *bytes
            = reinterpret_cast<const quint8 *>(&reinterpret_cast<const sockaddr_in *>(&storage)->sin_addr);
        char text[16];
        char *p = text;
        for (int i = 0; i < 4; ++i) {
            if (i > 0)
                *p++ = '.';
            const int value = bytes[i];
            if (value >= 100)
                *p++ = char('0' + value / 100);
            if (value >= 10)
                *p++ = char('0' + value / 10 % 10);
            *p++ = char('0' + value % 10);
        }
        return QString::fromLatin1(text, p - text);
    }
    char host[NI_MAXHOST] = {};
    if (::getnameinfo(reinterpret_cast<const sockaddr *>(&storage), length, host, sizeof host, nullptr, 0,
                      NI_NUMERICHOST)
        != 0)
        return {};
    // The view prints addresses through clean_ipv6_addr(), which drops a zone ("%lo").
    QString text = QString::fromLatin1(host);
    if (storage.ss_family == AF_INET6)
        text = text.section(u'%', 0, 0);
    return text;
}

QByteArray addressBytes(const sockaddr_storage &storage)
{
    if (storage.ss_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(&storage);
        return QByteArray(reinterpret_cast<const char *>(&in->sin_addr), 4);
    }
    const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&storage);
    return QByteArray(reinterpret_cast<const char *>(&in6->sin6_addr), 16);
}

// strtol() + the range check of pg_sockaddr_cidr_mask().
std::optional<int> cidrBits(QByteArrayView bits, int family)
{
    qsizetype i = 0;
    while (i < bits.size() && (bits.at(i) == ' ' || (bits.at(i) >= '\t' && bits.at(i) <= '\r')))
        ++i;
    bool negative = false;
    if (i < bits.size() && (bits.at(i) == '+' || bits.at(i) == '-'))
        negative = bits.at(i++) == '-';
    const qsizetype digitsStart = i;
    qint64 value = 0;
    while (i < bits.size() && bits.at(i) >= '0' && bits.at(i) <= '9') {
        value = std::min<qint64>(value * 10 + (bits.at(i) - '0'), 1000000);
        ++i;
    }
    if (bits.isEmpty() || i == digitsStart || i != bits.size())
        return std::nullopt;
    if (negative)
        value = -value;
    const int maxBits = family == AF_INET ? 32 : 128;
    if (value < 0 || value > maxBits)
        return std::nullopt;
    return static_cast<int>(value);
}

QByteArray computeMaskFromBits(int bits, int length)
{
    QByteArray mask(length, '\0');
    for (int i = 0; i < length; ++i) {
        const int take = std::clamp(bits - i * 8, 0, 8);
        mask[i] = static_cast<char>(take == 0 ? 0 : (0xFF << (8 - take)) & 0xFF);
    }
    return mask;
}

// Masks and their printed form per prefix length, built once: nearly every rule has /N, and
// sharing them spares two allocations per rule.
struct PrefixMask
{
    QByteArray mask;
    QString text;
};

const PrefixMask &prefixMask(int bits, int family);

int prefixFromMask(const QByteArray &mask)
{
    int bits = 0;
    bool seenZero = false;
    for (char byte : mask) {
        for (int bit = 7; bit >= 0; --bit) {
            const bool set = (static_cast<unsigned char>(byte) >> bit) & 1;
            if (set && seenZero)
                return -1;
            if (set)
                ++bits;
            else
                seenZero = true;
        }
    }
    return bits;
}

QString maskText(const QByteArray &mask, int family)
{
    sockaddr_storage storage {};
    socklen_t length = 0;
    if (family == AF_INET) {
        auto *in = reinterpret_cast<sockaddr_in *>(&storage);
        in->sin_family = AF_INET;
        std::memcpy(&in->sin_addr, mask.constData(), 4);
        length = sizeof(sockaddr_in);
    } else {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        std::memcpy(&in6->sin6_addr, mask.constData(), 16);
        length = sizeof(sockaddr_in6);
    }
    return numericHost(storage, length);
}

const PrefixMask &prefixMask(int bits, int family)
{
    auto build = [](int length) {
        QList<PrefixMask> table;
        for (int b = 0; b <= length * 8; ++b) {
            PrefixMask entry;
            entry.mask = computeMaskFromBits(b, length);
            entry.text = maskText(entry.mask, length == 4 ? AF_INET : AF_INET6);
            table.append(entry);
        }
        return table;
    };
    static const QList<PrefixMask> v4 = build(4);
    static const QList<PrefixMask> v6 = build(16);
    return family == AF_INET ? v4.at(bits) : v6.at(bits);
}

} // namespace

bool HbaAddressParser::isNumericHost(const QByteArray &host)
{
    return numericAddress(host).status == 0;
}

bool HbaAddressParser::parse(const HbaRawLine &line, int &index, HbaRule &rule, HbaLineProblem &problem)
{
    const auto &fields = line.fields;
    if (index >= fields.size())
        return problem.fail(rule, u"hba.missing-field"_s, u"end-of-line before IP address specification"_s,
                            line.lineSpan);
    const HbaRawField &field = fields.at(index);
    rule.addressSpan = field.span;
    if (field.tokens.size() > 1)
        return problem.fail(rule, u"hba.multiple-values"_s, u"multiple values specified for host address"_s,
                            field.span);
    const HbaRawToken &token = field.tokens.first();
    HbaAddress address;
    address.text = text(token);
    if (!token.quoted && token.bytes == "all") {
        address.kind = HbaAddressKind::All;
    } else if (!token.quoted && token.bytes == "samehost") {
        address.kind = HbaAddressKind::SameHost;
    } else if (!token.quoted && token.bytes == "samenet") {
        address.kind = HbaAddressKind::SameNet;
    } else {
        const QByteArrayView written(token.bytes);
        const qsizetype slash = written.indexOf('/');
        const QByteArrayView host = slash >= 0 ? written.first(slash) : written;
        std::optional<QByteArrayView> bits;
        if (slash >= 0)
            bits = written.sliced(slash + 1);
        const NumericAddress parsed = numericAddress(host);
        if (parsed.status == EAI_NONAME) {
            if (bits)
                return problem.fail(rule, u"hba.hostname-with-cidr"_s,
                                    u"specifying both host name and CIDR mask is invalid: \"%1\""_s.arg(address.text),
                                    field.span);
            address.kind = host.startsWith('.') ? HbaAddressKind::HostSuffix : HbaAddressKind::HostName;
            address.text = QString::fromUtf8(host);
        } else if (parsed.status != 0) {
            return problem.fail(rule, u"hba.invalid-address"_s,
                                u"invalid IP address \"%1\": %2"_s.arg(
                                    QString::fromUtf8(host), QString::fromLocal8Bit(::gai_strerror(parsed.status))),
                                field.span);
        } else {
            address.kind = HbaAddressKind::Cidr;
            address.family = parsed.storage.ss_family;
            address.address = addressBytes(parsed.storage);
            address.parsedText = numericHost(parsed.storage, parsed.length);
            if (bits) {
                const auto prefix = cidrBits(*bits, address.family);
                if (!prefix)
                    return problem.fail(rule, u"hba.invalid-cidr-mask"_s,
                                        u"invalid CIDR mask in address \"%1\""_s.arg(address.text), field.span);
                address.prefixLength = *prefix;
                const PrefixMask &shared = prefixMask(*prefix, address.family);
                address.mask = shared.mask;
                address.parsedMaskText = shared.text;
            } else {
                const bool v4 = address.family == AF_INET;
                auto addPrefixFix = [&] {
                    problem.span = field.span;
                    if (field.span.begin.line == field.span.end.line && !token.quoted && token.viaAtFile.isEmpty())
                        problem.replacementText = address.text + (v4 ? u"/32"_s : u"/128"_s);
                    problem.suggestion = QCoreApplication::translate(
                        "HbaParser",
                        "Give the address a prefix length (/32 for one IPv4 host, /128 for IPv6) or a netmask column.");
                };
                ++index;
                if (index >= fields.size()) {
                    problem.fail(rule, u"hba.missing-netmask"_s, u"end-of-line before netmask specification"_s,
                                 line.lineSpan);
                    addPrefixFix();
                    return false;
                }
                const HbaRawField &maskField = fields.at(index);
                rule.netmaskSpan = maskField.span;
                if (maskField.tokens.size() > 1)
                    return problem.fail(rule, u"hba.multiple-values"_s, u"multiple values specified for netmask"_s,
                                        maskField.span);
                const QByteArray maskToken = maskField.tokens.first().bytes;
                const NumericAddress mask = numericAddress(maskToken);
                if (mask.status != 0) {
                    problem.fail(rule, u"hba.missing-netmask"_s,
                                 u"invalid IP mask \"%1\": %2"_s.arg(
                                     QString::fromUtf8(maskToken), QString::fromLocal8Bit(::gai_strerror(mask.status))),
                                 maskField.span);
                    addPrefixFix();
                    return false;
                }
                if (mask.storage.ss_family != parsed.storage.ss_family)
                    return problem.fail(rule, u"hba.address-mask-mismatch"_s, u"IP address and mask do not match"_s,
                                        maskField.span);
                address.hasNetmaskColumn = true;
                address.netmaskText = QString::fromUtf8(maskToken);
                address.mask = addressBytes(mask.storage);
                address.prefixLength = prefixFromMask(address.mask);
                address.parsedMaskText = numericHost(mask.storage, mask.length);
            }
            if (address.parsedMaskText.isEmpty())
                address.parsedMaskText = maskText(address.mask, address.family);
        }
    }
    rule.address = address;
    return true;
}

} // namespace pgdial::core::hba
