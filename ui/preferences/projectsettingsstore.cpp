#include "preferences/projectsettingsstore.h"

#include "preferences/appsettings.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace pgdial::ui::preferences {

namespace {

QString canonical(const QString &path)
{
    const QString resolved = QFileInfo(path).canonicalFilePath();
    return resolved.isEmpty() ? path : resolved;
}

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

QString ProjectSettingsStore::groupFor(const QString &projectPath)
{
    const QByteArray hash = QCryptographicHash::hash(canonical(projectPath).toUtf8(), QCryptographicHash::Sha1);
    return key(settings::projectSettingsGroup) + u'/' + QString::fromLatin1(hash.toHex());
}

core::project::ProjectSettings ProjectSettingsStore::load(const QString &projectPath)
{
    core::project::ProjectSettings out;
    QSettings store;
    store.beginGroup(groupFor(projectPath));
    const int version = store.value(key(settings::projectPgVersionKey), out.pgVersion).toInt();
    if (version >= core::project::ProjectSettings::minPgVersion
        && version <= core::project::ProjectSettings::maxPgVersion)
        out.pgVersion = version;
    // Before the environments gave the version, it was stored whenever the dialog was accepted:
    // a stored version other than the default was a choice, the default one maybe not.
    out.pgVersionFromUser = store
                                .value(key(settings::projectPgVersionFromUserKey),
                                       store.contains(key(settings::projectPgVersionKey))
                                           && out.pgVersion != core::project::ProjectSettings::defaultPgVersion)
                                .toBool();
    out.environment = store.value(key(settings::projectEnvironmentKey)).toString();
    if (const qint64 ram = store.value(key(settings::projectRamBytesKey)).toLongLong(); ram > 0)
        out.ramBytes = ram;
    if (const int cpus = store.value(key(settings::projectCpusKey)).toInt(); cpus > 0)
        out.cpus = cpus;
    if (const int instances = store.value(key(settings::projectAppInstancesKey)).toInt(); instances > 0)
        out.appInstances = instances;
    if (store.contains(key(settings::projectBuildFeaturesKey))) {
        const QStringList features = store.value(key(settings::projectBuildFeaturesKey)).toStringList();
        out.serverBuildFeatures = QSet<QString>(features.cbegin(), features.cend());
    }
    out.serverOnThisMachine = store.value(key(settings::projectServerOnThisMachineKey), false).toBool();
    for (const QString &entry : store.value(key(settings::projectManualClientsKey)).toStringList()) {
        bool ok = false;
        const int count = entry.section(u':', 0, 0).toInt(&ok);
        const QString name = entry.section(u':', 1);
        if (ok && count >= 0 && !name.isEmpty())
            out.manualClients.append({name, count});
    }
    return out;
}

void ProjectSettingsStore::save(const QString &projectPath, const core::project::ProjectSettings &settings)
{
    QSettings store;
    store.beginGroup(groupFor(projectPath));
    store.setValue(key(settings::projectPathKey), canonical(projectPath));
    store.setValue(key(settings::projectPgVersionKey), settings.pgVersion);
    store.setValue(key(settings::projectPgVersionFromUserKey), settings.pgVersionFromUser);
    if (settings.environment.isEmpty())
        store.remove(key(settings::projectEnvironmentKey));
    else
        store.setValue(key(settings::projectEnvironmentKey), settings.environment);
    auto setOrRemove = [&store](const char *name, const auto &value) {
        if (value)
            store.setValue(key(name), QVariant::fromValue(*value));
        else
            store.remove(key(name));
    };
    setOrRemove(settings::projectRamBytesKey, settings.ramBytes);
    setOrRemove(settings::projectCpusKey, settings.cpus);
    setOrRemove(settings::projectAppInstancesKey, settings.appInstances);
    if (settings.serverBuildFeatures) {
        QStringList features(settings.serverBuildFeatures->cbegin(), settings.serverBuildFeatures->cend());
        features.sort();
        // An empty list must survive the round trip (known: built without any of them).
        store.setValue(key(settings::projectBuildFeaturesKey), QVariant::fromValue(features));
    } else {
        store.remove(key(settings::projectBuildFeaturesKey));
    }
    store.setValue(key(settings::projectServerOnThisMachineKey), settings.serverOnThisMachine);
    QStringList clients;
    for (const core::project::ManualClient &client : settings.manualClients)
        clients.append(QString::number(client.connections) + u':' + client.name);
    if (clients.isEmpty())
        store.remove(key(settings::projectManualClientsKey));
    else
        store.setValue(key(settings::projectManualClientsKey), clients);
}

} // namespace pgdial::ui::preferences
