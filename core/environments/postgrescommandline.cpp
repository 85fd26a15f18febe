#include "environments/postgrescommandline.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

QStringList PostgresCommandLine::split(const QString &command)
{
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command.at(i);
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            } else if (c == u'\\' && quote == u'"' && i + 1 < command.size()) {
                word += command.at(++i);
            } else {
                word += c;
            }
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
            inWord = true;
        } else if (c == u'\\' && i + 1 < command.size()) {
            word += command.at(++i);
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

QList<CommandLineSetting> PostgresCommandLine::settings(const QStringList &arguments)
{
    // postgres' short options that set a GUC (src/backend/main, postmaster.c's getopt string).
    static const QHash<QString, QString> shortOptions {
        {u"-B"_s, u"shared_buffers"_s},
        {u"-d"_s, u"log_min_messages"_s},
        {u"-D"_s, u"data_directory"_s},
        {u"-h"_s, u"listen_addresses"_s},
        {u"-k"_s, u"unix_socket_directories"_s},
        {u"-N"_s, u"max_connections"_s},
        {u"-p"_s, u"port"_s},
    };
    QList<CommandLineSetting> out;
    const auto add = [&out](const QString &assignment, qsizetype index) {
        const qsizetype eq = assignment.indexOf(u'=');
        if (eq <= 0)
            return;
        // The server treats '-' in a name given on the command line as '_'.
        out.append({assignment.left(eq).trimmed().toLower().replace(u'-', u'_'), assignment.mid(eq + 1), int(index)});
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"-c" && i + 1 < arguments.size()) {
            ++i;
            add(arguments.at(i), i);
        } else if (arg.startsWith(u"-c"_s) && arg.size() > 2 && arg.contains(u'=')) {
            add(arg.mid(2), i);
        } else if (arg.startsWith(u"--"_s) && arg.contains(u'=')) {
            add(arg.mid(2), i);
        } else if (shortOptions.contains(arg) && i + 1 < arguments.size()) {
            ++i;
            out.append({shortOptions.value(arg), arguments.at(i), int(i)});
        }
    }
    return out;
}

} // namespace pgdial::core::environments
