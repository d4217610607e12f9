// TaggerSpan and ArticleTokens: the working state of the entity tagger while it
// tags one article. Candidates from the gazetteer, the rules and the sequence
// model are TaggerSpans over token ranges; merging and coreference edit them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/entity_names.h"
#include "common/fnv_hash.h"
#include "indexer/tagger/ner_tokenizer.h"
#include "indexer/tagger/sequence_model.h"

namespace dossier {

struct ArticleTokens {
  std::string_view text;                           // the tagged text
  std::vector<NerSentence> sentences;
  std::vector<std::vector<std::string>> keys;      // token_key() per token
  std::vector<std::vector<NerLabel>> labels;       // model labels; empty without a model
  std::vector<bool> all_caps;                      // per sentence: a headline in capitals

  // True when some token with this key is written in lowercase ("the rock").
  // The first ask indexes the article's lowercase words: 64-bit hashes in a
  // flat open-addressing table (a collision would need two words with the same
  // 64-bit hash in one article).
  bool written_lowercase(std::string_view key) const {
    if (lowercase_hashes_.empty()) index_lowercase_words();
    const uint64_t h = hash_key(key);
    const size_t mask = lowercase_hashes_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      if (lowercase_hashes_[i] == h) return true;
      if (lowercase_hashes_[i] == 0) return false;
    }
  }

 private:
  static uint64_t hash_key(std::string_view key) {
    uint64_t h = fnv1a64(key);
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    h ^= h >> 32;
    return h | 1;  // 0 marks an empty slot
  }
  void index_lowercase_words() const {
    size_t words = 0;
    for (const auto& sentence : sentences) words += sentence.size();
    size_t slots = 16;
    while (slots < 2 * words) slots *= 2;
    lowercase_hashes_.assign(slots, 0);
    const size_t mask = slots - 1;
    for (size_t s = 0; s < sentences.size(); ++s) {
      for (size_t i = 0; i < sentences[s].size(); ++i) {
        const unsigned char c = sentences[s][i].text[0];
        if (c < 'a' || c > 'z') continue;
        const uint64_t h = hash_key(keys[s][i]);
        for (size_t j = h & mask;; j = (j + 1) & mask) {
          if (lowercase_hashes_[j] == h) break;
          if (lowercase_hashes_[j] == 0) {
            lowercase_hashes_[j] = h;
            break;
          }
        }
      }
    }
  }

  mutable std::vector<uint64_t> lowercase_hashes_;  // empty until the first ask
};

enum class SpanSource { kGazetteer, kTitle, kFirstName, kModel, kOrgRule, kCoref, kAcronym };

struct TaggerSpan {
  int sent = 0;
  size_t begin = 0, end = 0;  // token indices [begin, end) in sentences[sent]
  EntityType type = EntityType::kPlace;
  bool misc = false;          // model MISC span: blocks others, never emitted
  SpanSource source = SpanSource::kGazetteer;
  std::string canonical;      // empty: the surface is the name
  std::string role;
  bool demonym = false;
  bool model_per = false;     // the model labelled these tokens PER
  bool honorific = false;     // preceded by Mr./Mrs./Dr. or a title
  bool dateline = false;      // a wire dateline's place ("MIAMI (AP) —")
  int gaz_entity = -1;
  bool dropped = false;

  size_t size() const { return end - begin; }
  bool overlaps(const TaggerSpan& o) const { return sent == o.sent && begin < o.end && o.begin < end; }
  bool contains(const TaggerSpan& o) const { return sent == o.sent && begin <= o.begin && o.end <= end; }
};

// A span that blocks others over tokens [begin, end) of sentence `sent` and is
// never emitted (as the model's MISC spans are): what a rule found to be no
// name, so that coreference adds none there either.
inline TaggerSpan blocking_span(int sent, size_t begin, size_t end) {
  TaggerSpan b;
  b.sent = sent;
  b.begin = begin;
  b.end = end;
  b.misc = true;
  b.source = SpanSource::kModel;
  return b;
}

}  // namespace dossier
