#include "appconfig/composefile.h"

#include "appconfig/yamlguard.h"

#include <QCoreApplication>
#include <QDir>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::appconfig {

namespace {

QString toQString(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

std::optional<ComposePortMapping> parsePort(const QString &text, int line)
{
    // [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]; IPv6 host IPs come in brackets.
    QString spec = text.section(u'/', 0, 0).trimmed();
    ComposePortMapping mapping;
    mapping.line = line;
    if (spec.startsWith(u'[')) {
        const qsizetype close = spec.indexOf(u']');
        if (close < 0)
            return std::nullopt;
        mapping.hostIp = spec.mid(1, close - 1);
        spec = spec.mid(close + 2);
    }
    QStringList parts = spec.split(u':');
    if (parts.size() == 3 && mapping.hostIp.isEmpty())
        mapping.hostIp = parts.takeFirst();
    bool ok = false;
    mapping.containerPort = parts.last().section(u'-', 0, 0).toInt(&ok);
    if (!ok)
        return std::nullopt;
    if (parts.size() >= 2)
        mapping.hostPort = parts.at(parts.size() - 2).section(u'-', 0, 0).toInt();
    return mapping;
}

// yaml-cpp 0.7 throws when a missing key's node is used, so look keys up by iterating.
YAML::Node child(const YAML::Node &map, const char *key)
{
    if (!map.IsMap())
        return YAML::Node();
    for (auto it = map.begin(); it != map.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return it->second;
    return YAML::Node();
}

} // namespace

QString ComposeService::projectPath(const QString &composeFolder, const QString &source)
{
    // Named volumes have no slash and do not start with '.'; absolute paths are outside the project.
    if (source.isEmpty() || source.startsWith(u'/') || source.startsWith(u'~')
        || (!source.startsWith(u'.') && !source.contains(u'/')))
        return {};
    const QString joined = QDir::cleanPath(composeFolder.isEmpty() ? source : composeFolder + u'/' + source);
    if (joined == u".." || joined.startsWith(u"../"_s))
        return {};
    return joined;
}

bool ComposeService::isPostgres() const
{
    const QString lowerImage = image.toLower();
    return lowerImage.startsWith(u"postgres"_s) || lowerImage.contains(u"/postgres"_s)
        || lowerImage.contains(u"postgis"_s) || name == u"postgres" || name == u"db" || name == u"database";
}

ComposeFile ComposeFile::parse(const base::TextDocument &document, const QString &fileName)
{
    ComposeFile file;
    file.m_fileName = fileName;
    const QByteArray bytes = document.toBytes();
    if (const std::optional<base::Diagnostic> refused = YamlGuard::check(bytes, fileName)) {
        file.m_diagnostics.append(*refused);
        return file;
    }
    try {
        const YAML::Node root = YAML::Load(std::string(bytes.constData(), static_cast<size_t>(bytes.size())));
        const YAML::Node services = child(root, "services");
        if (!services.IsMap())
            return file;
        for (auto it = services.begin(); it != services.end(); ++it) {
            if (!it->first.IsScalar() || !it->second.IsMap())
                continue;
            ComposeService service;
            service.name = toQString(it->first.Scalar());
            service.line = it->first.Mark().line + 1;
            const YAML::Node node = it->second;
            if (child(node, "image").IsScalar())
                service.image = toQString(child(node, "image").Scalar());
            if (child(node, "container_name").IsScalar())
                service.containerName = toQString(child(node, "container_name").Scalar());
            // networks: a list of names, or a mapping of name -> options.
            const YAML::Node networks = child(node, "networks");
            if (networks.IsSequence()) {
                for (const YAML::Node &network : networks)
                    if (network.IsScalar())
                        service.networks.append(toQString(network.Scalar()));
            } else if (networks.IsMap()) {
                for (auto n = networks.begin(); n != networks.end(); ++n)
                    if (n->first.IsScalar())
                        service.networks.append(toQString(n->first.Scalar()));
            }
            // volumes: "SOURCE:TARGET[:MODE]" or the long form {type, source, target}.
            if (child(node, "volumes").IsSequence()) {
                for (const YAML::Node &volume : child(node, "volumes")) {
                    ComposeVolume mount;
                    mount.line = volume.Mark().line + 1;
                    if (volume.IsScalar()) {
                        const QStringList parts = toQString(volume.Scalar()).split(u':');
                        if (parts.size() < 2)
                            continue;
                        mount.source = parts.at(0);
                        mount.target = parts.at(1);
                    } else if (volume.IsMap() && child(volume, "source").IsScalar()
                               && child(volume, "target").IsScalar()) {
                        mount.source = toQString(child(volume, "source").Scalar());
                        mount.target = toQString(child(volume, "target").Scalar());
                    } else {
                        continue;
                    }
                    service.volumes.append(mount);
                }
            }
            auto readCount = [&](const YAML::Node &n) {
                bool ok = false;
                const int count = toQString(n.Scalar()).toInt(&ok);
                if (ok) {
                    service.replicas = count;
                    service.replicasLine = n.Mark().line + 1;
                }
            };
            if (child(node, "scale").IsScalar())
                readCount(child(node, "scale"));
            if (child(node, "deploy").IsMap() && child(child(node, "deploy"), "replicas").IsScalar())
                readCount(child(child(node, "deploy"), "replicas"));
            if (child(node, "ports").IsSequence()) {
                for (const YAML::Node &port : child(node, "ports")) {
                    const int line = port.Mark().line + 1;
                    if (port.IsScalar()) {
                        if (const auto mapping = parsePort(toQString(port.Scalar()), line))
                            service.ports.append(*mapping);
                    } else if (port.IsMap() && child(port, "target").IsScalar()) {
                        ComposePortMapping mapping;
                        mapping.line = line;
                        mapping.containerPort = toQString(child(port, "target").Scalar()).toInt();
                        if (child(port, "published").IsScalar())
                            mapping.hostPort = toQString(child(port, "published").Scalar()).section(u'-', 0, 0).toInt();
                        if (child(port, "host_ip").IsScalar())
                            mapping.hostIp = toQString(child(port, "host_ip").Scalar());
                        service.ports.append(mapping);
                    }
                }
            }
            file.m_services.append(service);
        }
        const YAML::Node networks = child(root, "networks");
        if (networks.IsMap()) {
            for (auto it = networks.begin(); it != networks.end(); ++it) {
                if (!it->first.IsScalar())
                    continue;
                const YAML::Node config = child(child(it->second, "ipam"), "config");
                if (!config.IsSequence())
                    continue;
                QStringList subnets;
                for (const YAML::Node &entry : config)
                    if (child(entry, "subnet").IsScalar())
                        subnets.append(toQString(child(entry, "subnet").Scalar()));
                file.m_subnets.insert(toQString(it->first.Scalar()), subnets);
            }
        }
    } catch (const YAML::Exception &e) {
        base::Diagnostic d;
        d.severity = base::Severity::Warning;
        d.code = u"app.compose-syntax"_s;
        d.file = fileName;
        d.line = e.mark.is_null() ? 0 : e.mark.line + 1;
        d.column = e.mark.is_null() ? 0 : e.mark.column + 1;
        d.message = QCoreApplication::translate("ComposeFile", "YAML syntax error: %1").arg(toQString(e.msg));
        file.m_diagnostics.append(d);
    }
    return file;
}

} // namespace pgdial::core::appconfig
