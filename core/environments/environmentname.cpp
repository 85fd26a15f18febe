#include "environments/environmentname.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace pgdial::core::environments {

QString EnvironmentName::canonical(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    static const QStringList development {u"dev"_s, u"develop"_s, u"development"_s, u"local"_s};
    static const QStringList production {u"prod"_s, u"production"_s, u"live"_s, u"prd"_s};
    static const QStringList testing {u"test"_s, u"tests"_s, u"testing"_s, u"ci"_s};
    static const QStringList staging {u"stage"_s, u"staging"_s, u"stg"_s, u"preprod"_s};
    if (development.contains(lower))
        return u"development"_s;
    if (production.contains(lower))
        return u"production"_s;
    if (testing.contains(lower))
        return u"testing"_s;
    if (staging.contains(lower))
        return u"staging"_s;
    return lower;
}

bool EnvironmentName::isKnown(const QString &name)
{
    const QString c = canonical(name);
    return c == u"development" || c == u"production" || c == u"testing" || c == u"staging";
}

} // namespace pgdial::core::environments
