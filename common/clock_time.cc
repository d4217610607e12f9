#include "common/clock_time.h"

#include <cstdint>

#include "common/date_scan.h"

namespace dossier::date_detail {

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

namespace {

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

}  // namespace

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

}  // namespace dossier::date_detail
