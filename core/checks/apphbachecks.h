#pragma once

#include "appconfig/composefile.h"
#include "appconfig/connectionurl.h"
#include "base/diagnostic.h"
#include "base/textdocument.h"
#include "hba/hbafile.h"
#include "project/serversetting.h"

#include <QList>
#include <QString>

#include <functional>

namespace pgdial::core::checks {

// The app's connection settings against a project's pg_hba.conf, through the hba simulator
// (codes app.hba-*): is each of the app's roles admitted from where the app connects, over the
// transport its sslmode allows, with a method its passwords and URL can satisfy? Each diagnostic
// sits where the role is written and names the pg_hba.conf line (or the rule to add) in `related`.
class AppHbaChecks
{
public:
    // One role the app connects as (the URL's own user, and the three-role pattern of config.yaml).
    struct Role
    {
        QString user;
        QString database;
        QString field; // "url", "owner_user", "user", "ro_user" (for people)
        QString file; // where the role is written
        int line = 0;
        int column = 0;
    };

    struct Inputs
    {
        appconfig::ConnectionUrl url; // resolved and parsed
        QString urlFile;
        int urlLine = 0;
        QList<Role> roles; // deduplicated by user and database; the URL's own first
        QList<appconfig::ComposeFile> composeFiles;
        int pgVersion = 17;
    };

    // `hbaPath` is the project-relative path of the top-level pg_hba.conf that `hba` was parsed
    // from; `documentFor` returns the text of a project file (for the fix that adds a rule).
    static base::Diagnostics check(const Inputs &inputs, const hba::HbaFile &hba, const QString &hbaPath,
                                   const project::ServerSettingLookup &lookup,
                                   const std::function<const base::TextDocument *(const QString &)> &documentFor);
};

} // namespace pgdial::core::checks
