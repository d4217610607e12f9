// NerLexicon: the gazetteer lists as the NER model's features see them, sets of
// lower-cased token sequences per category, matched longest-first over a
// sentence. Training (tools/train_ner) and tagging read the same files.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "indexer/tagger/key_filter.h"

namespace dossier {

// Gazetteer lexicons as the tagger's features see them: sets of lower-cased token
// sequences per category, matched longest-first over the sentence.
class NerLexicon {
 public:
  // kPersonToken: any single token of a known person's name ("Blinken");
  // kPerson: a whole known name or alias ("Antony Blinken").
  enum Category {
    kFirstName, kPersonToken, kPerson, kCountry, kDemonym, kPlace, kOrg, kTitle, kNumCategories
  };

  // Reads data/gazetteer/{countries,places,orgs,persons}.tsv, first_names.txt and
  // titles.txt from dir. A missing file leaves its categories empty (the model then
  // just sees fewer gazetteer features); a missing directory is NotFound.
  static Status Load(const std::string& dir, NerLexicon* out);

  // Adds one entry ("Antony Blinken") to a category; used by Load and by tests.
  void Add(Category c, std::string_view phrase);

  // Whole-phrase lookups, case-insensitive ("iraqi", "South Korea").
  bool Contains(Category c, std::string_view phrase) const;

  // Per-token span tags for every category: (*tags)[i * kNumCategories + c] is 0
  // when no match of c covers token i, else 1 + the token's position in the
  // leftmost-longest match (1 single, 2 begin, 3 inside, 4 end). Matches of every
  // category but kTitle must start with a capitalized token.
  void MatchSpans(const std::vector<std::string>& lower_words, const std::vector<bool>& capitalized,
                  std::vector<uint8_t>* tags) const;
  // The same over n words given as views, writing n * kNumCategories tags. With
  // `starts` (one flag per word), matches are only tried from flagged words.
  void MatchSpans(const std::string_view* lower_words, const uint8_t* capitalized, size_t n,
                  uint8_t* tags, const uint8_t* starts = nullptr) const;

  size_t size(Category c) const { return counts_[c]; }

 private:
  // Phrases are keyed by the 64-bit FNV-1a hash of "word word ...", which
  // MatchSpans extends one word at a time instead of building strings. Two
  // entries sharing a hash (odds about 2^-64 per pair) would share categories:
  // a gazetteer feature, not an answer, so that is harmless.
  static uint64_t ExtendHash(uint64_t h, std::string_view word, bool first);
  // Category bits of the phrase with hash h, or -1 when no entry is, or starts
  // with, that phrase (entries' proper prefixes are stored with no bits).
  int Find(uint64_t h) const;
  uint8_t& Insert(uint64_t h);

  struct Slot {
    uint64_t hash = 0;  // 0 = empty (a phrase hashing to 0 is stored as 1)
    uint8_t bits = 0;
  };
  std::vector<Slot> slots_;  // open addressing, linear probing, at most half full
  size_t used_ = 0;
  std::array<size_t, kNumCategories> counts_{};
  int max_tokens_ = 0;
  KeyFilter first_tokens_;  // first words of all entries: most words start none
};

}  // namespace dossier
