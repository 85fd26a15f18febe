#include "settingssnapshot.h"

#include "pgconf/confloader.h"
#include "pgconf/confvalidator.h"
#include "pgconf/parametercatalog.h"
#include "project.h"

namespace pgdial::ui {

SettingsSnapshot SettingsSnapshot::compute(core::Project &project, const QString &topFile, quint64 generation)
{
    using namespace core::pgconf;
    SettingsSnapshot snapshot;
    snapshot.generation = generation;
    snapshot.major = project.settings.pgVersion;
    snapshot.analysis.file = topFile;
    ConfLoader loader(&project);
    snapshot.analysis.load = loader.load(project.absolutePathOf(topFile));
    const ParameterCatalog &catalog = ParameterCatalog::forVersion(snapshot.major);
    ConfValidator validator(catalog, snapshot.major);
    validator.setRamBytes(project.settings.ramBytes);
    snapshot.analysis.validation = validator.validate(snapshot.analysis.load);
    snapshot.analysis.effective = EffectiveSettings::compute(snapshot.analysis.load, snapshot.analysis.validation, catalog);
    return snapshot;
}

} // namespace pgdial::ui
