#include "pgconf/parameterhistory.h"

#include "pgconf/parametercatalog.h"
#include "pgconf/valueformatter.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace pgdial::core::pgconf {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pgdial::pgconf::ParameterHistory", text);
}

QString defaultOf(const ParameterInfo &info)
{
    if ((info.type == ParameterType::Integer || info.type == ParameterType::Real) && !info.unit.isEmpty()) {
        bool ok = false;
        const double value = info.bootValue.toDouble(&ok);
        if (ok)
            return ValueFormatter::withUnit(value, info.unit);
    }
    return info.bootValue.isEmpty() ? u"''"_s : info.bootValue;
}

} // namespace

QStringList ParameterHistory::notes(const QString &name)
{
    QStringList notes;
    const QList<int> versions = ParameterCatalog::supportedVersions();
    const ParameterInfo *previous = nullptr;
    int previousMajor = 0;
    for (int major : versions) {
        const ParameterInfo *info = ParameterCatalog::forVersion(major).find(name);
        // Aliases resolve to another parameter; only the parameter's own history counts.
        if (info && info->name.compare(name, Qt::CaseInsensitive) != 0)
            info = nullptr;
        if (!info && previous) {
            notes.append(tr("Removed in %1 (last in %2)").arg(major).arg(previousMajor));
        } else if (info && !previous && major != versions.first()) {
            notes.append(tr("Added in %1").arg(major));
        } else if (info && previous) {
            if (info->type != previous->type)
                notes.append(tr("Type changed in %1: %2 → %3")
                                 .arg(major)
                                 .arg(parameterTypeName(previous->type), parameterTypeName(info->type)));
            if (info->unit != previous->unit)
                notes.append(tr("Unit changed in %1: %2 → %3")
                                 .arg(major)
                                 .arg(previous->unit.isEmpty() ? tr("none") : previous->unit,
                                      info->unit.isEmpty() ? tr("none") : info->unit));
            if (defaultOf(*info) != defaultOf(*previous))
                notes.append(
                    tr("Default changed in %1: %2 → %3").arg(major).arg(defaultOf(*previous), defaultOf(*info)));
            if (info->context != previous->context)
                notes.append(tr("Context changed in %1: %2 → %3")
                                 .arg(major)
                                 .arg(parameterContextName(previous->context), parameterContextName(info->context)));
            if (info->enumValues != previous->enumValues) {
                QStringList added;
                QStringList removed;
                for (const QString &value : info->enumValues) {
                    if (!previous->enumValues.contains(value))
                        added.append(value);
                }
                for (const QString &value : previous->enumValues) {
                    if (!info->enumValues.contains(value))
                        removed.append(value);
                }
                QStringList parts;
                if (!added.isEmpty())
                    parts.append(tr("adds %1").arg(added.join(u", "_s)));
                if (!removed.isEmpty())
                    parts.append(tr("drops %1").arg(removed.join(u", "_s)));
                if (parts.isEmpty())
                    parts.append(tr("reorders them"));
                notes.append(tr("Enum values differ in %1: %2").arg(major).arg(parts.join(u"; "_s)));
            }
            if (info->min != previous->min || info->max != previous->max)
                notes.append(tr("Allowed range changed in %1").arg(major));
        }
        previous = info;
        previousMajor = major;
    }
    return notes;
}

} // namespace pgdial::core::pgconf
