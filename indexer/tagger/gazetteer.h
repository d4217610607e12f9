// Gazetteer: the curated names Dossier knows (data/gazetteer/*.tsv): countries with
// aliases and demonyms, places, organizations, persons, first names and titles.
// Answers "which known entity does this token sequence name?" by longest match over
// folded tokens (Erdoğan = Erdogan), with exact-case matching for short all-caps
// aliases ("US" the country, not "us").
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/entity_names.h"
#include "common/status.h"
#include "indexer/tagger/key_filter.h"
#include "indexer/tagger/localized_names.h"
#include "indexer/tagger/ner_tokenizer.h"
#include "indexer/tagger/phrase_table.h"

namespace dossier {

struct GazEntity {
  EntityType type;
  std::string canonical;
  std::string kind;       // places.tsv kind ("city", "state", "region"), "country" for countries
  std::string iso2;
  std::string role;       // persons.tsv role
  bool eastern_order = false;  // persons: family name first (Xi Jinping, Park Jin)
};

// One alias of one entity.
struct GazAlias {
  int entity = -1;
  bool demonym = false;
  bool case_sensitive = false;  // short all-caps alias: surface must match exactly
  std::string written;          // alias as written in the file (for case-sensitive match)
  int tokens = 0;
};

struct GazMatch {
  size_t begin = 0, end = 0;  // token indices [begin, end)
  std::vector<const GazAlias*> aliases;  // every entity the span may name, best first
};

// Token keys used for matching: folded text, curly apostrophes straightened.
std::string token_key(std::string_view token_text);

// The token keys of a phrase joined by spaces: how aliases are indexed.
std::string join_keys(const std::vector<NerToken>& tokens);

// entity_key(name), remembered per thread: articles name the same few entities
// many times, and the full fold costs microseconds.
const std::string& cached_entity_key(std::string_view name);

class Gazetteer {
 public:
  // Reads every known file in dir; a missing file is skipped, a missing dir is an error.
  Status Load(const std::string& dir);

  // Longest alias starting at token `start` of `tokens` (keys from token_key()),
  // into *out; false when none starts there.
  bool match_at(const std::vector<NerToken>& tokens, const std::vector<std::string>& keys, size_t start,
                GazMatch* out) const;

  // Exact lookup of a whole phrase (a model span's text).
  std::vector<const GazAlias*> lookup(std::string_view phrase) const;
  // The same for tokens [begin, end) of a tokenized sentence, without tokenizing
  // the phrase again (the tokenizer splits a span's text as it split the sentence).
  std::vector<const GazAlias*> lookup_span(const std::vector<NerToken>& tokens, const std::vector<std::string>& keys,
                                           size_t begin, size_t end) const;

  const GazEntity& entity(int id) const { return entities_[id]; }
  // Person entities whose family name is `key` (folded).
  const std::vector<int>* persons_with_family_name(const std::string& key) const;
  bool is_first_name(const std::string& key) const { return first_names_.count(key) > 0; }
  // Longest title (from titles.txt, folded tokens) starting at `start`; 0 if none.
  size_t title_length_at(const std::vector<std::string>& keys, size_t start) const;

  size_t size() const { return entities_.size(); }

  // Country names in other languages (countries_i18n.tsv), for articles in them.
  const LocalizedNames& localized() const { return localized_; }

  // Splits "Korea-Russia" and "Israel-Hamas" (a known place or demonym on either
  // side of the hyphen) but not "Jean-Philippe"; used for text and aliases alike.
  const HyphenSplitter& hyphen_splitter() const { return hyphen_splitter_; }

 private:
  int add_entity(GazEntity e);
  // Aliases are queued while files load and indexed once the place words that
  // drive hyphen splitting are known.
  void add_alias(int entity, std::string_view alias, bool demonym);
  void index_alias(int entity, std::string_view alias, bool demonym);
  void index_pending_aliases();
  Status load_countries(const std::string& path);
  Status load_places(const std::string& path);
  Status load_orgs(const std::string& path);
  Status load_persons(const std::string& path);
  void load_words(const std::string& path, bool titles);
  // Appends the aliases whose keys are tokens [start, start + len) (with that
  // PhraseTable hash) and whose case fits; false when none.
  bool aliases_of(const std::vector<NerToken>& tokens, const std::vector<std::string>& keys, size_t start, size_t len,
                  uint64_t hash, std::vector<const GazAlias*>* out) const;

  std::vector<GazEntity> entities_;
  std::unordered_map<std::string, std::vector<GazAlias>> aliases_;  // joined keys -> aliases
  PhraseTable alias_index_;                            // joined keys -> alias_lists_ index
  std::vector<const std::vector<GazAlias>*> alias_lists_;
  std::unordered_map<std::string, int> max_tokens_by_first_;         // first key -> longest alias
  std::unordered_map<std::string, std::vector<int>> family_names_;
  std::unordered_set<std::string> first_names_;
  PhraseTable titles_;  // joined keys
  std::unordered_map<std::string, int> max_title_tokens_by_first_;
  KeyFilter alias_firsts_, title_firsts_;  // the two maps' keys: most tokens start neither
  struct PendingAlias {
    int entity;
    std::string alias;
    bool demonym;
  };
  std::vector<PendingAlias> pending_;
  std::unordered_set<std::string> place_words_;  // one-word place names and demonyms
  std::unordered_set<std::string> state_words_;  // one-word names of US states, abbreviations too ("ky")
  HyphenSplitter hyphen_splitter_;
  LocalizedNames localized_;
};

}  // namespace dossier
