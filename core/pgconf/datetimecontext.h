#pragma once

#include <string>

namespace pgdial::core::pgconf {

// What the server's date/time input depends on besides the text, at the moment postgresql.conf
// is read: DateStyle's field order and whether a timezone_abbreviations file is loaded. At
// start-up the abbreviations are installed only after the file has been read, so while it is
// read they are known only when the file itself set timezone_abbreviations on an earlier line
// (a plain "...Z" or "... PST" is refused otherwise); DateStyle likewise counts from its line on.
struct DateTimeContext
{
    enum class Order { YMD, DMY, MDY };
    Order order = Order::MDY; // the boot value "ISO, MDY"
    std::string abbreviations; // "" (none loaded), "Default", "Australia" or "India"
    // The timezone of earlier lines ("" for the boot value GMT): 18 also knows the abbreviations
    // that zone uses (EDT after timezone = 'America/New_York') without any table.
    std::string timeZone;
};

} // namespace pgdial::core::pgconf
