#include "models/displaytext.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>

namespace pgdial::ui::models {

QString DisplayText::elided(const QString &text, qsizetype maxLength)
{
    if (text.size() <= maxLength)
        return text;
    qsizetype cut = maxLength;
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut; // never split a character in two
    return text.left(cut) + QChar(0x2026)
        + QCoreApplication::translate("pgdial::ui::models::DisplayText", " (%n characters)", nullptr,
                                      int(std::min<qsizetype>(text.size(), INT_MAX)));
}

QVariant DisplayText::elided(const QVariant &value, qsizetype maxLength)
{
    if (value.typeId() != QMetaType::QString)
        return value;
    const QString text = value.toString();
    return text.size() <= maxLength ? value : QVariant(elided(text, maxLength));
}

} // namespace pgdial::ui::models
