// Date parsing for news: hand-written scanners over bytes (no regex), so that every
// function is linear, bounded in look-ahead and safe on arbitrary input. ICU supplies
// Spanish, French and German month and weekday names (month_names.cc) and Unicode
// letter classes; times of day after a date are checked in clock_time.cc.
#include "common/date.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>

#include <unicode/uchar.h>

#include "common/clock_time.h"
#include "common/date_scan.h"
#include "common/month_names.h"

namespace dossier {

// The scanning primitives and the name and clock matchers shared with month_names.cc
// and clock_time.cc.
using namespace date_detail;

namespace {

// A dateline's date must start this close to the top of the body.
constexpr size_t kDatelineWindow = 150;
// A byline or kicker line above a dateline is no longer than this.
constexpr size_t kShortLineBytes = 80;

// ---- Calendar arithmetic: proleptic Gregorian, Howard Hinnant's day-count algorithms.

int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(yoe + era * 400 + (month <= 2)), month, day};
}

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

std::optional<Date> date_from_epoch_seconds(int64_t seconds) {
  // Epoch times carry no zone of writing, so their day is the UTC day.
  const int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  const Date d = civil_from_days(days);
  if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

// ---- Matchers. Each reads a bounded span at i and reports what it found and where it ended.

enum class Context {
  kMetadata,  // a whole date field: two-digit years and foreign abbreviations allowed
  kDateline,  // the top of a body: the year may be missing
  kText,      // running text: only explicit, complete dates
};

struct Found {
  int year = 0, month = 0, day = 0;
  bool has_year = false;
  size_t end = 0;
};

// "2023", and in metadata "17" ("7/23/17": 00-69 is 20xx, 70-99 is 19xx). A number
// followed by ':' is an hour, not a year.
bool read_year(std::string_view s, size_t i, Context ctx, int& year, size_t& end) {
  int64_t v = 0;
  if (!read_number(s, i, ctx == Context::kMetadata ? 2 : 4, 4, v, end) || end - i == 3 || at(s, end, ':')) return false;
  year = static_cast<int>(end - i == 2 ? (v < 70 ? 2000 + v : 1900 + v) : v);
  return true;
}

// Day of month, 1-2 digits with an optional ordinal suffix ("14th", "1er") or, before
// a month name, a German period ("14.").
bool read_day(std::string_view s, size_t i, bool allow_period, int& day, size_t& end) {
  int64_t v = 0;
  size_t j = 0;
  if (!read_number(s, i, 1, 2, v, j) || v < 1 || v > 31) return false;
  if (j + 1 < s.size() && is_alpha(s[j]) && is_alpha(s[j + 1]) && letter_len(s, j + 2) == 0) {
    const char a = to_lower(s[j]), b = to_lower(s[j + 1]);
    if (!((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h') ||
          (a == 'e' && b == 'r')))
      return false;
    j += 2;
  } else if (letter_len(s, j) > 0) {
    return false;  // "5am", "14abc"
  } else if (allow_period && at(s, j, '.')) {
    ++j;
  }
  day = static_cast<int>(v);
  end = j;
  return true;
}

// A month name at i (a word start), with its optional abbreviation period.
bool read_month(std::string_view s, size_t i, Context ctx, int& month, size_t& end) {
  const size_t e = word_end(s, i);
  month = month_from_word(s.substr(i, e - i), ctx == Context::kMetadata);
  if (month == 0) return false;
  end = at(s, e, '.') ? e + 1 : e;
  return true;
}

// Skips a connector word such as "de" or "of" ("14 de noviembre", "the 14th of November").
size_t skip_connector(std::string_view s, size_t i) {
  if (i + 2 < s.size() && space_len(s, i + 2) > 0) {
    const char a = to_lower(s[i]), b = to_lower(s[i + 1]);
    if ((a == 'd' && b == 'e') || (a == 'o' && b == 'f')) return skip_spaces(s, i + 2, 4);
  }
  return i;
}

// "2023-11-14", "2023/11/14" (and "2023.11.14" in metadata).
std::optional<Found> match_iso(std::string_view s, size_t i, Context ctx) {
  int64_t y = 0, m = 0, d = 0;
  size_t j = 0;
  if (!read_number(s, i, 4, 4, y, j) || j >= s.size()) return std::nullopt;
  const char sep = s[j];
  if (sep != '-' && sep != '/' && !(sep == '.' && ctx == Context::kMetadata)) return std::nullopt;
  if (!read_number(s, j + 1, 1, 2, m, j) || !at(s, j, sep) || !read_number(s, j + 1, 1, 2, d, j)) return std::nullopt;
  return Found{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d), true, j};
}

// "11/14/2023", "7/23/17", "11-14-2023" (month first, as in US usage, unless that is not a
// valid day), and "14.11.2023" (day first, as in European usage).
std::optional<Found> match_numeric(std::string_view s, size_t i, Context ctx) {
  int64_t a = 0, b = 0;
  size_t j = 0;
  if (!read_number(s, i, 1, 2, a, j) || j >= s.size()) return std::nullopt;
  const char sep = s[j];
  if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
  int year = 0;
  if (!read_number(s, j + 1, 1, 2, b, j) || !at(s, j, sep) || !read_year(s, j + 1, ctx, year, j)) return std::nullopt;
  Found f{year, static_cast<int>(a), static_cast<int>(b), true, j};
  if (sep == '.' || !is_valid_date(year, f.month, f.day)) std::swap(f.month, f.day);
  return f;
}

// "14 November 2023", "14 Nov. 2023", "14-Nov-2023", "the 14th of November, 2023",
// "14 de noviembre de 2023", "14. November 2023"; yearless ("15 Nov") in datelines.
std::optional<Found> match_dmy(std::string_view s, size_t i, Context ctx) {
  Found f;
  size_t j = 0;
  if (!read_day(s, i, true, f.day, j)) return std::nullopt;
  const char sep = at(s, j, '-') || at(s, j, '/') ? s[j] : ' ';
  size_t k = sep == ' ' ? skip_spaces(s, j, 4) : j + 1;
  if (k == j) return std::nullopt;
  if (sep == ' ') k = skip_connector(s, k);
  if (!read_month(s, k, ctx, f.month, j)) return std::nullopt;
  f.end = j;
  if (sep != ' ') {
    k = at(s, j, sep) ? j + 1 : npos;
  } else {
    k = skip_spaces(s, j, 4);
    if (at(s, k, ',')) k = skip_spaces(s, k + 1, 4);
    k = k == j ? npos : skip_connector(s, k);
  }
  if (k != npos && read_year(s, k, ctx, f.year, j)) {
    f.has_year = true;
    f.end = j;
  } else if (ctx != Context::kDateline) {
    return std::nullopt;
  }
  return f;
}

// "Nov. 14, 2023", "November 14th, 2023", "Sep 5 2023"; yearless ("Nov. 15") outside
// running text, for datelines and the asctime form "Tue Nov 14 09:00:00 2023".
std::optional<Found> match_mdy(std::string_view s, size_t i, Context ctx) {
  Found f;
  size_t j = 0;
  if (!read_month(s, i, ctx, f.month, j)) return std::nullopt;
  size_t k = skip_spaces(s, j, 4);
  if (k == j && s[j - 1] != '.') return std::nullopt;
  if (!read_day(s, k, false, f.day, j)) return std::nullopt;
  f.end = j;
  k = skip_spaces(s, j, 4);
  if (at(s, k, ',')) k = skip_spaces(s, k + 1, 4);
  if (k > j && read_year(s, k, ctx, f.year, j)) {
    f.has_year = true;
    f.end = j;
  } else if (ctx == Context::kText) {
    return std::nullopt;
  }
  return f;
}

std::optional<Date> to_date(const std::optional<Found>& f) {
  if (!f || !f->has_year || !is_valid_date(f->year, f->month, f->day)) return std::nullopt;
  return Date{f->year, f->month, f->day};
}

std::optional<Date> plausible(const std::optional<Found>& f) {
  auto d = to_date(f);
  if (d && !is_plausible_news_date(*d)) return std::nullopt;
  return d;
}

// A written date starting at i that, with an optional time, makes up the rest of s.
std::optional<Date> parse_written_date(std::string_view s, size_t i) {
  if (i >= s.size()) return std::nullopt;
  std::optional<Found> f;
  bool iso = false;
  if (is_digit(s[i])) {
    iso = (f = match_iso(s, i, Context::kMetadata)).has_value();
    if (!f) f = match_numeric(s, i, Context::kMetadata);
    if (!f) f = match_dmy(s, i, Context::kMetadata);
  } else {
    f = match_mdy(s, i, Context::kMetadata);
  }
  if (!f) return std::nullopt;
  if (!f->has_year) {
    // asctime and date(1) put the clock before the year: "Nov 14 09:00:00 [UTC] 2023".
    size_t j = skip_spaces(s, f->end, 4);
    j = j == f->end ? npos : parse_clock(s, j, false);
    if (j == npos) return std::nullopt;
    if (const size_t e = match_zone(s, skip_spaces(s, j, 2)); e != npos) j = e;
    const size_t k = skip_spaces(s, j, 4);
    if (k == j || !read_year(s, k, Context::kDateline, f->year, f->end)) return std::nullopt;
    f->has_year = true;
  }
  if (!rest_is_time(s, f->end, iso)) return std::nullopt;
  return to_date(f);
}

std::string_view trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && space_len(s, b) > 0) b += space_len(s, b);
  size_t e = s.size();
  while (e > b) {
    if (space_len(s, e - 1) == 1) {
      --e;
    } else if (e - b >= 2 && s[e - 2] == '\xC2' && s[e - 1] == '\xA0') {
      e -= 2;
    } else {
      break;
    }
  }
  return s.substr(b, e - b);
}

