// Names of storms, court cases and set phrases: see event_names.h.
#include "indexer/tagger/event_names.h"

#include <string>
#include <unordered_set>

#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/guess_filters.h"
#include "indexer/tagger/rules.h"

namespace dossier {
namespace {

// "Hurricane", "Superstorm", "Typhoon", "Cyclone", "Tropical Storm" and the
// UK's "Storm" ("Storm Ciara"; capitalised, so not "storm clouds").
bool is_storm_word(const NerSentence& tokens, const std::vector<std::string>& keys, size_t i) {
  const std::string_view k = keys[i];  // string_view compares lengths before bytes
  return k == "hurricane" || k == "superstorm" || k == "typhoon" || k == "cyclone" ||
         (k == "storm" && ((i > 0 && keys[i - 1] == "tropical") || starts_upper(tokens[i].text)));
}

// Case names cite "Roe v. Wade"; "v" and "vs." are for matches ("England v Pakistan").
bool is_versus(std::string_view t) { return t == "v."; }

class EventNames {
 public:
  EventNames(const ArticleTokens& article, std::vector<TaggerSpan>* spans) : article_(article), spans_(spans) {}

  // Drops the spans over [begin, end) of sentence `sent` (but organizations
  // with `keep_orgs`) and blocks it.
  void cover(size_t sent, size_t begin, size_t end, bool keep_orgs = false) {
    for (TaggerSpan& span : *spans_)
      if (!span.dropped && !span.misc && span.sent == static_cast<int>(sent) && span.begin < end &&
          span.end > begin && !(keep_orgs && span.type == EntityType::kOrg))
        span.dropped = true;
    block(static_cast<int>(sent), begin, end);
  }
  void add_name(const std::string& key) { names_.insert(key); }

  // One-word guesses of the model elsewhere that are one of the names.
  void drop_repeated_names() {
    if (names_.empty()) return;
    for (TaggerSpan& span : *spans_) {
      if (span.dropped || span.misc || span.size() != 1 || !is_model_guess(span) || span.type == EntityType::kOrg)
        continue;
      if (!names_.count(article_.keys[span.sent][span.begin])) continue;
      span.dropped = true;
      block(span.sent, span.begin, span.end);
    }
  }
  void finish() { spans_->insert(spans_->end(), blocks_.begin(), blocks_.end()); }

 private:
  void block(int sent, size_t begin, size_t end) { blocks_.push_back(blocking_span(sent, begin, end)); }

  const ArticleTokens& article_;
  std::vector<TaggerSpan>* spans_;
  std::vector<TaggerSpan> blocks_;  // added at the end: spans_ is walked meanwhile
  std::unordered_set<std::string> names_;
};

}  // namespace

void drop_event_names(const ArticleTokens& article, const Gazetteer& gaz, std::vector<TaggerSpan>* spans) {
  EventNames events(article, spans);
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    const NerSentence& tokens = article.sentences[s];
    const auto& keys = article.keys[s];
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      // Every name below is followed by a capital; most words are not.
      const bool next_upper = starts_upper(tokens[i + 1].text);
      const std::string_view key = keys[i], next = keys[i + 1];
      if (next_upper && is_storm_word(tokens, keys, i) && !is_org_head(keys[i + 1]) &&
          // Inside a longer name: "National Hurricane Center", "the Miami Hurricanes".
          !(i > 0 && keys[i] != "storm" && starts_upper(tokens[i - 1].text) && !sentence_initial(tokens, i - 1))) {
        events.add_name(keys[i + 1]);
        events.cover(s, keys[i] == "storm" && i > 0 && keys[i - 1] == "tropical" ? i - 1 : i, i + 2);
      } else if (next_upper && i > 0 && is_versus(tokens[i].text) && starts_upper(tokens[i - 1].text)) {
        // A party the gazetteer knows stays itself elsewhere ("Trump v. Hawaii", "Lawrence v. Texas").
        for (size_t party : {i - 1, i + 1})
          if (!gaz.persons_with_family_name(keys[party]) && gaz.lookup_span(tokens, keys, party, party + 1).empty())
            events.add_name(keys[party]);
        events.cover(s, i - 1, i + 2, /*keep_orgs=*/true);
        // "Citizens United v." of "Citizens United v. FEC": the party without the "v.".
        for (TaggerSpan& span : *spans)
          if (!span.dropped && !span.misc && span.sent == static_cast<int>(s) && span.end == i + 1 && span.begin < i) {
            span.end = i;
            if (span.gaz_entity < 0) span.canonical.clear();
          }
      } else if ((key == "jim" && next == "crow") || (key == "morning" && next == "joe")) {
        events.cover(s, i, i + 2);
      }
    }
  }
  events.drop_repeated_names();
  events.finish();
}

}  // namespace dossier
