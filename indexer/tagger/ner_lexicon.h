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
#include "indexer/tagger/phrase_table.h"

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
  // Lower-cased phrase -> category bits; every proper prefix of an entry is
  // there too, with no bits, so MatchSpans stops as soon as no entry starts so.
  PhraseTable phrases_;
  std::array<size_t, kNumCategories> counts_{};
  int max_tokens_ = 0;
  KeyFilter first_tokens_;  // first words of all entries: most words start none
};

}  // namespace dossier
