#pragma once

#include <QJsonObject>
#include <QString>

namespace pgdial::core::environments {

// Where a fact about an environment is written: a project-relative file and a 1-based line
// (0 when the fact is about the whole file).
struct SourceRef
{
    QString file;
    int line = 0;

    bool isValid() const { return !file.isEmpty(); }
    QString toText() const { return line > 0 ? file + QLatin1Char(':') + QString::number(line) : file; }
    QJsonObject toJson() const { return QJsonObject {{QStringLiteral("file"), file}, {QStringLiteral("line"), line}}; }
    bool operator==(const SourceRef &) const = default;
};

} // namespace pgdial::core::environments
