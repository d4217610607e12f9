#include "searcher/entity_catalog.h"

#include <algorithm>
#include <map>
#include <set>

#include "common/index_terms.h"
#include "common/schema.h"

namespace dossier {
namespace {

bool matches_prefix(const std::string& name, const std::string& folded_prefix) {
  if (folded_prefix.empty()) return true;
  std::string key = entity_key(name);
  if (key.rfind(folded_prefix, 0) == 0) return true;
  for (const auto& w : split_key_words(key))
    if (w.rfind(folded_prefix, 0) == 0) return true;
  return false;
}

}  // namespace

std::vector<EntityInfo> list_entities(const Xapian::Database& db, std::optional<EntityType> type,
                                      const std::string& prefix, size_t limit) {
  std::string folded = entity_key(prefix);
  std::vector<EntityInfo> out;
  for (EntityType t : {EntityType::kPerson, EntityType::kOrg, EntityType::kPlace}) {
    if (type && *type != t) continue;
    // One entity per folded key: "Congress" and "CONGRESS" (a dateline's
    // spelling) share the filter term, so they are one entity with one count.
    struct Group {
      std::set<std::string> canonicals, surfaces;
    };
    std::map<std::string, Group> groups;  // entity_key -> spellings
    std::string ap = entity_alias_prefix(t);
    for (auto it = db.metadata_keys_begin(ap); it != db.metadata_keys_end(ap); ++it) {
      std::string rest = (*it).substr(ap.size());
      size_t sep = rest.find(schema::kNameSeparator);
      if (sep == std::string::npos) continue;
      std::string canonical = rest.substr(0, sep), surface = rest.substr(sep + 1);
      Group& g = groups[entity_key(canonical)];
      g.canonicals.insert(canonical);
      g.surfaces.insert(std::move(surface));
    }
    for (auto& [key, g] : groups) {
      std::string name = *g.canonicals.begin();
      if (g.canonicals.size() > 1) {
        // Several spellings: the one the dictionary settled on, else the best here.
        std::string settled = display_name_in_entry(db.get_metadata(entity_id_key(t, entity_id(t, name))), name);
        if (!settled.empty()) {
          name = std::move(settled);
        } else {
          for (const auto& c : g.canonicals)
            if (is_better_display_name(c, name)) name = c;
        }
      }
      std::set<std::string> aliases = std::move(g.surfaces);
      aliases.insert(g.canonicals.begin(), g.canonicals.end());
      aliases.erase(name);
      bool match = matches_prefix(name, folded);
      for (auto a = aliases.begin(); !match && a != aliases.end(); ++a) match = matches_prefix(*a, folded);
      if (!match) continue;
      size_t count = db.get_termfreq(entity_filter_term(t, name));
      if (count == 0) continue;
      out.push_back({name, t, count, {aliases.begin(), aliases.end()}});
    }
  }
  std::sort(out.begin(), out.end(), [](const EntityInfo& a, const EntityInfo& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace dossier
