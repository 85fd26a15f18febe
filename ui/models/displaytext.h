#pragma once

#include <QString>
#include <QVariant>

namespace pgdial::ui::models {

// What a view may be handed to lay out. Text layout of a long string blocks the UI thread for
// seconds and takes gigabytes (a .env holding one 20 MB value), so models cut values for
// DisplayRole and ToolTipRole to a sane length, end them with an ellipsis and say the full length.
class DisplayText
{
public:
    static constexpr qsizetype maxDisplayLength = 1000; // characters a cell or tooltip shows
    static constexpr qsizetype maxEditLength = 100000; // characters a cell editor is given

    // `text` when short enough, else its start, an ellipsis and "(N characters)". Multi-line text
    // is cut at the same length (a tooltip of many short lines is just as slow).
    static QString elided(const QString &text, qsizetype maxLength = maxDisplayLength);
    // The same for a model's QVariant: strings are cut, anything else is returned as it is.
    static QVariant elided(const QVariant &value, qsizetype maxLength = maxDisplayLength);
    // Whether a value is too long to be edited in a cell (the cell is then read-only and says so).
    static bool tooLongToEdit(const QString &text) { return text.size() > maxEditLength; }
};

} // namespace pgdial::ui::models
