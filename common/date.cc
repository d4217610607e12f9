// Date parsing for news: hand-written scanners over bytes (no regex), so that every
// function is linear, bounded in look-ahead and safe on arbitrary input. ICU supplies
// Spanish, French and German month and weekday names and Unicode letter classes.
#include "common/date.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace dossier {
namespace {

constexpr size_t npos = std::string_view::npos;
// Longest input word worth looking up as a month or weekday name ("septiembre", "mercredi").
constexpr size_t kMaxNameBytes = 16;
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

// ---- Byte-level character classes. Only ASCII digits count as digits.

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool at(std::string_view s, size_t i, char c) { return i < s.size() && s[i] == c; }
bool digit_at(std::string_view s, size_t i) { return i < s.size() && is_digit(s[i]); }

// Decodes the UTF-8 sequence at i; returns its length (at least 1), cp < 0 when ill-formed.
size_t decode_at(std::string_view s, size_t i, UChar32& cp) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data() + i);
  const int32_t length = static_cast<int32_t>(std::min<size_t>(s.size() - i, 4));
  int32_t k = 0;
  U8_NEXT(p, k, length, cp);
  return static_cast<size_t>(k);
}

// Byte length of the letter (ASCII or any Unicode letter) at i, or 0.
size_t letter_len(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  const unsigned char c = s[i];
  if (c < 0x80) return is_alpha(c) ? 1 : 0;
  UChar32 cp;
  const size_t len = decode_at(s, i, cp);
  return cp >= 0 && u_isalpha(cp) ? len : 0;
}

// End of the run of letters starting at i, looking at no more than max_bytes (+1 letter).
size_t word_end(std::string_view s, size_t i, size_t max_bytes = kMaxNameBytes) {
  size_t j = i;
  while (j - i <= max_bytes) {
    const size_t len = letter_len(s, j);
    if (len == 0) break;
    j += len;
  }
  return j;
}

// Byte length of the blank at i: ASCII whitespace or U+00A0 NO-BREAK SPACE.
size_t space_len(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  return c == '\xC2' && at(s, i + 1, '\xA0') ? 2 : 0;
}

size_t skip_spaces(std::string_view s, size_t i, size_t max_bytes) {
  const size_t start = i;
  while (i - start < max_bytes) {
    const size_t len = space_len(s, i);
    if (len == 0) break;
    i += len;
  }
  return i;
}

// Reads a run of min_len..max_len digits at i that is not followed by another digit.
bool read_number(std::string_view s, size_t i, size_t min_len, size_t max_len, int64_t& value, size_t& end) {
  value = 0;
  size_t j = i;
  while (digit_at(s, j) && j - i <= max_len) value = value * 10 + (s[j++] - '0');
  if (j - i < min_len || j - i > max_len) return false;
  end = j;
  return true;
}

// ---- Month and weekday names: English built in, Spanish/French/German from ICU.

struct MonthName {
  int month;
  bool foreign_abbreviation;  // "ago", "dic", "févr": trusted in metadata fields only
};

struct NameTables {
  std::unordered_map<std::string, MonthName> months;
  std::unordered_set<std::string> weekdays;
  // Bit b of month_prefixes[a] is set when some month name starts with letters a, b
  // (b == 26: a non-ASCII byte). Lets the text scanner skip most words without hashing.
  uint32_t month_prefixes[26] = {};
};

int second_letter_index(char c) {
  if (static_cast<unsigned char>(c) >= 0x80) return 26;
  return is_alpha(c) ? to_lower(c) - 'a' : -1;
}

bool could_be_month(const NameTables& t, std::string_view word) {
  if (word.size() < 3 || word.size() > kMaxNameBytes || !is_alpha(word[0])) return false;
  const int second = second_letter_index(word[1]);
  return second >= 0 && ((t.month_prefixes[to_lower(word[0]) - 'a'] >> second) & 1);
}

std::string fold_case(std::string_view word) {
  std::string out(word);
  if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    for (char& c : out) c = to_lower(c);
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  out.clear();
  u.foldCase().toUTF8String(out);
  return out;
}

