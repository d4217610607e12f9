// Storm names: see storm_names.h.
#include "indexer/tagger/storm_names.h"

#include <string>
#include <unordered_set>

#include "indexer/tagger/guess_filters.h"
#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

// "Hurricane", "Superstorm", "Typhoon", "Cyclone", "Tropical Storm" and the
// UK's "Storm" ("Storm Ciara"; capitalised, so not "storm clouds").
bool is_storm_word(const NerSentence& tokens, const std::vector<std::string>& keys, size_t i) {
  const std::string& k = keys[i];
  return k == "hurricane" || k == "superstorm" || k == "typhoon" || k == "cyclone" ||
         (k == "storm" && ((i > 0 && keys[i - 1] == "tropical") || starts_upper(tokens[i].text)));
}

// The first word of its sentence, or after an opening quote or bracket.
bool is_sentence_start_word(const NerSentence& tokens, size_t i) {
  return i == 0 || tokens[i - 1].text == "\"" || tokens[i - 1].text == "(" || tokens[i - 1].text == "\xE2\x80\x9C";
}

void block(int sent, size_t begin, size_t end, std::vector<TaggerSpan>* spans) {
  TaggerSpan b;
  b.sent = sent;
  b.begin = begin;
  b.end = end;
  b.misc = true;
  b.source = SpanSource::kModel;
  spans->push_back(b);
}

}  // namespace

void drop_storm_names(const ArticleTokens& article, std::vector<TaggerSpan>* spans) {
  std::unordered_set<std::string> names;
  std::vector<TaggerSpan> blocks;
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    const NerSentence& tokens = article.sentences[s];
    const auto& keys = article.keys[s];
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (!is_storm_word(tokens, keys, i) || !starts_upper(tokens[i + 1].text) || is_org_head(keys[i + 1])) continue;
      // Inside a longer name: "National Hurricane Center", "the Miami Hurricanes".
      if (i > 0 && keys[i] != "storm" && starts_upper(tokens[i - 1].text) && !is_sentence_start_word(tokens, i - 1))
        continue;
      const size_t begin = keys[i] == "storm" && i > 0 && keys[i - 1] == "tropical" ? i - 1 : i, name = i + 1;
      names.insert(keys[name]);
      for (TaggerSpan& span : *spans)
        if (!span.dropped && !span.misc && span.sent == static_cast<int>(s) && span.begin <= name &&
            span.end > begin)
          span.dropped = true;
      block(static_cast<int>(s), begin, name + 1, &blocks);
    }
  }
  if (names.empty()) return;
  for (TaggerSpan& span : *spans) {
    if (span.dropped || span.misc || span.size() != 1 || !is_model_guess(span)) continue;
    if (!names.count(article.keys[span.sent][span.begin])) continue;
    span.dropped = true;
    block(span.sent, span.begin, span.end, &blocks);
  }
  spans->insert(spans->end(), blocks.begin(), blocks.end());
}

}  // namespace dossier
