#include "common/word_tokenizer.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "common/text.h"

namespace dossier {
namespace {

// BreakIterator instances are not thread-safe; one per thread, created once.
icu::BreakIterator* word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> p(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) p.reset();
    return p;
  }();
  return it.get();
}

bool is_acronym_with_dots(std::string_view w) {
  // "u.s", "u.s.a", "e.u": single letters separated by dots.
  if (w.size() < 3) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    bool letter = (w[i] >= 'a' && w[i] <= 'z') || (w[i] >= 'A' && w[i] <= 'Z');
    if (i % 2 == 0 ? !letter : w[i] != '.') return false;
  }
  return true;
}

bool is_cjk_codepoint(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) || (c >= 0x3040 && c <= 0x30FF) ||  // kana
         (c >= 0xAC00 && c <= 0xD7AF) ||                                             // hangul
         (c >= 0x0E00 && c <= 0x0E7F);                                               // thai
}

// A letter or digit byte (any byte of a non-ASCII character counts).
bool is_word_byte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// True when `s` ends with a query field prefix such as "title:".
bool ends_with_field_prefix(std::string_view s) {
  if (s.empty() || s.back() != ':') return false;
  size_t i = s.size() - 1;
  while (i > 0 && (std::isalpha(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_')) --i;
  return i < s.size() - 1 && (i == 0 || std::string_view(" (+-\"").find(s[i - 1]) != std::string_view::npos);
}

}  // namespace

std::string normalize_word(std::string_view raw) {
  std::string w;
  w.reserve(raw.size());
  // Unify apostrophes (U+2019, U+02BC) to ASCII before folding.
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw.compare(i, 3, "\xE2\x80\x99") == 0 || raw.compare(i, 3, "\xE2\x80\x98") == 0) { w.push_back('\''); i += 2; continue; }
    if (raw.compare(i, 2, "\xCA\xBC") == 0) { w.push_back('\''); i += 1; continue; }
    w.push_back(raw[i]);
  }
  w = fold_case(w);
  if (is_acronym_with_dots(w)) {
    std::string a;
    for (char c : w)
      if (c != '.') a.push_back(c);
    return a;
  }
  while (!w.empty() && w.back() == '\'') w.pop_back();
  size_t lead = 0;
  while (lead < w.size() && w[lead] == '\'') ++lead;
  return w.substr(lead);
}

void for_each_word(std::string_view text, const std::function<void(const Word&)>& emit, bool normalize) {
  icu::BreakIterator* bi = word_breaker();
  if (!bi || text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  // On the stack and closed by a guard: `emit` may throw (a searcher's callback
  // reading a database an indexer just changed), and a heap UText leaked then.
  UText storage = UTEXT_INITIALIZER;
  UText* ut = utext_openUTF8(&storage, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  struct Closer {
    UText* t;
    ~Closer() { utext_close(t); }
  } closer{ut};
  bi->setText(ut, status);
  if (U_FAILURE(status)) return;
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    int32_t rule = bi->getRuleStatus();
    if (rule >= UBRK_WORD_NONE && rule < UBRK_WORD_NONE_LIMIT) continue;
    size_t b = static_cast<size_t>(start), e = static_cast<size_t>(end);
    if (e - b > kMaxWordBytes) continue;
    Word w;
    w.raw = text.substr(b, e - b);
    w.begin = b;
    w.end = e;
    w.is_cjk = rule >= UBRK_WORD_KANA && rule < UBRK_WORD_IDEO_LIMIT;
    if (!w.is_cjk) {
      UChar32 c;
      int32_t i = 0;
      U8_NEXT(reinterpret_cast<const uint8_t*>(w.raw.data()), i, static_cast<int32_t>(w.raw.size()), c);
      w.is_cjk = c >= 0x0E00 && is_cjk_codepoint(c);  // none below Thai: skips ICU for ASCII
    }
    if (normalize) {
      w.norm = normalize_word(w.raw);
      if (w.norm.empty()) continue;
    }
    emit(w);
  }
}

std::string segment_cjk_for_query(std::string_view query) {
  std::string out;
  out.reserve(query.size() + 16);
  size_t i = 0;
  while (i < query.size()) {
    // Find the next run of CJK code points.
    int32_t j = static_cast<int32_t>(i);
    UChar32 c;
    int32_t prev = j;
    U8_NEXT(reinterpret_cast<const uint8_t*>(query.data()), j, static_cast<int32_t>(query.size()), c);
    if (c < 0 || !is_cjk_codepoint(c)) {
      out.append(query.substr(prev, j - prev));
      i = static_cast<size_t>(j);
      continue;
    }
    size_t run_start = static_cast<size_t>(prev);
    size_t run_end = static_cast<size_t>(j);
    while (run_end < query.size()) {
      int32_t k = static_cast<int32_t>(run_end);
      U8_NEXT(reinterpret_cast<const uint8_t*>(query.data()), k, static_cast<int32_t>(query.size()), c);
      if (c < 0 || !is_cjk_codepoint(c)) break;
      run_end = static_cast<size_t>(k);
    }
    std::string_view run = query.substr(run_start, run_end - run_start);
    std::vector<std::string_view> segments;
    for_each_word(run, [&](const Word& w) { segments.push_back(w.raw); });
    // "title:北京会谈": the field prefix must cover every segment, so they become a
    // phrase (unless already inside quotes). "visit北京": the index holds "visit"
    // and "北京" as two words, so the query needs the space too.
    bool in_quotes = std::count(out.begin(), out.end(), '"') % 2 == 1;
    bool quote = segments.size() > 1 && !in_quotes && ends_with_field_prefix(out);
    if (!quote && !out.empty() && is_word_byte(out.back())) out.push_back(' ');
    if (quote) out.push_back('"');
    for (size_t s = 0; s < segments.size(); ++s) {
      if (s > 0) out.push_back(' ');
      out.append(segments[s]);
    }
    if (quote) out.push_back('"');
    if (run_end < query.size() && is_word_byte(query[run_end])) out.push_back(' ');
    i = run_end;
  }
  return out;
}

}  // namespace dossier
