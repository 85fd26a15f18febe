#include "environments/serverclientlist.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::core::environments::ServerClientList", text);
}

// Sums stay inside what max_connections can be (262143): a typo of a count cannot overflow.
int bounded(qint64 value)
{
    return int(std::clamp<qint64>(value, 0, 262143));
}

} // namespace

int ServerClientList::demand() const
{
    qint64 sum = 0;
    for (const ServerClient &client : clients)
        if (client.takesOrdinarySlots())
            sum += client.connections;
    return bounded(sum);
}

int ServerClientList::appDemand() const
{
    const ServerClient *app = appPools();
    return app ? app->connections : 0;
}

int ServerClientList::reservedSlots() const
{
    qint64 sum = 0;
    for (const ServerClient &client : clients)
        if (client.isReservedSlots())
            sum += client.connections;
    return bounded(sum);
}

int ServerClientList::surge() const
{
    qint64 sum = 0;
    for (const ServerClient &client : clients)
        if (client.takesOrdinarySlots())
            sum += client.surge;
    return bounded(sum);
}

const ServerClient *ServerClientList::appPools() const
{
    for (const ServerClient &client : clients)
        if (client.kind == ServerClient::Kind::AppPools)
            return &client;
    return nullptr;
}

void ServerClientList::setAppPools(int processes, int perProcess, int instances)
{
    auto it = std::find_if(clients.begin(), clients.end(),
                           [](const ServerClient &c) { return c.kind == ServerClient::Kind::AppPools; });
    if (it == clients.end()) {
        ServerClient app;
        app.kind = ServerClient::Kind::AppPools;
        app.name = tr("The app's pools");
        it = clients.insert(clients.begin(), app);
    }
    it->connections = bounded(qint64(processes) * perProcess);
    // One instance more while a rolling update starts the new one before stopping the old.
    it->surge = bounded(qint64(processes / std::max(1, instances)) * perProcess);
    it->detail = tr("%1 pool(s) x %2 connection(s)").arg(processes).arg(perProcess);
}

void ServerClientList::addManual(const QString &name, int connections)
{
    const QString trimmed = name.trimmed();
    for (ServerClient &client : clients) {
        if (client.kind != ServerClient::Kind::AppPools && !client.isReservedSlots()
            && client.name.compare(trimmed, Qt::CaseInsensitive) == 0) {
            client.detail = tr("set by hand (was %1: %2)").arg(client.connections).arg(client.detail);
            client.connections = bounded(connections);
            client.estimated = false;
            return;
        }
    }
    ServerClient manual;
    manual.kind = ServerClient::Kind::Manual;
    manual.name = trimmed.isEmpty() ? tr("Other clients") : trimmed;
    manual.connections = bounded(connections);
    manual.detail = tr("added by hand");
    clients.append(manual);
}

QStringList ServerClientList::toText() const
{
    QStringList lines;
    for (const ServerClient &client : clients) {
        QString who = client.name;
        if (!client.role.isEmpty() || !client.databases.isEmpty())
            who += u" ("_s
                + (client.databases.isEmpty()
                       ? client.role
                       : tr("%1 on %2")
                             .arg(client.role.isEmpty() ? tr("any role") : client.role, client.databases.join(u", "_s)))
                + u')';
        QString count = QString::number(client.connections);
        if (client.kind == ServerClient::Kind::Replication)
            count = tr("%1 walsender slot(s), outside max_connections").arg(client.connections);
        else if (client.isReservedSlots())
            count = tr("%1 reserved slot(s)").arg(client.connections);
        QString line = u"  %1: %2"_s.arg(who, count);
        if (client.surge > 0)
            line += tr(" (+%1 during a rolling update)").arg(client.surge);
        if (client.estimated)
            line += tr(" [estimate]");
        if (!client.detail.isEmpty())
            line += u" - "_s + client.detail;
        if (client.source.isValid())
            line += u" ["_s + client.source.toText() + u']';
        lines.append(line);
    }
    lines.append(tr("  total: %1 connection(s) + %2 reserved slot(s) = max_connections of at least %3; %4 in the "
                    "worst case of a rolling update")
                     .arg(demand())
                     .arg(reservedSlots())
                     .arg(needed())
                     .arg(worstCase()));
    return lines;
}

QJsonObject ServerClientList::toJson() const
{
    QJsonArray items;
    for (const ServerClient &client : clients) {
        QJsonObject item {{u"kind"_s, ServerClient::kindId(client.kind)},
                          {u"name"_s, client.name},
                          {u"role"_s, client.role},
                          {u"databases"_s, QJsonArray::fromStringList(client.databases)},
                          {u"connections"_s, client.connections},
                          {u"surge"_s, client.surge},
                          {u"counted"_s, client.takesOrdinarySlots()},
                          {u"estimated"_s, client.estimated},
                          {u"detail"_s, client.detail}};
        item.insert(u"source"_s, client.source.isValid() ? QJsonValue(client.source.toJson()) : QJsonValue());
        items.append(item);
    }
    return QJsonObject {{u"environment"_s, environment},
                        {u"clients"_s, items},
                        {u"demand"_s, demand()},
                        {u"app_demand"_s, appDemand()},
                        {u"other_demand"_s, otherDemand()},
                        {u"reserved_slots"_s, reservedSlots()},
                        {u"needed"_s, needed()},
                        {u"surge"_s, surge()},
                        {u"worst_case"_s, worstCase()}};
}

} // namespace pgdial::core::environments
