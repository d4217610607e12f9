// Byte-level scanning primitives shared by the date parser's units (date.cc,
// month_names.cc, clock_time.cc): character classes, bounded skips and number reads.
// Each looks at a bounded span, so the scanners built on them stay linear.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dossier::date_detail {

inline constexpr size_t npos = std::string_view::npos;
// Longest input word worth looking up as a month or weekday name ("septiembre", "mercredi").
inline constexpr size_t kMaxNameBytes = 16;

// Byte-level character classes. Only ASCII digits count as digits.

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
inline char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool at(std::string_view s, size_t i, char c) { return i < s.size() && s[i] == c; }
inline bool digit_at(std::string_view s, size_t i) { return i < s.size() && is_digit(s[i]); }

// Decodes the UTF-8 sequence at i; returns its length (at least 1), cp < 0 when ill-formed.
inline size_t decode_at(std::string_view s, size_t i, UChar32& cp) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data() + i);
  const int32_t length = static_cast<int32_t>(std::min<size_t>(s.size() - i, 4));
  int32_t k = 0;
  U8_NEXT(p, k, length, cp);
  return static_cast<size_t>(k);
}

// Byte length of the letter (ASCII or any Unicode letter) at i, or 0.
inline size_t letter_len(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  const unsigned char c = s[i];
  if (c < 0x80) return is_alpha(c) ? 1 : 0;
  UChar32 cp;
  const size_t len = decode_at(s, i, cp);
  return cp >= 0 && u_isalpha(cp) ? len : 0;
}

// End of the run of letters starting at i, looking at no more than max_bytes (+1 letter).
inline size_t word_end(std::string_view s, size_t i, size_t max_bytes = kMaxNameBytes) {
  size_t j = i;
  while (j - i <= max_bytes) {
    const size_t len = letter_len(s, j);
    if (len == 0) break;
    j += len;
  }
  return j;
}

// Byte length of the blank at i: ASCII whitespace or U+00A0 NO-BREAK SPACE.
inline size_t space_len(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  return c == '\xC2' && at(s, i + 1, '\xA0') ? 2 : 0;
}

inline size_t skip_spaces(std::string_view s, size_t i, size_t max_bytes) {
  const size_t start = i;
  while (i - start < max_bytes) {
    const size_t len = space_len(s, i);
    if (len == 0) break;
    i += len;
  }
  return i;
}

// Reads a run of min_len..max_len digits at i that is not followed by another digit.
inline bool read_number(std::string_view s, size_t i, size_t min_len, size_t max_len, int64_t& value, size_t& end) {
  value = 0;
  size_t j = i;
  while (digit_at(s, j) && j - i <= max_len) value = value * 10 + (s[j++] - '0');
  if (j - i < min_len || j - i > max_len) return false;
  end = j;
  return true;
}

}  // namespace dossier::date_detail
