// Calendar dates found in news: parsing metadata strings, datelines and dates in
// running text, with plausibility checks. Only whole days matter to Dossier.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dossier {

struct Date {
  int year = 0, month = 0, day = 0;

  // "2023-11-14"
  std::string iso() const;
  // "20231114": the value-slot form, which sorts and range-compares as a string.
  std::string compact() const;
  int days_since_epoch() const;  // 1970-01-01 is 0
  static std::optional<Date> from_compact(std::string_view yyyymmdd);
  friend auto operator<=>(const Date&, const Date&) = default;
};

// True for a real calendar day (Feb 29 only in leap years).
bool is_valid_date(int year, int month, int day);

// Plausible for a news article: 1800-01-01 .. today + 2 years (rejects 0001-01-01, 2050-...).
bool is_plausible_news_date(const Date& d);

// Parses a metadata date field: ISO 8601 (with or without time and zone),
// RFC 2822 ("Tue, 14 Nov 2023 09:00:00 +0900"), "7/23/17", "11/14/2023",
// "Nov. 14, 2023", "14 November 2023", "20231114", epoch seconds, etc.
// Returns nullopt when the string is not a date or not a valid calendar day.
// Plausibility is checked separately (is_plausible_news_date).
std::optional<Date> parse_date_string(std::string_view s);

// Finds a dateline date at the start of a body ("TOKYO, Nov. 15 (Kyodo) --",
// "LONDON 1996-08-30"). A dateline without a year takes it from `reference_year`
// when given, else returns nullopt.
std::optional<Date> find_dateline_date(std::string_view body, std::optional<int> reference_year = std::nullopt);

// Finds the first explicit full date in running text ("Nov. 14, 2023",
// "14 November 2023", "2023-11-14", "Sept. 5, 2023"). Skips implausible ones.
std::optional<Date> find_first_text_date(std::string_view text);

// A user-supplied bound for --from/--to and date: in queries: YYYY, YYYY-MM or
// YYYY-MM-DD. `as_upper` widens to the last day of the year or month.
std::optional<Date> parse_date_bound(std::string_view s, bool as_upper);

}  // namespace dossier
