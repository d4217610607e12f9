// TaggerSpan and ArticleTokens: the working state of the entity tagger while it
// tags one article. Candidates from the gazetteer, the rules and the sequence
// model are TaggerSpans over token ranges; merging and coreference edit them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/entity_names.h"
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
  // Most articles ask a few times: scan, and index the words only for many asks.
  bool written_lowercase(std::string_view key) const {
    if (lowercase_words_) return lowercase_words_->count(key) > 0;
    if (++lowercase_asks_ <= 16) {
      for (size_t s = 0; s < sentences.size(); ++s) {
        for (size_t i = 0; i < sentences[s].size(); ++i) {
          const std::string& k = keys[s][i];
          if (k.size() != key.size() || k != key) continue;
          const unsigned char c = sentences[s][i].text[0];
          if (c >= 'a' && c <= 'z') return true;
        }
      }
      return false;
    }
    lowercase_words_.emplace();
    for (size_t s = 0; s < sentences.size(); ++s) {
      for (size_t i = 0; i < sentences[s].size(); ++i) {
        const unsigned char c = sentences[s][i].text[0];
        if (c >= 'a' && c <= 'z') lowercase_words_->insert(keys[s][i]);
      }
    }
    return lowercase_words_->count(key) > 0;
  }

 private:
  mutable int lowercase_asks_ = 0;
  mutable std::optional<std::unordered_set<std::string_view>> lowercase_words_;  // views into keys
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
  int gaz_entity = -1;
  bool dropped = false;

  size_t size() const { return end - begin; }
  bool overlaps(const TaggerSpan& o) const { return sent == o.sent && begin < o.end && o.begin < end; }
  bool contains(const TaggerSpan& o) const { return sent == o.sent && begin <= o.begin && o.end <= end; }
};

}  // namespace dossier
