#include "searcher/entity_resolver.h"

#include <algorithm>
#include <set>

#include "common/index_terms.h"

namespace dossier {
namespace {

// True when `needle` words occur in `hay` words contiguously, in order.
bool contains_words(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t j = 0;
    while (j < needle.size() && hay[i + j] == needle[j]) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}

}  // namespace

std::vector<ResolvedEntity> resolve_entity(const Xapian::Database& db, EntityType type, const std::string& name) {
  std::vector<std::string> words = split_key_words(entity_key(name));
  if (words.empty()) return {};
  std::set<std::string> displays;
  // Candidates: every entity with a name or surface form containing the first word.
  std::string prefix = entity_word_prefix(type, words[0]);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    std::string display = (*it).substr(prefix.size());
    if (words.size() == 1 || contains_words(split_key_words(entity_key(display)), words)) {
      displays.insert(display);
      continue;
    }
    // A surface form ("Tony Blinken") whose every word is recorded for this entity.
    bool all = true;
    for (size_t i = 1; i < words.size() && all; ++i)
      all = !db.get_metadata(entity_word_prefix(type, words[i]) + display).empty();
    if (all) displays.insert(display);
  }
  // Entities whose articles are all gone keep dictionary entries; skip them, and
  // spellings that differ only in case or diacritics share one filter term.
  std::vector<ResolvedEntity> out;
  std::set<std::string> terms;
  for (const auto& d : displays) {
    std::string term = entity_filter_term(type, d);
    Xapian::doccount articles = db.get_termfreq(term);
    if (articles > 0 && terms.insert(term).second) out.push_back({d, term, articles});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ResolvedEntity& a, const ResolvedEntity& b) { return a.articles > b.articles; });
  return out;
}

}  // namespace dossier
