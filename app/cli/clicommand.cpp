#include "clicommand.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace pgdial::cli {

namespace {
// Started during static initialisation, before main() and Qt's own start-up.
const QElapsedTimer processClock = [] {
    QElapsedTimer timer;
    timer.start();
    return timer;
}();
} // namespace

qint64 millisecondsSinceStart()
{
    return processClock.elapsed();
}

int CliCommand::parse(QCommandLineParser &parser, const QStringList &arguments, const CliOutput &output)
{
    const QCommandLineOption help({u"h"_s, u"help"_s}, QCoreApplication::translate("cli", "Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        output.err(u"pgdial-cli: "_s + parser.errorText() + u"\n"_s);
        output.err(QCoreApplication::translate("cli", "Try '%1 --help'.\n").arg(arguments.mid(0, 2).join(u' ')));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        output.out(parser.helpText());
        return ExitClean;
    }
    return -1;
}

} // namespace pgdial::cli
