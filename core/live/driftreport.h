#pragma once

#include "base/diagnostic.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pgdial::core::live {

// How one parameter of the project's postgresql.conf stands against the running server.
enum class DriftState {
    Same, // the server runs the file's value (compared in units, as the server compares)
    Differs, // the server takes another value from a file, the command line or the environment
    FileOnly, // the file sets it; the server runs its default or does not know the parameter
    LiveOnly, // the server sets it (file, command line, environment); the project's file does not
    AutoConfOverride, // ALTER SYSTEM: postgresql.auto.conf gives the value the server runs
    PendingRestart, // the server's files changed it; it takes effect at the next restart
};

QString driftStateName(DriftState state); // "same", "differs", "file_only", ... (JSON)

// A place in a file: project-relative for the project's files, absolute for the server's.
struct DriftLocation
{
    QString file;
    int line = 0;
};

struct SettingDrift
{
    QString name; // as the server spells it (the file's spelling for names the server lacks)
    std::optional<QString> fileValue; // as written, de-escaped; nullopt: the file does not set it
    std::optional<DriftLocation> fileLocation;
    std::optional<QString> liveValue; // SHOW form ("128MB"); nullopt: the server lacks the parameter
    QString liveSource; // pg_settings.source
    std::optional<DriftLocation> liveLocation; // pg_settings.sourcefile:sourceline, when visible
    bool pendingRestart = false;
    DriftState state = DriftState::Same;
};

// One rule of pg_hba.conf where the project's file and the server's rules part.
struct HbaDifference
{
    int lineNumber = 0; // the project file's line; the server's for a rule only the server has
    std::optional<QString> file; // the project's rule as a line; nullopt when only the server has one
    std::optional<QString> live; // the server's rule (pg_hba_file_rules); nullopt when only the file has one
    QString reason;
};

enum class HbaDriftState { Same, Differs, Unknown };

// Everything `pgdial-cli drift` prints (the JSON shape is issue 19's contract).
struct DriftReport
{
    int versionNum = 0;
    QString dataDirectory;
    QString configFile;
    QString hbaFile;
    QStringList buildFeatures;
    QList<SettingDrift> settings; // by name; settings in the state "same" included
    HbaDriftState hbaState = HbaDriftState::Unknown;
    QList<HbaDifference> hbaDifferences;
    base::Diagnostics diagnostics;

    // Any setting not "same", or pg_hba.conf rules that differ.
    bool hasDrift() const;
    QJsonObject toJson() const;
    QString toText() const;
};

} // namespace pgdial::core::live
