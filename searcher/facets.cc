#include "searcher/facets.h"

#include <algorithm>

#include "common/schema.h"

namespace dossier {

const std::vector<std::string>& known_facets() {
  static const std::vector<std::string> names = {"person", "org", "place", "source", "month", "year"};
  return names;
}

bool facet_slot(std::string_view name, Xapian::valueno* slot, bool* multi) {
  *multi = false;
  if (name == "person") { *slot = schema::kSlotPersons; *multi = true; return true; }
  if (name == "org") { *slot = schema::kSlotOrgs; *multi = true; return true; }
  if (name == "place") { *slot = schema::kSlotPlaces; *multi = true; return true; }
  if (name == "source") { *slot = schema::kSlotSource; return true; }
  if (name == "month") { *slot = schema::kSlotMonth; return true; }
  if (name == "year") { *slot = schema::kSlotYear; return true; }
  return false;
}

void FacetSpy::count(std::string_view v) {
  if (v.empty()) return;
  auto it = counts_.find(v);
  if (it != counts_.end()) ++it->second;
  else counts_.emplace(std::string(v), 1);
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  const std::string value = doc.get_value(slot_);
  if (!multi_) {
    count(value);
    return;
  }
  std::string_view rest(value);
  while (!rest.empty()) {
    size_t sep = rest.find(schema::kNameSeparator);
    count(rest.substr(0, sep));
    if (sep == std::string_view::npos) break;
    rest.remove_prefix(sep + 1);
  }
}

std::vector<FacetValue> FacetSpy::top(size_t limit) const {
  std::vector<FacetValue> all;
  all.reserve(counts_.size());
  for (const auto& [v, c] : counts_) all.push_back({v, c});
  auto order = [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (all.size() > limit) {
    std::partial_sort(all.begin(), all.begin() + static_cast<long>(limit), all.end(), order);
    all.resize(limit);
  } else {
    std::sort(all.begin(), all.end(), order);
  }
  return all;
}

}  // namespace dossier
