#include "environments/environmentsettings.h"

#include "pgconf/confparser.h"
#include "project/project.h"

#include <QMap>

namespace pgdial::core::environments {

QList<EnvironmentSetting> EnvironmentSettings::of(const project::Project &project, const Environment &environment)
{
    QMap<QString, EnvironmentSetting> byName;
    if (!environment.postgresqlConf.isEmpty()) {
        const auto file = project.findFile(environment.postgresqlConf);
        if (file && file->isLoaded()) {
            for (const pgconf::ConfLine &line : pgconf::ConfParser::parse(file->document->toBytes()).lines) {
                if (line.kind != pgconf::ConfLineKind::Setting)
                    continue;
                const QString name = QString::fromUtf8(line.name).toLower();
                byName.insert(name,
                              EnvironmentSetting {name, QString::fromUtf8(line.value),
                                                  SourceRef {environment.postgresqlConf, line.line}});
            }
        }
    }
    // The command line wins over the file (a later -c of the same name over an earlier one).
    for (const EnvironmentSetting &flag : environment.commandLineSettings)
        byName.insert(flag.name.toLower(), EnvironmentSetting {flag.name.toLower(), flag.value, flag.source});
    return byName.values();
}

} // namespace pgdial::core::environments
