#include "base/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>

namespace pgdial::core::base {

namespace {

// Flushed past this size: large enough that writes to stdout are few, small enough that a report
// never holds much of its text.
constexpr qsizetype flushSize = 64 * 1024;

char hexDigit(unsigned value)
{
    // Lower case, as Qt writes them.
    return static_cast<char>(value < 10 ? '0' + value : 'a' + value - 10);
}

// One ASCII code unit as Qt's JSON writer escapes it. Returns the position after it.
char *putAscii(char *out, char16_t u)
{
    if (u >= 0x20 && u != '"' && u != '\\') {
        *out++ = static_cast<char>(u);
        return out;
    }
    *out++ = '\\';
    switch (u) {
    case '"':
        *out++ = '"';
        break;
    case '\\':
        *out++ = '\\';
        break;
    case '\b':
        *out++ = 'b';
        break;
    case '\f':
        *out++ = 'f';
        break;
    case '\n':
        *out++ = 'n';
        break;
    case '\r':
        *out++ = 'r';
        break;
    case '\t':
        *out++ = 't';
        break;
    default:
        *out++ = 'u';
        *out++ = '0';
        *out++ = '0';
        *out++ = hexDigit(u >> 4);
        *out++ = hexDigit(u & 0xf);
    }
    return out;
}

char *putUnicodeEscape(char *out, char16_t u)
{
    *out++ = '\\';
    *out++ = 'u';
    *out++ = hexDigit((u >> 12) & 0xf);
    *out++ = hexDigit((u >> 8) & 0xf);
    *out++ = hexDigit((u >> 4) & 0xf);
    *out++ = hexDigit(u & 0xf);
    return out;
}

} // namespace

JsonWriter::JsonWriter(Sink sink)
    : m_sink(std::move(sink))
{
    m_buffer.reserve(flushSize + 4096);
}

JsonWriter::~JsonWriter()
{
    flush();
}

bool JsonWriter::isAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

void JsonWriter::flush()
{
    if (m_buffer.isEmpty())
        return;
    m_sink(m_buffer);
    m_buffer.resize(0); // keeps the capacity
}

void JsonWriter::maybeFlush()
{
    if (m_buffer.size() >= flushSize)
        flush();
}

void JsonWriter::indent(qsizetype depth)
{
    static constexpr char spaces[] = "                                                                ";
    qsizetype count = 4 * depth;
    while (count > 0) {
        const qsizetype chunk = std::min<qsizetype>(count, sizeof spaces - 1);
        m_buffer.append(spaces, chunk);
        count -= chunk;
    }
}

// Qt writes each element or member on its own line, indented four spaces per level, separated by
// ",\n"; a value after a key follows it on the same line.
void JsonWriter::beforeValue()
{
    maybeFlush();
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_counts.isEmpty())
        return; // the document itself
    if (m_counts.last()++ > 0)
        m_buffer.append(",\n", 2);
    indent(m_counts.size());
}

void JsonWriter::key(QLatin1StringView name)
{
    if (m_counts.last()++ > 0)
        m_buffer.append(",\n", 2);
    indent(m_counts.size());
    writeText(name);
    m_buffer.append(": ", 2);
    m_afterKey = true;
}

void JsonWriter::beginObject()
{
    beforeValue();
    m_buffer.append("{\n", 2);
    m_counts.append(0);
}

void JsonWriter::beginArray()
{
    beforeValue();
    m_buffer.append("[\n", 2);
    m_counts.append(0);
}

void JsonWriter::close(char bracket)
{
    const qsizetype count = m_counts.last();
    m_counts.removeLast();
    if (count > 0)
        m_buffer.append('\n');
    // An empty container is "[\n" and the closing bracket's indentation, as Qt writes it.
    indent(m_counts.size());
    m_buffer.append(bracket);
    if (m_counts.isEmpty())
        m_buffer.append('\n'); // QJsonDocument::toJson ends the document with a newline
    maybeFlush();
}

void JsonWriter::endObject()
{
    close('}');
}

void JsonWriter::endArray()
{
    close(']');
}

void JsonWriter::string(QStringView text)
{
    beforeValue();
    writeText(text);
}

void JsonWriter::string(QLatin1StringView text)
{
    beforeValue();
    writeText(text);
}

