// pgdial-cli: the headless front end over pgdial_core, for scripts and CI.
#include "cli/commandregistry.h"
#include "pgdialversion.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString usage(const std::vector<std::unique_ptr<pgdial::cli::CliCommand>> &commands)
{
    QString text = QCoreApplication::translate("cli",
                                               "Usage: pgdial-cli COMMAND [OPTIONS]\n\n"
                                               "Checks, edits and tests the configuration of a PostgreSQL-backed "
                                               "application.\n\nCommands:\n");
    for (const auto &command : commands)
        text += u"  "_s + command->name().leftJustified(8) + u"  "_s + command->summary() + u'\n';
    text += QCoreApplication::translate("cli",
                                        "\nRun 'pgdial-cli COMMAND --help' for a command's options.\n"
                                        "Exit codes: 0 clean, 1 problems found, 2 usage or I/O error.\n");
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"pgdial"_s);
    QCoreApplication::setApplicationName(u"pgdial-cli"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(pgdial::pgdialVersion));

    const pgdial::cli::CliOutput output;
    const auto commands = pgdial::cli::allCommands();
    const QStringList arguments = QCoreApplication::arguments();
    const QString first = arguments.value(1);

    if (first.isEmpty()) {
        output.err(usage(commands));
        return pgdial::cli::ExitUsage;
    }
    if (first == u"--help" || first == u"-h" || first == u"help") {
        output.out(usage(commands));
        return pgdial::cli::ExitClean;
    }
    if (first == u"--version" || first == u"-v" || first == u"version") {
        output.out(u"pgdial-cli "_s + QString::fromLatin1(pgdial::pgdialVersion) + u'\n');
        return pgdial::cli::ExitClean;
    }
    for (const auto &command : commands) {
        if (command->name() == first) {
            QStringList commandArguments = arguments;
            commandArguments[0] = u"pgdial-cli "_s + first;
            commandArguments.removeAt(1);
            return command->run(commandArguments, output);
        }
    }
    output.err(QCoreApplication::translate("cli", "pgdial-cli: unknown command \"%1\"\n\n").arg(first)
               + usage(commands));
    return pgdial::cli::ExitUsage;
}
