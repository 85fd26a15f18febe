#include "tuning/clientbudget.h"

#include "tuning/pgtuneprofile.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace pgdial::core::tuning {

void ClientBudget::applyTo(const environments::ServerClientList &clients, PgDialContext &context)
{
    if (clients.demand() > 0)
        context.poolDemand = clients.demand();
    context.minimumConnections = clients.needed();
    context.worstCaseConnections = clients.worstCase();
    context.demandDetail = breakdown(clients);
}

void ClientBudget::applyTo(const environments::ServerClientList &clients, TuningInputs &inputs)
{
    const int current = inputs.hasConnections() ? *inputs.connections : PgTuneProfile::maxConnections(inputs);
    if (clients.needed() > current)
        inputs.connections = clients.needed();
}

QString ClientBudget::breakdown(const environments::ServerClientList &clients)
{
    QStringList parts;
    for (const environments::ServerClient &client : clients.clients)
        if (client.takesOrdinarySlots() && client.connections > 0)
            parts.append(u"%1 %2"_s.arg(client.name).arg(client.connections));
    return parts.join(u" + "_s);
}

} // namespace pgdial::core::tuning
