#include "checks/appclientlocator.h"

#include <QCoreApplication>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace pgdial::core::checks {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AppClientLocator", text);
}

bool isLoopbackHost(const QString &host)
{
    return host == u"localhost" || host == u"::1" || host.startsWith(u"127."_s);
}

QString folderOf(const QString &relativePath)
{
    const qsizetype slash = relativePath.lastIndexOf(u'/');
    return slash < 0 ? QString() : relativePath.left(slash);
}

bool mountsFile(const appconfig::ComposeFile &compose, const appconfig::ComposeService &service, const QString &path)
{
    for (const appconfig::ComposeVolume &volume : service.volumes) {
        const QString source = appconfig::ComposeService::projectPath(folderOf(compose.fileName()), volume.source);
        if (source == path || (!source.isEmpty() && path.startsWith(source + u'/')))
            return true;
    }
    return false;
}

// The first declared subnet of the service's networks, and the network's name.
std::optional<std::pair<QString, QString>> subnetOf(const appconfig::ComposeFile &compose,
                                                    const appconfig::ComposeService &service)
{
    const QStringList networks = service.networks.isEmpty() ? QStringList {u"default"_s} : service.networks;
    for (const QString &network : networks) {
        const QStringList subnets = compose.subnets(network);
        if (!subnets.isEmpty())
            return std::make_pair(network, subnets.first());
    }
    return std::nullopt;
}

} // namespace

std::optional<hba::HbaIpAddress> AppClientLocator::hostInSubnet(const QString &cidr, int offset)
{
    const QString base = cidr.section(u'/', 0, 0);
    bool ok = false;
    const int bits = cidr.section(u'/', 1, 1).toInt(&ok);
    std::optional<hba::HbaIpAddress> address = hba::HbaIpAddress::parse(base);
    if (!address || !ok || bits < 0 || bits > address->bytes.size() * 8)
        return std::nullopt;
    // Clear the host bits, then add the offset (small: it stays in the last byte for any real subnet).
    for (int i = 0; i < address->bytes.size(); ++i) {
        const int keep = std::clamp(bits - i * 8, 0, 8);
        address->bytes[i] = char(static_cast<unsigned char>(address->bytes.at(i)) & (0xff << (8 - keep)) & 0xff);
    }
    const qsizetype last = address->bytes.size() - 1;
    address->bytes[last] = char(static_cast<unsigned char>(address->bytes.at(last)) + offset);
    return address;
}

std::optional<AppClient> AppClientLocator::locate(const appconfig::ConnectionUrl &url,
                                                  const QList<appconfig::ComposeFile> &composeFiles,
                                                  const QString &hbaPath)
{
    if (!url.isPostgres() || !url.parsed)
        return std::nullopt;
    // libpq tries the hosts in order; the first one is where the app normally lands.
    const QString host
        = url.value(u"hostaddr"_s).value_or(url.value(u"host"_s).value_or(QString())).section(u',', 0, 0);
    const QString portText = url.value(u"port"_s).value_or(QString()).section(u',', 0, 0);
    const int port = portText.isEmpty() ? 5432 : portText.toInt();

    if (host.isEmpty() || host.startsWith(u'/') || host.startsWith(u'@')) {
        AppClient client;
        client.local = true;
        client.description = tr("a Unix-domain socket");
        return client;
    }

    const bool loopback = isLoopbackHost(host);
    bool composeDecides = false;
    for (const appconfig::ComposeFile &compose : composeFiles) {
        for (const appconfig::ComposeService &service : compose.services()) {
            if (!service.isPostgres())
                continue;
            const bool byName
                = host == service.name || (!service.containerName.isEmpty() && host == service.containerName);
            bool published = false;
            int publishedLine = 0;
            if (loopback)
                for (const appconfig::ComposePortMapping &mapping : service.ports)
                    if (mapping.hostPort == port) {
                        published = true;
                        publishedLine = mapping.line;
                    }
            if (!byName && !published)
                continue;
            composeDecides = true;
            if (!mountsFile(compose, service, hbaPath))
                continue; // that server reads its image's own pg_hba.conf
            const auto subnet = subnetOf(compose, service);
            if (!subnet)
                continue; // Docker picks the subnet: the client address is unknown
            AppClient client;
            if (byName) {
                const std::optional<hba::HbaIpAddress> address = hostInSubnet(subnet->second, 2);
                if (!address)
                    continue;
                client.addresses = {*address};
                client.addressForRule = subnet->second;
                client.description = tr("%1 (the app on network %2, %3 in %4)")
                                         .arg(address->toString(), subnet->first, subnet->second, compose.fileName());
                client.composePlace = compose.fileName() + u':' + QString::number(service.line);
            } else {
                // Docker forwards a published port from the network's gateway address.
                const std::optional<hba::HbaIpAddress> gateway = hostInSubnet(subnet->second, 1);
                if (!gateway)
                    continue;
                client.addresses = {*gateway};
                client.addressForRule = gateway->toString() + (gateway->family == AF_INET6 ? u"/128"_s : u"/32"_s);
                client.description = tr("%1 (the gateway of network %2: Docker forwards port %3 published in %4)")
                                         .arg(gateway->toString(), subnet->first)
                                         .arg(port)
                                         .arg(compose.fileName());
                client.composePlace = compose.fileName() + u':' + QString::number(publishedLine);
            }
            return client;
        }
    }
    if (composeDecides || !loopback)
        return std::nullopt;

    AppClient client;
    if (host == u"localhost") {
        client.addresses = {*hba::HbaIpAddress::parse(u"127.0.0.1"_s), *hba::HbaIpAddress::parse(u"::1"_s)};
        client.addressForRule = u"127.0.0.1/32"_s;
        client.description = tr("localhost (127.0.0.1 or ::1)");
    } else {
        const std::optional<hba::HbaIpAddress> address = hba::HbaIpAddress::parse(host);
        if (!address)
            return std::nullopt;
        client.addresses = {*address};
        client.addressForRule = address->toString() + (address->family == AF_INET6 ? u"/128"_s : u"/32"_s);
        client.description = address->toString();
    }
    return client;
}

} // namespace pgdial::core::checks
