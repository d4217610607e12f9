// WordTokenizer: splits text into words with ICU word-boundary rules (which also
// segment Chinese, Japanese and Thai by dictionary) and normalizes each word to
// the form Dossier indexes. The query side uses the same rules, so a word in a
// query and the same word in an article always meet.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace dossier {

struct Word {
  std::string_view raw;  // as written (a view into the input)
  std::string norm;      // NFKC + case folded, apostrophes unified, acronym dots removed
  size_t begin = 0;      // byte offsets into the input
  size_t end = 0;
  bool is_cjk = false;   // ideographic/kana segment: never stemmed
};

// Calls `emit` for each word of `text` (UTF-8) in order. Punctuation and spaces
// are skipped. Words longer than kMaxWordBytes are skipped (Xapian limits term
// length, and such "words" are base64 or URLs, not language).
inline constexpr size_t kMaxWordBytes = 64;
// With normalize false, Word::norm is left empty (for callers that cache
// normalization per distinct raw word).
void for_each_word(std::string_view text, const std::function<void(const Word&)>& emit, bool normalize = true);

// Normalizes one word as for_each_word does: "U.S" -> "us", "Japan’s" -> "japan's".
std::string normalize_word(std::string_view raw);

// Rewrites CJK runs in a query so the query parser sees the same segments the
// indexer produced: "北京会谈" -> "北京 会谈", "visit北京" -> "visit 北京",
// "title:北京会谈" -> "title:\"北京 会谈\"" (the prefix covers every segment).
// Other text passes unchanged.
std::string segment_cjk_for_query(std::string_view query);

}  // namespace dossier
