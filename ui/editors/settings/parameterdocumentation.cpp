#include "editors/settings/parameterdocumentation.h"

#include "pgconf/parameterhistory.h"
#include "pgconf/valueformatter.h"

#include <cmath>

using namespace Qt::StringLiterals;
using namespace pgdial::core::pgconf;

namespace pgdial::ui::editors::settings {

QString ParameterDocumentation::contextBadge(ParameterContext context)
{
    switch (context) {
    case ParameterContext::Internal:
        return tr("fixed");
    case ParameterContext::Postmaster:
        return tr("restart");
    case ParameterContext::Sighup:
    case ParameterContext::SuperuserBackend:
    case ParameterContext::Backend:
    case ParameterContext::Superuser:
    case ParameterContext::User:
        return tr("reload");
    }
    return {};
}

QString ParameterDocumentation::contextDescription(ParameterContext context)
{
    switch (context) {
    case ParameterContext::Internal:
        return tr("Cannot be changed: fixed when the server was built or the cluster initialised.");
    case ParameterContext::Postmaster:
        return tr("Needs a server restart to take effect.");
    case ParameterContext::Sighup:
        return tr("Takes effect on reload (pg_ctl reload, SELECT pg_reload_conf()).");
    case ParameterContext::SuperuserBackend:
        return tr("Takes effect on reload, for new sessions only; superusers can also set it at connection start.");
    case ParameterContext::Backend:
        return tr("Takes effect on reload, for new sessions only; can also be set at connection start.");
    case ParameterContext::Superuser:
        return tr("Takes effect on reload; superusers can also change it with SET.");
    case ParameterContext::User:
        return tr("Takes effect on reload; any user can also change it with SET.");
    }
    return {};
}

QString ParameterDocumentation::boundText(const ParameterInfo &info, double value, Rounding rounding)
{
    // Units read better for memory and time bounds than raw multiples of the base unit;
    // the huge maxima are shown rounded ("8TB" rather than 8589934584kB).
    if (!(info.isMemoryUnit() || info.isTimeUnit()) || value <= 0)
        return QString::number(value, 'g', 12);
    QString exact = ValueFormatter::withUnit(value, info.unit);
    qsizetype digits = 0;
    while (digits < exact.size() && exact.at(digits).isDigit())
        ++digits;
    // A bound is rounded inwards whatever its length: ValueFormatter would call 2147483647kB "2TB",
    // which the server refuses.
    if (digits <= 5 && rounding == Rounding::Nearest)
        return exact;
    static const QList<std::pair<QString, double>> memory = {{u"TB"_s, 1024.0 * 1024 * 1024 * 1024},
                                                             {u"GB"_s, 1024.0 * 1024 * 1024},
                                                             {u"MB"_s, 1024.0 * 1024},
                                                             {u"kB"_s, 1024.0}};
    static const QList<std::pair<QString, double>> time
        = {{u"d"_s, 86400e6}, {u"h"_s, 3600e6}, {u"min"_s, 60e6}, {u"s"_s, 1e6}, {u"ms"_s, 1e3}};
    const bool isMemory = info.isMemoryUnit();
    double base = 1;
    QString unit = info.unit;
    if (unit.startsWith(u"8"_s)) {
        base = 8;
        unit = unit.mid(1);
    }
    const auto &scale = isMemory ? memory : time;
    double inSmallest = value * base;
    for (const auto &[name, factor] : scale) {
        if (name == unit)
            inSmallest *= factor;
    }
    if (!isMemory && unit == u"us"_s)
        inSmallest = value;
    for (const auto &[name, factor] : scale) {
        if (inSmallest < factor)
            continue;
        double shown = inSmallest / factor;
        if (rounding != Rounding::Nearest) {
            // Three significant digits, rounded towards the inside of the range so that the
            // bound shown is itself accepted.
            const double precision = std::pow(10.0, 2 - std::floor(std::log10(shown)));
            shown = rounding == Rounding::Down ? std::floor(shown * precision) / precision
                                               : std::ceil(shown * precision) / precision;
        }
        return u"%1%2"_s.arg(QString::number(shown, 'g', 3), name);
    }
    return exact;
}

QString ParameterDocumentation::outOfRange(const ParameterInfo &info, const QString &value)
{
    if (!info.min || !info.max)
        return {};
    return tr("%1 = %2 is out of range: use %3 to %4")
        .arg(info.name, value.trimmed(), boundText(info, *info.min, Rounding::Up),
             boundText(info, *info.max, Rounding::Down));
}

QString ParameterDocumentation::allowedValues(const ParameterInfo &info)
{
    switch (info.type) {
    case ParameterType::Bool:
        return tr("on / off");
    case ParameterType::Enum:
        return info.enumValues.join(u", "_s);
    case ParameterType::Integer:
    case ParameterType::Real: {
        if (!info.min && !info.max)
            return {};
        auto bound = [&info](double value) { return boundText(info, value); };
        QString range
            = tr("%1 – %2").arg(info.min ? bound(*info.min) : QString(), info.max ? bound(*info.max) : QString());
        if (!info.unit.isEmpty())
            range += u' ' + tr("(unit %1)").arg(info.unit);
        return range;
    }
    case ParameterType::String:
        return {};
    }
    return {};
}

QString ParameterDocumentation::defaultValue(const ParameterInfo &info)
{
    if ((info.type == ParameterType::Integer || info.type == ParameterType::Real) && !info.unit.isEmpty()) {
        bool ok = false;
        const double value = info.bootValue.toDouble(&ok);
        if (ok)
            return ValueFormatter::withUnit(value, info.unit);
    }
    return info.bootValue;
}

QString ParameterDocumentation::hiddenNote(const ParameterInfo &info)
{
    if (info.obsolete && !info.acceptedSettings.isEmpty())
        return tr("Obsolete: it has no effect. The server still accepts the name, with the value %1 only, so that "
                  "old configuration files load; pg_settings does not list it. Remove the line.")
            .arg(info.acceptedSettings.join(tr(" or ")));
    if (info.obsolete)
        return tr("Obsolete: it has no effect. The server still accepts the name so that old configuration files "
                  "load; pg_settings does not list it. Remove the line.");
    if (info.hidden && info.context == ParameterContext::Internal)
        return tr("Hidden: pg_settings does not list it. The server reports it to clients; it cannot be set.");
    if (info.hidden)
        return tr("Hidden: pg_settings does not list it. It is session state meant for SET; the server accepts "
                  "it in the file, where it applies to every session.");
    return {};
}

QString ParameterDocumentation::tooltip(const ParameterInfo &info)
{
    QString text = u"<b>%1</b><br>%2"_s.arg(info.name.toHtmlEscaped(), info.shortDescription.toHtmlEscaped());
    if (!info.extraDescription.isEmpty())
        text += u"<br>"_s + info.extraDescription.toHtmlEscaped();
    if (const QString note = hiddenNote(info); !note.isEmpty())
        text += u"<br><b>%1</b>"_s.arg(note.toHtmlEscaped());
    text += u"<br><i>"_s + contextDescription(info.context).toHtmlEscaped() + u"</i>"_s;
    return text;
}

QString ParameterDocumentation::html(const ParameterInfo &info, int major, const QString &currentValue,
                                     const QString &source)
{
    QString html = u"<h3 style='margin-bottom:2px'>%1</h3>"_s.arg(info.name.toHtmlEscaped());
    html += u"<p><i>%1</i></p>"_s.arg(info.category.toHtmlEscaped());
    html += u"<p>%1</p>"_s.arg(info.shortDescription.toHtmlEscaped());
    if (!info.extraDescription.isEmpty())
        html += u"<p>%1</p>"_s.arg(info.extraDescription.toHtmlEscaped());
    if (const QString note = hiddenNote(info); !note.isEmpty())
        html += u"<p><b>%1</b></p>"_s.arg(note.toHtmlEscaped());

    html += u"<table cellspacing='0' cellpadding='2'>"_s;
    auto row = [&html](const QString &label, const QString &value) {
        if (!value.isEmpty())
            html += u"<tr><td valign='top'><b>%1</b>&nbsp;</td><td>%2</td></tr>"_s.arg(label.toHtmlEscaped(), value);
    };
    row(tr("Value"),
        currentValue.isEmpty() ? tr("<i>not set</i>") : u"<code>%1</code>"_s.arg(currentValue.toHtmlEscaped()));
    row(tr("Set in"), source.toHtmlEscaped());
    const QString defaultText = defaultValue(info);
    row(tr("Default"),
        defaultText.isEmpty() ? tr("<i>empty</i>") : u"<code>%1</code>"_s.arg(defaultText.toHtmlEscaped()));
    row(tr("Type"), parameterTypeName(info.type).toHtmlEscaped());
    if (!info.unit.isEmpty())
        row(tr("Unit"), info.unit.toHtmlEscaped());
    row(info.type == ParameterType::Enum ? tr("Values") : tr("Range"), allowedValues(info).toHtmlEscaped());
    row(tr("Context"),
        u"%1 — %2"_s.arg(parameterContextName(info.context).toHtmlEscaped(),
                         contextDescription(info.context).toHtmlEscaped()));
    html += u"</table>"_s;

    const QStringList notes = ParameterHistory::notes(info.name);
    html += u"<p><b>%1</b></p>"_s.arg(tr("Versions (target: PostgreSQL %1)").arg(major));
    if (notes.isEmpty()) {
        html += u"<p>%1</p>"_s.arg(tr("The same in PostgreSQL 13 to 18.").toHtmlEscaped());
    } else {
        html += u"<ul style='margin-top:0'>"_s;
        for (const QString &note : notes)
            html += u"<li>%1</li>"_s.arg(note.toHtmlEscaped());
        html += u"</ul>"_s;
    }
    return html;
}

} // namespace pgdial::ui::editors::settings
