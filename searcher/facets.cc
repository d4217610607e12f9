#include "searcher/facets.h"

#include <algorithm>
#include <cstring>

#include "common/index_terms.h"
#include "common/schema.h"

namespace dossier {

const std::vector<std::string>& known_facets() {
  static const std::vector<std::string> names = {"person", "org", "place", "source", "month", "year"};
  return names;
}

bool is_known_facet(std::string_view name) {
  const auto& k = known_facets();
  return std::find(k.begin(), k.end(), name) != k.end();
}

void IdCounter::add(uint64_t id) {
  size_t mask = slots_.size() - 1;
  // Ids are already hashes; mixing the high bits in keeps probing short anyway.
  for (size_t i = (id ^ (id >> 29)) & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.count && s.id == id) { ++s.count; return; }
    if (!s.count) {
      s.id = id;
      s.count = 1;
      if (++used_ * 2 > slots_.size()) grow();
      return;
    }
  }
}

void IdCounter::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  size_t mask = slots_.size() - 1;
  for (const auto& s : old) {
    if (!s.count) continue;
    size_t i = (s.id ^ (s.id >> 29)) & mask;
    while (slots_[i].count) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

FacetSpy::FacetSpy(std::string_view facet) {
  if (facet == "person") { slot_ = schema::kSlotPersons; entity_ = true; type_ = EntityType::kPerson; }
  else if (facet == "org") { slot_ = schema::kSlotOrgs; entity_ = true; type_ = EntityType::kOrg; }
  else if (facet == "place") { slot_ = schema::kSlotPlaces; entity_ = true; type_ = EntityType::kPlace; }
  else if (facet == "source") slot_ = schema::kSlotSource;
  else if (facet == "month") slot_ = schema::kSlotMonth;
  else slot_ = schema::kSlotYear;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  const std::string value = doc.get_value(slot_);
  if (value.empty()) return;
  if (entity_) {
    for (size_t i = 0; i + 8 <= value.size(); i += 8) {
      uint64_t id = 0;
      for (int b = 7; b >= 0; --b) id = (id << 8) | static_cast<unsigned char>(value[i + b]);
      id_counts_.add(id);
    }
    return;
  }
  auto it = text_counts_.find(std::string_view(value));
  if (it != text_counts_.end()) ++it->second;
  else text_counts_.emplace(value, 1);
}

std::vector<FacetValue> FacetSpy::top(const Xapian::Database& db, size_t limit) const {
  std::vector<FacetValue> all;
  if (entity_) {
    // Rank ids by count first, then name only the ones that can make the cut.
    std::vector<std::pair<uint64_t, size_t>> ids;
    ids.reserve(id_counts_.size());
    id_counts_.for_each([&](uint64_t id, uint32_t count) { ids.emplace_back(id, count); });
    auto by_count = [](const auto& a, const auto& b) { return a.second > b.second; };
    size_t cut = std::min(limit, ids.size());
    if (cut == 0) return all;
    std::nth_element(ids.begin(), ids.begin() + static_cast<long>(cut - 1), ids.end(), by_count);
    size_t threshold = ids[cut - 1].second;
    for (const auto& [id, count] : ids) {
      if (count < threshold) continue;  // ties at the cut are all named, then ordered by name
      std::string name = db.get_metadata(entity_id_key(type_, id));
      if (!name.empty()) all.push_back({std::move(name), count});
    }
  } else {
    all.reserve(text_counts_.size());
    for (const auto& [v, c] : text_counts_) all.push_back({v, c});
  }
  auto order = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  std::sort(all.begin(), all.end(), order);
  if (all.size() > limit) all.resize(limit);
  return all;
}

}  // namespace dossier
