#include "searcher/entity_resolver.h"

#include <set>

#include "common/index_terms.h"
#include "common/schema.h"

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
  std::string_view prefix_base = entity_name_prefix(type);
  std::set<std::string> displays;
  // Candidates: every entity with a name or surface form containing the first word.
  std::string prefix = std::string(prefix_base) + words[0] + schema::kNameSeparator;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    std::string display = (*it).substr(prefix.size());
    if (words.size() == 1 || contains_words(split_key_words(entity_key(display)), words)) {
      displays.insert(display);
      continue;
    }
    // A surface form ("Tony Blinken") whose every word is indexed for this entity.
    bool all = true;
    for (size_t i = 1; i < words.size() && all; ++i)
      all = db.term_exists(std::string(prefix_base) + words[i] + schema::kNameSeparator + display);
    if (all) displays.insert(display);
  }
  std::vector<ResolvedEntity> out;
  for (const auto& d : displays) {
    std::string term = entity_filter_term(type, d);
    if (db.term_exists(term)) out.push_back({d, term});
  }
  return out;
}

}  // namespace dossier
