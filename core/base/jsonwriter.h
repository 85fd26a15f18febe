#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QStringView>
#include <QVarLengthArray>

#include <functional>

namespace pgdial::core::base {

// Writes a JSON document piece by piece, byte for byte as QJsonDocument::toJson(Indented) writes
// the same document, and hands the text to a sink every few kilobytes. A command reporting on a
// 1,000,000-line postgresql.conf would otherwise hold a QJsonDocument tree and its 400 MB of text
// at once (2.6 GB); JSON shapes are contracts, so streaming must not change a byte of them.
//
// Like QJsonObject, the caller writes an object's members sorted by key (UTF-16 order); the
// writer does not reorder or check. Text is written as Qt writes it: UTF-8, with \" \\ \b \f \n
// \r \t, \u00XX for other control characters and \uXXXX for a lone surrogate.
class JsonWriter
{
public:
    using Sink = std::function<void(QByteArrayView)>;

    explicit JsonWriter(Sink sink);
    ~JsonWriter(); // flushes
    JsonWriter(const JsonWriter &) = delete;
    JsonWriter &operator=(const JsonWriter &) = delete;

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // An object member's name; the member's value follows with one of the calls below.
    void key(QLatin1StringView name);

    void string(QStringView text);
    // Latin-1 text (ASCII bytes are the common case: names and values of a postgresql.conf).
    void string(QLatin1StringView text);
    void number(qint64 number);
    void boolean(bool value);
    void null();
    // Any value, objects and arrays included (their members in QJsonObject's order).
    void value(const QJsonValue &value);

    // Hands what is buffered to the sink (done by itself every few kilobytes and at the end).
    void flush();

    // True for bytes that are all ASCII: string(QLatin1StringView) then writes exactly what
    // string(QString::fromUtf8(bytes)) would.
    static bool isAscii(QByteArrayView bytes);

private:
    void beforeValue();
    // The quoted, escaped text alone (keys and string values).
    void writeText(QStringView text);
    void writeText(QLatin1StringView text);
    void close(char bracket);
    void indent(qsizetype depth);
    void maybeFlush();

    Sink m_sink;
    QByteArray m_buffer;
    QVarLengthArray<qsizetype, 16> m_counts; // members or elements written, per open container
    bool m_afterKey = false;
};

} // namespace pgdial::core::base
