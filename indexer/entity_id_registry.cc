#include "indexer/entity_id_registry.h"

#include "common/index_terms.h"

namespace dossier {

Status EntityIdRegistry::load(const Xapian::Database& db, const std::string& what) {
  std::lock_guard lock(mu_);
  try {
    for (auto k = db.metadata_keys_begin("ed:"); k != db.metadata_keys_end("ed:"); ++k) {
      EntityType type;
      uint32_t id;
      if (!parse_dense_id_key(*k, &type, &id)) continue;
      const auto t = static_cast<size_t>(type);
      if (id == UINT32_MAX)
        return Status::Corruption(what + " holds entity id " + *k + ", the largest possible; re-index it into a new --db");
      // One entry names one entity; several names (only if entity_key() ever
      // changes) all keep the id their documents were written with.
      for (const auto& name : entity_id_names(db.get_metadata(*k))) ids_[t].emplace(entity_key(name), id);
      if (id >= next_[t]) next_[t] = id + 1;
    }
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot read the entity ids of " + what + ": " + e.get_msg());
  }
  return Status::OK();
}

uint32_t EntityIdRegistry::id_for(EntityType type, const std::string& canonical) {
  const auto t = static_cast<size_t>(type);
  std::string key = entity_key(canonical);
  std::lock_guard lock(mu_);
  auto [it, added] = ids_[t].emplace(std::move(key), next_[t]);
  if (added) ++next_[t];
  return it->second;
}

size_t EntityIdRegistry::size(EntityType type) const {
  std::lock_guard lock(mu_);
  return ids_[static_cast<size_t>(type)].size();
}

}  // namespace dossier