// ---- Datelines.

struct PlaceWord {
  size_t end = 0;
  int letters = 0;
  bool any_lower = false, first_upper = false;
};

// A word of a place name: letters with inner '.', '-', '\'' ("ST.", "PORT-AU-PRINCE", "D.C.").
PlaceWord scan_place_word(std::string_view s, size_t i) {
  PlaceWord w;
  size_t j = i;
  while (j < s.size() && j - i < 40) {
    const size_t len = letter_len(s, j);
    if (len > 0) {
      UChar32 cp = static_cast<unsigned char>(s[j]);
      if (len > 1) decode_at(s, j, cp);
      if (w.letters++ == 0) w.first_upper = u_isupper(cp);
      w.any_lower = w.any_lower || u_islower(cp);
      j += len;
    } else if (w.letters > 0 && (s[j] == '.' || ((s[j] == '-' || s[j] == '\'') && letter_len(s, j + 1) > 0))) {
      ++j;
    } else {
      break;
    }
  }
  w.end = j;
  return w;
}

std::optional<Found> match_dateline_date(std::string_view s, size_t i) {
  std::optional<Found> f;
  if (is_digit(s[i])) {
    f = match_iso(s, i, Context::kDateline);
    if (!f) f = match_numeric(s, i, Context::kDateline);
    if (!f) f = match_dmy(s, i, Context::kDateline);
  } else if (is_alpha(s[i])) {
    f = match_mdy(s, i, Context::kDateline);
  }
  if (f && f->end < s.size() && (is_alnum(s[f->end]) || letter_len(s, f->end) > 0)) return std::nullopt;
  return f;
}

