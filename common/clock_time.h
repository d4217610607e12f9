// Times of day and zones after a metadata date ("T09:30:00Z", ", 9:30 a.m. EST",
// " 09:00:00 +0900 (JST)"). The date parser checks them, so that "2023-11-14 garbage"
// is rejected, but they never change the date: it is the date as written, in its own zone.
#pragma once

#include <cstddef>
#include <string_view>

namespace dossier::date_detail {

// "9:30", "09:30:00", "09:30:00.123"; with compact_ok (after an ISO 'T') also "0930",
// "093000". Returns the end of the clock, or npos.
size_t parse_clock(std::string_view s, size_t i, bool compact_ok);

// "Z", "+09:00", "GMT", "UTC+9", "(JST)", "[Asia/Tokyo]": the end of the zone, or npos.
size_t match_zone(std::string_view s, size_t i);

// True when s[i..] is empty or a time of day: "T09:30:00Z", " 09:00:00 +0900",
// ", 9:30 a.m. EST", " at 9:30 PM", " - 10:30 AM ET". `iso` allows the 'T' separator.
bool rest_is_time(std::string_view s, size_t i, bool iso);

}  // namespace dossier::date_detail
