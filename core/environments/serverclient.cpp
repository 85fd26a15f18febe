#include "environments/serverclient.h"

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

QString ServerClient::kindId(Kind kind)
{
    switch (kind) {
    case Kind::AppPools:
        return u"app_pools"_s;
    case Kind::AppProcess:
        return u"app_process"_s;
    case Kind::Service:
        return u"service"_s;
    case Kind::LoginRole:
        return u"login_role"_s;
    case Kind::Backup:
        return u"backup"_s;
    case Kind::Replication:
        return u"replication"_s;
    case Kind::SuperuserReserved:
        return u"superuser_reserved"_s;
    case Kind::Reserved:
        return u"reserved"_s;
    case Kind::Manual:
        return u"manual"_s;
    }
    return u"manual"_s;
}

bool ServerClient::takesOrdinarySlots() const
{
    return kind != Kind::Replication && !isReservedSlots();
}

} // namespace pgdial::core::environments