// The dateline starting at i: a place ("TOKYO", "NEW YORK"; after a comma also a
// capitalised region, country or weekday: "KYIV, Ukraine,", "WASHINGTON, Tuesday,")
// followed by a date.
std::optional<Date> dateline_at(std::string_view s, size_t i, std::optional<int> reference_year) {
  const size_t limit = i + kDatelineWindow;
  const PlaceWord first = scan_place_word(s, i);
  if (first.letters < 2 || first.any_lower) return std::nullopt;
  i = first.end;
  bool mixed_case_ok = false;
  for (int words = 1; words < 10 && i < limit; ++words) {
    size_t j = skip_spaces(s, i, 3);
    if (j > i && at(s, j, '.')) j = skip_spaces(s, j + 1, 3);  // tokenised text: "Minn ."
    const bool comma = at(s, j, ',') || at(s, j, '/');
    if (comma) j = skip_spaces(s, j + 1, 3);
    if (j == i || j >= s.size() || j >= limit) return std::nullopt;
    if (auto f = match_dateline_date(s, j)) {
      if (!f->has_year) {
        if (!reference_year) return std::nullopt;
        f->year = *reference_year;
        f->has_year = true;
      }
      return plausible(f);
    }
    const PlaceWord w = scan_place_word(s, j);
    mixed_case_ok = mixed_case_ok || comma;
    if (w.letters == 0 || (w.any_lower && !(mixed_case_ok && w.first_upper))) return std::nullopt;
    i = w.end;
  }
  return std::nullopt;
}

}  // namespace

// ---- Public API.

std::string Date::iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string Date::compact() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
  return buf;
}

int Date::days_since_epoch() const { return static_cast<int>(days_from_civil(year, month, day)); }

std::optional<Date> Date::from_compact(std::string_view s) {
  if (s.size() != 8 || !std::all_of(s.begin(), s.end(), is_digit)) return std::nullopt;
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t k = pos; k < pos + len; ++k) v = v * 10 + (s[k] - '0');
    return v;
  };
  const Date d{num(0, 4), num(4, 2), num(6, 2)};
  if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

// Years stop at 9999 so that compact() always has eight digits and sorts as a string.
bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

bool is_plausible_news_date(const Date& d) {
  if (!is_valid_date(d.year, d.month, d.day) || d < Date{1800, 1, 1}) return false;
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  Date latest = civil_from_days(std::chrono::floor<std::chrono::days>(now).count());
  latest.year += 2;
  return d <= latest;
}

