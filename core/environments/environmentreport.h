#pragma once

#include "environments/environment.h"

#include <QJsonObject>
#include <QString>

namespace pgdial::core::environments {

// The environments of a project as `pgdial-cli envs` prints them (the JSON shape is a contract,
// see docs/cli.md). Secrets never appear: URLs are masked, passwords are named, not shown.
class EnvironmentReport
{
public:
    static QJsonObject toJson(const Environment &environment);
    static QJsonObject toJson(const EnvironmentSet &set);
    static QString toText(const EnvironmentSet &set);
};

} // namespace pgdial::core::environments
