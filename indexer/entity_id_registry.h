// EntityIdRegistry: the dense entity ids of one database (schema 5). A faceted
// query reads every matching article's facet record, and at a million
// articles reading them is half its time: ids handed out 0, 1, 2... in order
// of first sight take one to three bytes as varints (the common entities come
// early), where 4-byte hashes took four, and they index a counting table
// without collisions. Every writer of a run (the direct path and each worker's
// shards) takes its ids from one registry, loaded first from the database and
// from the shards a killed run left, so one id means one entity in the merged
// database. The writer of a document also writes the "ed:" entry of each id it
// uses (common/index_terms.h), which is what load() reads back.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include <xapian.h>

#include "common/entity_names.h"
#include "common/status.h"

namespace dossier {

class EntityIdRegistry {
 public:
  // Adds the ids that `db`'s "ed:" entries give; `what` names it in errors.
  // An entity already known keeps its id; ids after the highest loaded are
  // handed out next.
  Status load(const Xapian::Database& db, const std::string& what);
  // The entity's id (by type and entity_key() of `canonical`), handed out now
  // if it has none. Thread-safe.
  uint32_t id_for(EntityType type, const std::string& canonical);
  // Entities of a type known so far.
  size_t size(EntityType type) const;

 private:
  mutable std::mutex mu_;
  std::array<std::unordered_map<std::string, uint32_t>, 3> ids_;  // by EntityType, keyed by entity_key()
  std::array<uint32_t, 3> next_{};
};

}  // namespace dossier
