#include "pgconf/viewonlychecks.h"

#include "pgconf/parametercheckhooks.h"
#include "pgconf/valueparser.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::pgconf::ViewOnlyChecks", text);
}

} // namespace

std::optional<QString> ViewOnlyChecks::refusal(const QString &name, const QString &setting, int major)
{
    if (name == "default_tablespace"_L1) {
        // check_default_tablespace: an exact (case-sensitive) tablespace name, or empty.
        if (setting.isEmpty() || setting == "pg_default"_L1 || setting == "pg_global"_L1)
            return std::nullopt;
        return tr("Tablespace \"%1\" does not exist in a new cluster; the server starts, but pg_file_settings "
                  "lists the line as not applied until the tablespace is created.")
            .arg(setting);
    }
    if (name == "default_table_access_method"_L1) {
        if (setting == "heap"_L1)
            return std::nullopt;
        return tr("Table access method \"%1\" does not exist in a new cluster; the server starts, but "
                  "pg_file_settings lists the line as not applied.")
            .arg(setting);
    }
    if (name == "default_text_search_config"_L1) {
        // stringToQualifiedNameList: identifiers folded unless quoted, looked up in pg_catalog.
        const auto parts = ValueParser::splitIdentifiers(setting, u'.');
        bool builtIn = false;
        if (parts && (parts->size() == 1 || (parts->size() == 2 && parts->first() == "pg_catalog"_L1)))
            builtIn = ParameterCheckHooks::isBuiltInTextSearchConfig(parts->last(), major)
                && parts->last() == parts->last().toLower();
        if (builtIn)
            return std::nullopt;
        return tr("Text search configuration \"%1\" does not exist in a new cluster; pg_file_settings lists the "
                  "line as not applied.")
            .arg(setting);
    }
    if (name == "transaction_deferrable"_L1) {
        // check_transaction_deferrable refuses any change once the transaction took a snapshot.
        return tr("transaction_deferrable cannot be set in the configuration file (use "
                  "default_transaction_deferrable); pg_file_settings lists the line as not applied.");
    }
    if (name == "role"_L1 || name == "session_authorization"_L1) {
        // A new cluster has its bootstrap superuser (postgres, as packagers and initdb -U set it).
        if (setting == "postgres"_L1 || (name == "role"_L1 && setting == "none"_L1))
            return std::nullopt;
        return tr("Role \"%1\" does not exist in a new cluster.").arg(setting);
    }
    if (name == "wal_consistency_checking"_L1 && major >= 15) {
        // From 15 on, names that are no built-in resource manager may be custom ones: start-up
        // defers the check until the preloaded libraries are in, the view (a backend where they
        // are) refuses what is still unknown.
        static const QStringList masked = {u"all"_s,  u"heap2"_s,    u"heap"_s,   u"btree"_s, u"hash"_s,   u"gin"_s,
                                           u"gist"_s, u"sequence"_s, u"spgist"_s, u"brin"_s,  u"generic"_s};
        const auto names = ValueParser::splitIdentifiers(setting);
        for (const QString &entry : names.value_or(QStringList())) {
            if (!masked.contains(entry, Qt::CaseInsensitive))
                return tr("\"%1\" is no built-in resource manager; unless a preloaded library defines it, the server "
                          "stops at start-up.")
                    .arg(entry);
        }
        return std::nullopt;
    }
    if (name == "transaction_isolation"_L1) {
        // check_transaction_isolation: the view's own transaction has taken its snapshot, so only
        // its current level (the default, read committed) can be "set".
        if (setting == "read committed"_L1)
            return std::nullopt;
        return tr("transaction_isolation cannot be set in the configuration file (use "
                  "default_transaction_isolation); pg_file_settings lists the line as not applied.");
    }
    return std::nullopt;
}

bool ViewOnlyChecks::refusedAtStartup(const QString &name, const QString &setting)
{
    return (name == "role"_L1 && setting != "none"_L1) || name == "session_authorization"_L1;
}

} // namespace pgdial::core::pgconf
