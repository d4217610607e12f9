#include "common/text.h"

#include <cctype>
#include <memory>
#include <mutex>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace dossier {
namespace {

const icu::Normalizer2* nfkc_casefold() {
  static const icu::Normalizer2* n = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? p : nullptr;
  }();
  return n;
}

// Transliterators are not thread-safe, so each thread uses its own clone of one
// prototype: building the compound transliterator from its rules costs about as
// much as tagging a hundred articles, cloning almost nothing.
icu::Transliterator* latin_ascii() {
  static const icu::Transliterator* const prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Transliterator* p = icu::Transliterator::createInstance(
        // The global filter keeps the other scripts' letters out of NFD and mark
        // removal: Cyrillic "й" and Devanagari vowel signs are letters, not accents.
        "[[:Latin:][:Common:][:Inherited:]]; NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; NFC",
        UTRANS_FORWARD, status);
    if (U_FAILURE(status)) {
      delete p;
      return static_cast<icu::Transliterator*>(nullptr);
    }
    return p;
  }();
  thread_local std::unique_ptr<icu::Transliterator> t(prototype ? prototype->clone() : nullptr);
  return t.get();
}

bool has_valid_multibyte_utf8(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    if (p[i] < 0x80) { ++i; continue; }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && i - start > 1) return true;
  }
  return false;
}

}  // namespace

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string fold_case(std::string_view utf8) {
  if (is_ascii(utf8)) return ascii_lower(utf8);
  const icu::Normalizer2* n = nfkc_casefold();
  if (!n) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString dst = n->normalize(src, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  dst.toUTF8String(out);
  return out;
}

std::string fold_diacritics(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  icu::Transliterator* t = latin_ascii();
  if (!t) return std::string(utf8);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  t->transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string fold_for_matching(std::string_view utf8) {
  if (is_ascii(utf8)) return ascii_lower(utf8);
  // Case-fold after removing marks: Latin-ASCII may produce capitals ("Æ" -> "AE").
  return fold_case(fold_diacritics(fold_case(utf8)));
}

bool is_valid_utf8(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    if (p[i] < 0x80) { ++i; continue; }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

size_t repair_utf8(std::string& s) {
  // Nearly all text is valid already (curly quotes and dashes included):
  // check it before rebuilding it byte by byte.
  if (s.find('\0') == std::string::npos && is_valid_utf8(s)) return 0;
  size_t replaced = 0;
  std::string out;
  out.reserve(s.size());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  while (i < n) {
    if (p[i] != 0 && p[i] < 0x80) { out.push_back(static_cast<char>(p[i++])); continue; }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c <= 0) { out.append(kReplacement); ++replaced; continue; }
    out.append(s, start, i - start);
  }
  s.swap(out);
  return replaced;
}

bool has_utf16_bom(std::string_view bytes) {
  return bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF");
}

std::string to_utf8(std::string_view bytes, std::string* encoding) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (has_utf16_bom(bytes)) {  // Windows "Unicode" text exports
    const char* charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    bytes.remove_prefix(2);
    icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
    std::string out;
    u.toUTF8String(out);
    repair_utf8(out);
    if (encoding) *encoding = charset;
    return out;
  }
  if (is_valid_utf8(bytes)) {
    if (encoding) *encoding = "UTF-8";
    return std::string(bytes);
  }
  // Valid multi-byte sequences alongside invalid bytes mean broken UTF-8 (a
  // scraper's cut or a stray byte), not a legacy encoding: repair, don't convert.
  if (has_valid_multibyte_utf8(bytes)) {
    std::string s(bytes);
    repair_utf8(s);
    if (encoding) *encoding = "UTF-8 (repaired)";
    return s;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::string charset;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_SUCCESS(status)) {
    // Detection needs only a sample; large inputs would make it slow.
    int32_t sample = static_cast<int32_t>(std::min<size_t>(bytes.size(), 64 * 1024));
    ucsdet_setText(det, bytes.data(), sample, &status);
    const UCharsetMatch* m = ucsdet_detect(det, &status);
    if (U_SUCCESS(status) && m) {
      const char* name = ucsdet_getName(m, &status);
      int32_t confidence = ucsdet_getConfidence(m, &status);
      if (U_SUCCESS(status) && name && confidence >= 10) charset = name;
    }
    ucsdet_close(det);
  }
  // ISO-8859-1 detections are nearly always Windows-1252 in practice (curly quotes
  // in 0x80-0x9F); UTF-8 "detected" here means mostly-valid UTF-8 with a few bad bytes.
  if (charset.empty() || charset == "ISO-8859-1") charset = "windows-1252";
  if (charset == "UTF-8") {
    std::string s(bytes);
    repair_utf8(s);
    if (encoding) *encoding = "UTF-8 (repaired)";
    return s;
  }
  status = U_ZERO_ERROR;
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), charset.c_str());
  std::string out;
  u.toUTF8String(out);
  repair_utf8(out);
  if (encoding) *encoding = charset;
  return out;
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r' || s[b] == '\f' || s[b] == '\v')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r' || s[e - 1] == '\f' || s[e - 1] == '\v')) --e;
  return s.substr(b, e - b);
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    // U+00A0 no-break space counts as whitespace too.
    if (!ws && c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;
      ++i;
    }
    if (ws) { space = !out.empty(); continue; }
    if (space) { out.push_back(' '); space = false; }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

size_t utf8_char_offset(std::string_view s, size_t byte_offset) {
  size_t n = 0;
  for (size_t i = 0; i < byte_offset && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

std::string primary_language(std::string_view tag) {
  tag = trim(tag);
  size_t end = tag.find_first_of("-_,; ");
  std::string_view primary = tag.substr(0, end);
  if (primary.size() < 2 || primary.size() > 3) return {};
  for (char c : primary) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
  }
  return ascii_lower(primary);
}

}  // namespace dossier
