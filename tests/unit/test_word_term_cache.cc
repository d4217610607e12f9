// WordTermCache (indexer/word_term_cache.h): the per-thread memo of each raw
// word's stem, folded stem and spelling word that the document builder uses.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "common/text.h"
#include "common/word_tokenizer.h"
#include "indexer/word_term_cache.h"

using dossier::WordTermCache;
using dossier::WordTerms;

namespace {

// What the cache must return: the same computation done directly.
void CheckSame(WordTermCache& cache, const std::string& raw, const Xapian::Stem& stem) {
  std::string norm = dossier::normalize_word(raw);
  WordTerms t = cache.get(raw, false, stem);
  CAPTURE(raw);
  CHECK(t.stem == (norm.empty() ? std::string() : stem(norm)));
}

}  // namespace

TEST_CASE("word term cache: stems, folded variants and spelling words") {
  Xapian::Stem en("en");
  WordTermCache cache;
  WordTerms t = cache.get("Sanctions", false, en);
  CHECK(t.stem == "sanction");
  CHECK(t.folded_stem.empty());
  CHECK(t.spelling == "sanctions");

  t = cache.get("Erdoğan", false, en);
  CHECK(t.stem == en("erdoğan"));
  CHECK(t.folded_stem == en("erdogan"));

  t = cache.get("G-7", false, en);  // digits: no spelling suggestion
  CHECK(t.spelling.empty());
  t = cache.get("of", false, en);  // too short for the spelling table
  CHECK(t.stem == "of");
  CHECK(t.spelling.empty());

  t = cache.get("東京", true, en);  // CJK: unstemmed
  CHECK(t.stem == dossier::normalize_word("東京"));
  CHECK(t.spelling.empty());

  t = cache.get("", false, en);  // nothing to index
  CHECK(t.stem.empty());
}

TEST_CASE("word term cache: repeated words hit, growth and restarts keep answers right") {
  Xapian::Stem en("en");
  WordTermCache cache;
  WordTerms first = cache.get("Negotiations", false, en);
  CHECK(cache.size() == 1);
  CHECK(std::string(first.stem) == "negoti");
  CHECK(cache.get("Negotiations", false, en).stem == "negoti");
  CHECK(cache.size() == 1);
  // Same letters, other case: another raw word, same stem.
  CHECK(cache.get("NEGOTIATIONS", false, en).stem == "negoti");
  CHECK(cache.size() == 2);

  // Enough distinct words to grow the table several times and to pass the
  // restart limit; every answer must match a direct computation.
  std::vector<std::string> words;
  for (size_t i = 0; i < WordTermCache::kMaxWords + 1000; ++i) words.push_back("word" + std::to_string(i) + "s");
  for (size_t i = 0; i < words.size(); i += 997) CheckSame(cache, words[i], en);
  for (const auto& w : words) cache.get(w, false, en);
  CHECK(cache.size() <= WordTermCache::kMaxWords);
  for (size_t i = 0; i < words.size(); i += 4999) CheckSame(cache, words[i], en);
  CheckSame(cache, "Negotiations", en);

  // first_in_document: once per raw word per document.
  cache.begin_document();
  CHECK(cache.get("Negotiations", false, en).first_in_document);
  CHECK_FALSE(cache.get("Negotiations", false, en).first_in_document);
  CHECK(cache.get("negotiations", false, en).first_in_document);  // another raw word
  CHECK(cache.get("brand-new-word", false, en).first_in_document);
  CHECK_FALSE(cache.get("brand-new-word", false, en).first_in_document);
  cache.begin_document();
  CHECK(cache.get("Negotiations", false, en).first_in_document);
  CHECK(cache.get("brand-new-word", false, en).first_in_document);

  // A word too long to cache is still answered.
  std::string huge(70000, 'a');
  WordTerms h = cache.get(huge, false, en);
  CHECK(h.stem.size() == dossier::normalize_word(huge).size());
}