void JsonWriter::writeText(QStringView text)
{
    // At most 6 bytes per UTF-16 code unit (\uXXXX), plus the quotes.
    const qsizetype start = m_buffer.size();
    m_buffer.resize(start + 6 * text.size() + 2);
    char *out = m_buffer.data() + start;
    *out++ = '"';
    const char16_t *src = text.utf16();
    const char16_t *const end = src + text.size();
    while (src != end) {
        // Plain ASCII, the bulk of any report, in a tight loop (the condition is written out: a
        // debug build would call a function per character).
        while (src != end && *src >= 0x20 && *src < 0x80 && *src != '"' && *src != '\\')
            *out++ = static_cast<char>(*src++);
        if (src == end)
            break;
        const char16_t u = *src++;
        if (u < 0x80) {
            out = putAscii(out, u);
        } else if (u < 0x800) {
            *out++ = static_cast<char>(0xc0 | (u >> 6));
            *out++ = static_cast<char>(0x80 | (u & 0x3f));
        } else if (!QChar::isSurrogate(u)) {
            *out++ = static_cast<char>(0xe0 | (u >> 12));
            *out++ = static_cast<char>(0x80 | ((u >> 6) & 0x3f));
            *out++ = static_cast<char>(0x80 | (u & 0x3f));
        } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
            const char32_t c = QChar::surrogateToUcs4(u, *src++);
            *out++ = static_cast<char>(0xf0 | (c >> 18));
            *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3f));
            *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3f));
            *out++ = static_cast<char>(0x80 | (c & 0x3f));
        } else {
            // Not valid UTF-16: Qt writes the code unit as an escape and goes on.
            out = putUnicodeEscape(out, u);
        }
    }
    *out++ = '"';
    m_buffer.resize(out - m_buffer.constData());
}

void JsonWriter::writeText(QLatin1StringView text)
{
    const qsizetype start = m_buffer.size();
    m_buffer.resize(start + 6 * text.size() + 2);
    char *out = m_buffer.data() + start;
    *out++ = '"';
    const char *src = text.data();
    const char *const end = src + text.size();
    while (src != end) {
        const char *run = src;
        // Plain ASCII in runs, copied at once.
        while (src != end && static_cast<unsigned char>(*src) >= 0x20 && static_cast<unsigned char>(*src) < 0x80
               && *src != '"' && *src != '\\')
            ++src;
        std::memcpy(out, run, src - run);
        out += src - run;
        if (src == end)
            break;
        const auto u = static_cast<unsigned char>(*src++);
        if (u < 0x80) {
            out = putAscii(out, u);
        } else {
            *out++ = static_cast<char>(0xc0 | (u >> 6));
            *out++ = static_cast<char>(0x80 | (u & 0x3f));
        }
    }
    *out++ = '"';
    m_buffer.resize(out - m_buffer.constData());
}

void JsonWriter::number(qint64 number)
{
    beforeValue();
    m_buffer.append(QByteArray::number(number));
}

void JsonWriter::boolean(bool value)
{
    beforeValue();
    if (value)
        m_buffer.append("true", 4);
    else
        m_buffer.append("false", 5);
}

void JsonWriter::null()
{
    beforeValue();
    m_buffer.append("null", 4);
}

void JsonWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        boolean(value.toBool());
        break;
    case QJsonValue::String:
        string(value.toString());
        break;
    case QJsonValue::Array: {
        beginArray();
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array)
            this->value(element);
        endArray();
        break;
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            // Keys are written through the UTF-16 path: they need not be Latin-1.
            if (m_counts.last()++ > 0)
                m_buffer.append(",\n", 2);
            indent(m_counts.size());
            writeText(it.key());
            m_buffer.append(": ", 2);
            m_afterKey = true;
            this->value(it.value());
        }
        endObject();
        break;
    }
    case QJsonValue::Double: {
        // Integers and fractions as Qt formats them (its rules for large and non-integral numbers
        // are not worth copying): write a one-element array and keep what is between the brackets.
        beforeValue();
        const QByteArray compact = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
        m_buffer.append(compact.mid(1, compact.size() - 2));
        break;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        null();
        break;
    }
}

} // namespace pgdial::core::base