std::string name_key(const icu::UnicodeString& name) {
  icu::UnicodeString folded(name);
  std::string key;
  folded.foldCase().toUTF8String(key);
  while (!key.empty() && key.back() == '.') key.pop_back();
  return key;
}

void add_month(NameTables& t, const std::string& key, int month, bool foreign_abbreviation) {
  if (key.size() < 3 || key.size() > kMaxNameBytes || !is_alpha(key[0])) return;
  // First entry wins: English, then full foreign names, then foreign abbreviations.
  if (!t.months.emplace(key, MonthName{month, foreign_abbreviation}).second) return;
  const int second = second_letter_index(key[1]);
  if (second >= 0) t.month_prefixes[key[0] - 'a'] |= 1u << second;
}

void add_icu_names(NameTables& t, const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(icu::Locale(locale), status);
  if (U_FAILURE(status)) return;
  using S = icu::DateFormatSymbols;
  for (const S::DtWidthType width : {S::WIDE, S::ABBREVIATED}) {
    for (const S::DtContextType context : {S::FORMAT, S::STANDALONE}) {
      int32_t count = 0;
      const icu::UnicodeString* months = symbols.getMonths(count, context, width);
      for (int32_t m = 0; months != nullptr && m < count && m < 12; ++m)
        add_month(t, name_key(months[m]), m + 1, width == S::ABBREVIATED);
      const icu::UnicodeString* days = symbols.getWeekdays(count, context, width);
      for (int32_t d = 0; days != nullptr && d < count; ++d) {
        const std::string key = name_key(days[d]);
        if (key.size() >= 2) t.weekdays.insert(key);
      }
    }
  }
}

const NameTables& name_tables() {
  static const NameTables tables = [] {
    NameTables t;
    static constexpr const char* kMonths[12] = {"january", "february", "march",     "april",   "may",      "june",
                                                "july",    "august",   "september", "october", "november", "december"};
    for (int m = 0; m < 12; ++m) add_month(t, kMonths[m], m + 1, false);
    for (int m = 0; m < 12; ++m) add_month(t, std::string(kMonths[m], 3), m + 1, false);
    add_month(t, "sept", 9, false);
    for (const char* day : {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "tues",
                            "thur", "thurs", "weds"}) {
      t.weekdays.insert(day);
      t.weekdays.insert(std::string(day, 3));
    }
    for (const char* locale : {"es", "fr", "de"}) add_icu_names(t, locale);
    return t;
  }();
  return tables;
}

// Month number for a whole word ("Nov", "noviembre", "Févr"), else 0.
int month_from_word(std::string_view word, bool allow_foreign_abbreviation) {
  const NameTables& t = name_tables();
  if (!could_be_month(t, word)) return 0;
  const auto it = t.months.find(fold_case(word));
  if (it == t.months.end() || (it->second.foreign_abbreviation && !allow_foreign_abbreviation)) return 0;
  return it->second.month;
}