std::optional<Date> parse_date_string(std::string_view raw) {
  const std::string_view s = trim(raw);
  if (s.empty() || s.size() > 160) return std::nullopt;
  size_t digits = 0;
  while (digits < s.size() && is_digit(s[digits])) ++digits;
  if (digits == s.size() || (digits == 10 && s[10] == '.')) {
    int64_t v = 0;
    size_t end = 0;
    if (digits == 8) return Date::from_compact(s);
    if (digits == 10 && s[0] != '0') {  // epoch seconds, possibly with a fraction
      if (digits < s.size() && !read_number(s, 11, 1, 9, v, end)) return std::nullopt;
      if (digits < s.size() && end != s.size()) return std::nullopt;
      read_number(s, 0, 10, 10, v, end);
      return date_from_epoch_seconds(v);
    }
    if (digits == 13 && s[0] != '0' && read_number(s, 0, 13, 13, v, end)) return date_from_epoch_seconds(v / 1000);
    return std::nullopt;
  }
  if (digits == 8 && (s[8] == 'T' || s[8] == 't')) {  // ISO 8601 basic: "20231114T093000Z"
    auto d = Date::from_compact(s.substr(0, 8));
    return d && rest_is_time(s, 8, true) ? d : std::nullopt;
  }
  if (auto d = parse_written_date(s, 0)) return d;
  // A leading weekday: "Tue, 14 Nov 2023 ...", "Tuesday, November 14, 2023", "mardi 14 novembre 2023".
  const size_t e = word_end(s, 0);
  if (e == 0 || !is_weekday_word(s.substr(0, e))) return std::nullopt;
  size_t k = at(s, e, '.') ? e + 1 : e;
  k = skip_spaces(s, k, 4);
  if (at(s, k, ',')) k = skip_spaces(s, k + 1, 4);
  return k > e ? parse_written_date(s, k) : std::nullopt;
}

std::optional<Date> find_dateline_date(std::string_view body, std::optional<int> reference_year) {
  size_t line = body.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  // A byline or kicker line may come first ("Peter Blackburn\nBRUSSELS 1996-08-22"):
  // after one or two short lines, the next line may still hold the dateline.
  for (int lines = 0; lines < 3; ++lines) {
    if (auto d = dateline_at(body, skip_spaces(body, line, 64), reference_year)) return d;
    const size_t newline = body.find('\n', line);
    if (newline == npos || newline - line > kShortLineBytes) break;
    line = newline + 1;
  }
  return std::nullopt;
}

std::optional<Date> find_first_text_date(std::string_view s) {
  const size_t n = s.size();
  const NameTables& names = name_tables();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (is_digit(c)) {
      if (i == 0 || !is_alnum(s[i - 1])) {
        if (auto d = plausible(match_iso(s, i, Context::kText))) return d;
        if (auto d = plausible(match_numeric(s, i, Context::kText))) return d;
        if (auto d = plausible(match_dmy(s, i, Context::kText))) return d;
      }
      while (i < n && is_digit(s[i])) ++i;
      continue;
    }
    if (c < 0x80 && !is_alpha(c)) {
      ++i;
      continue;
    }
    const size_t len = c < 0x80 ? 1 : letter_len(s, i);
    if (len == 0) {  // non-ASCII punctuation or an ill-formed byte
      UChar32 cp;
      i += decode_at(s, i, cp);
      continue;
    }
    size_t e = i + len;
    for (;;) {  // the rest of the word; ASCII letters without a function call, as they dominate
      if (e < n && is_alpha(s[e])) {
        ++e;
      } else if (const size_t l = e < n && static_cast<unsigned char>(s[e]) >= 0x80 ? letter_len(s, e) : 0) {
        e += l;
      } else {
        break;
      }
    }
    if (could_be_month(names, s.substr(i, e - i)) && (i == 0 || !is_digit(s[i - 1]))) {
      if (auto d = plausible(match_mdy(s, i, Context::kText))) return d;
    }
    i = e;
  }
  return std::nullopt;
}

std::optional<Date> parse_date_bound(std::string_view s, bool as_upper) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  for (size_t k = 0; k < s.size(); ++k) {
    if ((k == 4 || k == 7) ? s[k] != '-' : !is_digit(s[k])) return std::nullopt;
  }
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t k = pos; k < pos + len; ++k) v = v * 10 + (s[k] - '0');
    return v;
  };
  Date d{num(0, 4), s.size() >= 7 ? num(5, 2) : (as_upper ? 12 : 1), 1};
  if (d.year < 1 || d.month < 1 || d.month > 12) return std::nullopt;
  d.day = s.size() == 10 ? num(8, 2) : (as_upper ? days_in_month(d.year, d.month) : 1);
  if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

}  // namespace dossier
