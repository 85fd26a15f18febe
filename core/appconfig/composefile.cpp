#include "composefile.h"

#include "yamlguard.h"

#include <QCoreApplication>

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

bool ComposeService::isPostgres() const
{
    const QString lowerImage = image.toLower();
    return lowerImage.startsWith(u"postgres"_s) || lowerImage.contains(u"/postgres"_s) || lowerImage.contains(u"postgis"_s)
        || name == u"postgres" || name == u"db" || name == u"database";
}

ComposeFile ComposeFile::parse(const TextDocument &document, const QString &fileName)
{
    ComposeFile file;
    file.m_fileName = fileName;
    const QByteArray bytes = document.toBytes();
    if (const std::optional<Diagnostic> refused = YamlGuard::check(bytes, fileName)) {
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
    } catch (const YAML::Exception &e) {
        Diagnostic d;
        d.severity = Severity::Warning;
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
