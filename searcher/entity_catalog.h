// EntityCatalog: the entities a database knows, with how many articles mention
// each and the surface forms they were written as; for `dossier entities`
// (browsing and autocompletion).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/entity_names.h"

namespace dossier {

struct EntityInfo {
  std::string name;
  EntityType type;
  size_t count = 0;                  // articles mentioning it
  std::vector<std::string> aliases;  // surface forms seen, other than the name
};

// Entities of `type` (all types when nullopt) whose name, a word of it, or an
// alias starts with `prefix` (folded: "erdo" finds Erdoğan); most frequent first.
std::vector<EntityInfo> list_entities(const Xapian::Database& db, std::optional<EntityType> type,
                                      const std::string& prefix, size_t limit);

}  // namespace dossier
