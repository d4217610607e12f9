// FacetRecord: the value in schema::kSlotFacets, one per article, holding what
// the default facets count (its person, organization and place entity ids and its
// month) so that a faceted query reads one value per match instead of four.
// Xapian's cost per value read, not the bytes, is most of counting: over the 60
// benchmark queries at 1M articles, four slots took 872 ms and this one 503 ms.
//
// Layout: three varint id counts (persons, organizations, places), then the ids
// (4-byte little-endian, common/index_terms.h) in that order, then the month as
// two bytes (year * 12 + month - 1, little-endian) or nothing for an undated
// article. Schema 3 wrote the month as "YYYY-MM"; such records still decode.
// Two bytes instead of seven: 3% fewer bytes per article, 7% less time reading
// the largest faceted query's records at 1M articles (bench/README.md).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "common/entity_names.h"

namespace dossier {

struct FacetRecordView {
  std::array<std::string_view, 3> ids;  // packed ids, indexed by EntityType (views into the value)
  // year * 12 + month - 1 (years 1000-4999), or -1 for an undated article.
  // Counters count this number, not the text: building "YYYY-MM" for every
  // matching article cost more than counting it.
  int month_code = -1;
  // "YYYY-MM", or "" for an undated article.
  std::string month() const { return month_code < 0 ? std::string() : month_text(month_code); }
  // "YYYY-MM" of a month code.
  static std::string month_text(int month_code);
};

// `packed_ids` indexed by EntityType, each a pack_entity_ids() string; `month`
// "YYYY-MM" (years 1000-4999) or "" (anything else is left out).
std::string encode_facet_record(const std::array<std::string, 3>& packed_ids, std::string_view month);

// False, and *out unchanged, when the value is damaged (counts that overrun
// it, or a month that is neither 2 valid bytes nor a schema-3 "YYYY-MM").
bool decode_facet_record(std::string_view value, FacetRecordView* out);

}  // namespace dossier
