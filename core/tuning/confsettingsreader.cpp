#include "confsettingsreader.h"

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '.' || c == '$';
}

} // namespace

QHash<QString, ConfValueSpan> ConfSettingsReader::read(const TextDocument &document, const QString &relativePath)
{
    QHash<QString, ConfValueSpan> settings;
    for (int index = 0; index < document.lineCount(); ++index) {
        const QByteArray &line = document.line(index);
        qsizetype i = 0;
        const qsizetype n = line.size();
        while (i < n && isSpace(line[i]))
            ++i;
        if (i >= n || !isNameStart(line[i]))
            continue;
        const qsizetype nameStart = i;
        while (i < n && isNameChar(line[i]))
            ++i;
        const QString name = QString::fromUtf8(line.mid(nameStart, i - nameStart)).toLower();
        while (i < n && isSpace(line[i]))
            ++i;
        if (i < n && line[i] == '=')
            ++i;
        while (i < n && isSpace(line[i]))
            ++i;
        if (name == u"include" || name == u"include_if_exists" || name == u"include_dir")
            continue;
        const qsizetype valueStart = i;
        QByteArray value;
        if (i < n && line[i] == '\'') {
            ++i;
            bool closed = false;
            while (i < n) {
                if (line[i] == '\'' && i + 1 < n && line[i + 1] == '\'') {
                    value += '\'';
                    i += 2;
                } else if (line[i] == '\'') {
                    ++i;
                    closed = true;
                    break;
                } else if (line[i] == '\\' && i + 1 < n) {
                    value += line[i + 1];
                    i += 2;
                } else {
                    value += line[i++];
                }
            }
            if (!closed)
                continue; // the server rejects the file; the conf checks report it
        } else {
            while (i < n && !isSpace(line[i]) && line[i] != '#')
                value += line[i++];
            if (value.isEmpty())
                continue;
        }
        ConfValueSpan span;
        span.setting = ServerSetting{name, QString::fromUtf8(value), relativePath, index + 1};
        span.lineIndex = index;
        span.valueStart = valueStart;
        span.valueEnd = i;
        settings.insert(name, span);
    }
    return settings;
}

ServerSettingLookup ConfSettingsReader::lookup(const QHash<QString, ConfValueSpan> &settings)
{
    return [settings](const QString &name) -> std::optional<ServerSetting> {
        const auto it = settings.constFind(name.toLower());
        if (it == settings.constEnd())
            return std::nullopt;
        return it->setting;
    };
}

} // namespace pgdial::core::tuning
