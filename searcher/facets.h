// Facet counting with Xapian match spies. Every facet reads one value slot
// (schema.h), so counting costs one value read per matching document. Entity
// facets hold packed 8-byte entity ids, counted as integers without allocating;
// the display names of the top ids come from the entity dictionary at the end.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/entity_names.h"
#include "searcher/search_request.h"

namespace dossier {

// The facet names users may ask for.
const std::vector<std::string>& known_facets();
bool is_known_facet(std::string_view name);

// Counts per 64-bit id in one flat array (open addressing, linear probing): no
// allocation per new id and no per-node frees, unlike std::unordered_map.
class IdCounter {
 public:
  IdCounter() : slots_(1024) {}
  void add(uint64_t id);
  template <typename F>
  void for_each(F f) const {
    for (const auto& s : slots_)
      if (s.count) f(s.id, s.count);
  }
  size_t size() const { return used_; }

 private:
  struct Slot {
    uint64_t id = 0;
    uint32_t count = 0;
  };
  void grow();
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(std::string_view facet);
  void operator()(const Xapian::Document& doc, double weight) override;
  // The `limit` most frequent values, ties broken alphabetically by name.
  std::vector<FacetValue> top(const Xapian::Database& db, size_t limit) const;
  size_t documents_seen() const { return seen_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  Xapian::valueno slot_ = 0;
  bool entity_ = false;
  EntityType type_ = EntityType::kPerson;
  size_t seen_ = 0;
  IdCounter id_counts_;                                                        // entity facets
  std::unordered_map<std::string, size_t, Hash, std::equal_to<>> text_counts_;  // source, month, year
};

}  // namespace dossier
