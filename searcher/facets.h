// Facet counting with Xapian match spies. Every facet reads one value slot
// (schema.h), so counting costs one value-stream read per matching document;
// multi-valued slots (persons, orgs, places) are split in place, without
// allocating per document.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "searcher/search_request.h"

namespace dossier {

// The facet names users may ask for, and their value slots.
bool facet_slot(std::string_view name, Xapian::valueno* slot, bool* multi_valued);
const std::vector<std::string>& known_facets();

// Counts the values of one slot over every document the match visits. A value
// holding several names separated by '\x1f' counts each name once.
class FacetSpy : public Xapian::MatchSpy {
 public:
  FacetSpy(Xapian::valueno slot, bool multi_valued) : slot_(slot), multi_(multi_valued) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  // The `limit` most frequent values, ties broken alphabetically.
  std::vector<FacetValue> top(size_t limit) const;
  size_t documents_seen() const { return seen_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  void count(std::string_view v);
  Xapian::valueno slot_;
  bool multi_;
  size_t seen_ = 0;
  std::unordered_map<std::string, size_t, Hash, std::equal_to<>> counts_;
};

}  // namespace dossier
