// WordTermCache: what indexing one distinct raw word produces (its stemmed term
// body, a diacritic-folded variant, its spelling-table word), computed once per
// word per thread: normalizing, stemming and folding were most of the indexing
// CPU before the cache.
//
// Every word of every article goes through get(), so the layout is built for
// the caches: one flat open-addressing table of 20-byte slots and one byte
// arena holding each word followed by its results: about 60 bytes per word (a
// slot at most half full, and the word's bytes) where a hash node with four
// std::strings took about 150, spread over the heap.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace dossier {

// The results for one word; views into the cache, valid until the next get().
struct WordTerms {
  std::string_view stem;         // term body ("" for a word that normalizes to nothing)
  std::string_view folded_stem;  // diacritic-folded variant when different, else ""
  std::string_view spelling;     // word for the spelling table, or ""
  bool first_in_document = true;  // not returned before since begin_document()
};

class WordTermCache {
 public:
  // Past this many words the cache starts over, which bounds its memory on
  // huge vocabularies (about 25 MB).
  static constexpr size_t kMaxWords = 400000;

  WordTermCache();

  // The terms of `raw`; `cjk` words are indexed unstemmed.
  WordTerms get(std::string_view raw, bool cjk, const Xapian::Stem& stem);

  // Starts a document: each word's next get() says first_in_document, so the
  // builder collects a document's distinct words without a set of strings.
  void begin_document() { ++document_; }

  size_t size() const { return words_; }

 private:
  struct Slot {
    uint32_t hash = 0;    // upper bits of the word's hash; slot empty when len == 0
    uint32_t offset = 0;  // of the word in arena_, followed by stem, folded, spelling
    uint16_t raw_len = 0, stem_len = 0, folded_len = 0, spelling_len = 0;
    uint32_t document = 0;  // the last document that got this word
  };
  WordTerms view(Slot& s);
  void clear();
  void grow();

  std::vector<Slot> slots_;
  std::string arena_;
  size_t words_ = 0;
  uint32_t document_ = 1;
  // The results of the last word too long to cache.
  std::string oversize_, oversize_folded_, oversize_spelling_;
};

}  // namespace dossier
