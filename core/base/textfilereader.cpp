#include "base/textfilereader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace pgdial::core::base {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::core::TextFileReader", text);
}

Diagnostic fileError(const QString &displayPath, const QString &code, const QString &message, const QString &suggestion,
                     int line = 0, int column = 0)
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = code;
    d.file = displayPath;
    d.line = line;
    d.column = column;
    d.message = message;
    d.suggestion = suggestion;
    return d;
}

} // namespace

qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = data[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char lowest = 0x80;
        unsigned char highest = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                lowest = 0xA0; // no overlongs
            if (c == 0xED)
                highest = 0x9F; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                lowest = 0x90;
            if (c == 0xF4)
                highest = 0x8F;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        if (data[i + 1] < lowest || data[i + 1] > highest)
            return i;
        for (int k = 2; k < length; ++k) {
            if (data[i + k] < 0x80 || data[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return -1;
}

std::pair<int, int> lineAndColumnOf(const QByteArray &bytes, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return {line, static_cast<int>(offset - lineStart) + 1};
}

TextFileLoad readTextFile(const QString &path, const QString &displayPath, qint64 maxBytes)
{
    TextFileLoad load;
    const QFileInfo info(path);
    if (!info.exists()) {
        load.diagnostics.append(fileError(displayPath, u"project.missing-file"_s, tr("The file does not exist"),
                                          tr("Check the path, or create the file.")));
        return load;
    }
    if (!info.isFile()) {
        load.diagnostics.append(fileError(displayPath, u"project.not-a-file"_s, tr("This path is not a regular file"),
                                          tr("Point pgdial at a file, not a folder or device.")));
        return load;
    }
    if (info.size() > maxBytes) {
        const QLocale locale;
        load.diagnostics.append(fileError(
            displayPath, u"project.file-too-large"_s,
            tr("The file is %1, more than the %2 a configuration file may reasonably be; it was not loaded")
                .arg(locale.formattedDataSize(info.size()), locale.formattedDataSize(maxBytes)),
            tr("Check that this is really a configuration file; generated or log files do not belong here.")));
        return load;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        load.diagnostics.append(fileError(displayPath, u"project.unreadable-file"_s,
                                          tr("The file cannot be read: %1").arg(file.errorString()),
                                          tr("Check the file's permissions and owner.")));
        return load;
    }
    // Read at most one byte beyond the limit: a file that grows while we read stays bounded.
    const QByteArray bytes = file.read(maxBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        load.diagnostics.append(fileError(displayPath, u"project.unreadable-file"_s,
                                          tr("The file cannot be read: %1").arg(file.errorString()),
                                          tr("Check the file's permissions and the disk.")));
        return load;
    }
    if (bytes.size() > maxBytes) {
        load.diagnostics.append(fileError(displayPath, u"project.file-too-large"_s,
                                          tr("The file grew beyond the size limit while it was read"),
                                          tr("Check that this is really a configuration file.")));
        return load;
    }
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0) {
        const auto [line, column] = lineAndColumnOf(bytes, nul);
        load.diagnostics.append(fileError(
            displayPath, u"project.binary-file"_s,
            tr("The file contains NUL bytes, so it is not a text file; it was not loaded"),
            tr("Configuration files are plain text; check that the right file is at this path."), line, column));
        return load;
    }
    const qsizetype invalid = firstInvalidUtf8(bytes);
    if (invalid >= 0) {
        const auto [line, column] = lineAndColumnOf(bytes, invalid);
        Diagnostic d = fileError(
            displayPath, u"project.invalid-utf8"_s,
            tr("The file is not valid UTF-8 (byte 0x%1)")
                .arg(static_cast<uint>(static_cast<unsigned char>(bytes.at(invalid))), 2, 16, QLatin1Char('0')),
            tr("Save the file as UTF-8; pgdial keeps its bytes unchanged meanwhile."), line, column);
        d.severity = Severity::Warning;
        load.diagnostics.append(d);
    }
    load.document = TextDocument::fromBytes(bytes);
    return load;
}

} // namespace pgdial::core::base