bool is_weekday_word(std::string_view word) {
  return word.size() >= 2 && word.size() <= kMaxNameBytes && name_tables().weekdays.count(fold_case(word)) > 0;
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

// ---- Times of day after a metadata date. They are checked (so that "2023-11-14 garbage"
// is rejected) but never change the date: it is the date as written, in its own zone.

// "9:30", "09:30:00", "09:30:00.123"; after an ISO 'T' also "0930", "093000".
size_t parse_clock(std::string_view s, size_t i, bool compact_ok) {
  int64_t h = 0, m = 0, sec = 0, v = 0;
  size_t j = 0;
  if (compact_ok && read_number(s, i, 4, 6, v, j) && j - i != 5) {
    if (j - i == 6) sec = v % 100, v /= 100;
    h = v / 100, m = v % 100;
  } else {
    if (!read_number(s, i, 1, 2, h, j) || !at(s, j, ':') || !read_number(s, j + 1, 2, 2, m, j)) return npos;
    if (at(s, j, ':') && !read_number(s, j + 1, 2, 2, sec, j)) return npos;
  }
  if (h > 24 || m > 59 || sec > 60) return npos;
  if ((at(s, j, '.') || at(s, j, ',')) && digit_at(s, j + 1) && !read_number(s, j + 1, 1, 12, v, j)) return npos;
  return j;
}

// "am", "PM", "a.m.", "p.m."
size_t match_meridiem(std::string_view s, size_t i) {
  if (i + 1 >= s.size() || (to_lower(s[i]) != 'a' && to_lower(s[i]) != 'p')) return npos;
  if (to_lower(s[i + 1]) == 'm' && letter_len(s, i + 2) == 0) return i + 2;
  if (s[i + 1] == '.' && i + 3 < s.size() && to_lower(s[i + 2]) == 'm' && s[i + 3] == '.') return i + 4;
  return npos;
}

// "+09:00", "-0500", "+9"
size_t match_offset(std::string_view s, size_t i) {
  if (!at(s, i, '+') && !at(s, i, '-')) return npos;
  int64_t v = 0;
  size_t j = 0;
  if (!read_number(s, i + 1, 1, 4, v, j) || j - i - 1 == 3) return npos;
  if (j - i - 1 <= 2 && at(s, j, ':') && !read_number(s, j + 1, 2, 2, v, j)) return npos;
  return j;
}

// "Z", "+09:00", "GMT", "UTC+9", "(JST)", "[Asia/Tokyo]"
size_t match_zone(std::string_view s, size_t i) {
  if (i >= s.size()) return npos;
  if (s[i] == '+' || s[i] == '-') return match_offset(s, i);
  if (s[i] == '(' || s[i] == '[') {
    const char close = s[i] == '(' ? ')' : ']';
    for (size_t j = i + 1; j < s.size() && j - i < 64; ++j) {
      if (s[j] == close) return j > i + 1 ? j + 1 : npos;
      if (!is_alnum(s[j]) && s[j] != ' ' && s[j] != '/' && s[j] != '_' && s[j] != '-' && s[j] != '+') return npos;
    }
    return npos;
  }
  size_t j = i;
  while (j < s.size() && j - i < 6 && s[j] >= 'A' && s[j] <= 'Z') ++j;
  if (j == i || j - i > 5 || letter_len(s, j) > 0) return npos;
  const size_t offset_end = match_offset(s, j);
  return offset_end != npos ? offset_end : j;
}

// True when s[i..] is empty or a time of day: "T09:30:00Z", " 09:00:00 +0900",
// ", 9:30 a.m. EST", " at 9:30 PM", " - 10:30 AM ET".
bool rest_is_time(std::string_view s, size_t i, bool iso) {
  if (skip_spaces(s, i, 8) == s.size()) return true;
  size_t k = i;
  const bool t_separator = iso && (at(s, i, 'T') || at(s, i, 't'));
  if (t_separator) {
    ++k;
  } else {
    k = skip_spaces(s, k, 4);
    // ", 9:30", and between blanks " - 10:30", " | 10:30", " @ 10:30"
    if (at(s, k, ',') || (k > i && (at(s, k, '-') || at(s, k, '|') || at(s, k, '@')) && space_len(s, k + 1)))
      k = skip_spaces(s, k + 1, 4);
    if (k == i) return false;  // the date runs into something else: "2023-11-14x"
    if (k + 2 < s.size() && to_lower(s[k]) == 'a' && to_lower(s[k + 1]) == 't' && space_len(s, k + 2))
      k = skip_spaces(s, k + 2, 4);
  }
  size_t j = parse_clock(s, k, t_separator);
  if (j == npos) return false;
  if (const size_t e = match_meridiem(s, skip_spaces(s, j, 2)); e != npos) j = e;
  for (int zones = 0; zones < 2; ++zones) {
    const size_t e = match_zone(s, skip_spaces(s, j, 2));
    if (e == npos) break;
    j = e;
  }
  return skip_spaces(s, j, 8) == s.size();
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
