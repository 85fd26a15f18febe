#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdial::core::environments {

// One setting given on the server's command line (`-c name=value` or `--name=value`).
struct CommandLineSetting
{
    QString name; // lower-case, as the server folds it
    QString value;
    int argument = 0; // index of the argument that holds the value (its line in a list form)
};

// A compose service's `command:` read the way the image's entrypoint hands it to `postgres`.
class PostgresCommandLine
{
public:
    // The list form as written; the string form is split like a POSIX shell splits words
    // (quotes and backslashes), which is what Compose does.
    static QStringList split(const QString &command);
    // The settings of a postgres command line: "-c name=value", "-cname=value", "--name=value".
    // Other options (-p 5433 is a setting too: port) are mapped when the server has a short form.
    static QList<CommandLineSetting> settings(const QStringList &arguments);
};

} // namespace pgdial::core::environments
