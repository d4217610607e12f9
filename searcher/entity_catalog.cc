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
    std::map<std::string, std::set<std::string>> aliases;  // canonical -> surfaces
    std::string ap = entity_alias_prefix(t);
    for (auto it = db.metadata_keys_begin(ap); it != db.metadata_keys_end(ap); ++it) {
      std::string rest = (*it).substr(ap.size());
      size_t sep = rest.find(schema::kNameSeparator);
      if (sep == std::string::npos) continue;
      std::string canonical = rest.substr(0, sep), surface = rest.substr(sep + 1);
      auto& set = aliases[canonical];
      if (surface != canonical) set.insert(surface);
    }
    for (auto& [canonical, surfaces] : aliases) {
      bool match = matches_prefix(canonical, folded);
      for (auto s = surfaces.begin(); !match && s != surfaces.end(); ++s) match = matches_prefix(*s, folded);
      if (!match) continue;
      size_t count = db.get_termfreq(entity_filter_term(t, canonical));
      if (count == 0) continue;
      out.push_back({canonical, t, count, {surfaces.begin(), surfaces.end()}});
    }
  }
  std::sort(out.begin(), out.end(), [](const EntityInfo& a, const EntityInfo& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace dossier
