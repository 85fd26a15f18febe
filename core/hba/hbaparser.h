#pragma once

#include "hba/hbafile.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace pgdial::core::hba {

// What the parser needs to know about the server it imitates.
struct HbaParseOptions
{
    int majorVersion = 17; // 13–18
    // Server settings that change how lines are judged (defaults: what initdb gives).
    bool sslEnabled = true; // ssl=off → hostssl lines carry a note (file still loads)
    bool gssEncSupported = true; // build has GSSAPI (hostgssenc works)
    bool dbUserNamespace = false; // ≤16: md5 is an error when on
    bool oauthValidatorConfigured = false; // 18: oauth_validator_libraries is set
    // Methods this server build lacks ("not supported by this build"). Empty = the default for
    // the version: Debian-like builds lack sspi and bsd; see defaultUnsupportedMethods().
    std::optional<QSet<QString>> unsupportedMethods;
    // Whether the build has LDAP, GSSAPI and PAM is not known: `ldap`, `gss` and `pam` rules and
    // `hostgssenc` lines load, with a warning that a build without the feature refuses them
    // (hba.build-dependent-method) or never matches them (hba.build-dependent-type).
    bool buildFeaturesUnknown = false;
    // Reads a file for `@file` and include directives; default reads the disk. Returns nullopt
    // when the file cannot be opened (the message goes to `openError`).
    std::function<std::optional<QByteArray>(const QString &absolutePath, QString *openError)> readFile;

    static QSet<QString> defaultUnsupportedMethods(int majorVersion);
    // The options for a server of `majorVersion` whose build features are `buildFeatures`
    // (project::ProjectSettings::serverBuildFeatures: "ldap", "gssapi", "pam", ...; nullopt:
    // unknown). The one place the project setting and `--build-features` become parse options.
    static HbaParseOptions forServer(int majorVersion, const std::optional<QSet<QString>> &buildFeatures);
};

class HbaParser
{
public:
    // Parses the file at `path` (absolute or relative to the working directory). Rule/diagnostic
    // file names are relative to `baseDirectory` (default: the folder of `path`).
    static HbaFile parseFile(const QString &path, const HbaParseOptions &options = {},
                             const QString &baseDirectory = {});
    // Parses `contents` as if it were the file `path` (used for @file / include resolution).
    static HbaFile parse(const QByteArray &contents, const QString &path, const HbaParseOptions &options = {},
                         const QString &baseDirectory = {});
};

} // namespace pgdial::core::hba
