#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace pgdial::test {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool crashed = false;
};

// Runs the real pgdial-cli binary, as a user or a CI script would.
CliRun runCli(const QStringList &arguments, const QString &workingDirectory = {},
              const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(), int timeoutMs = 60000);

} // namespace pgdial::test
