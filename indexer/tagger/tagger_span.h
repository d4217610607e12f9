// TaggerSpan and ArticleTokens: the working state of the entity tagger while it
// tags one article. Candidates from the gazetteer, the rules and the sequence
// model are TaggerSpans over token ranges; merging and coreference edit them.
#pragma once

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
  std::unordered_set<std::string> lowercase_words;  // keys of words written lowercase
  std::vector<bool> all_caps;                      // per sentence: a headline in capitals
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
