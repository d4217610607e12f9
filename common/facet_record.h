// FacetRecord: the value in schema::kSlotFacets, one per article, holding what
// the default facets count (its person, organization and place entity ids and its
// month) so that a faceted query reads one value per match instead of four.
// Xapian's cost per value read, not the bytes, is most of counting: over the 60
// benchmark queries at 1M articles, four slots took 872 ms and this one 503 ms.
//
// Layout: three varint id counts (persons, organizations, places), then the ids
// (4-byte little-endian, common/index_terms.h) in that order, then "YYYY-MM" or
// nothing for an undated article.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "common/entity_names.h"

namespace dossier {

struct FacetRecordView {
  std::array<std::string_view, 3> ids;  // packed ids, indexed by EntityType
  std::string_view month;               // "YYYY-MM" or ""
};

// `packed_ids` indexed by EntityType, each a pack_entity_ids() string.
std::string encode_facet_record(const std::array<std::string, 3>& packed_ids, std::string_view month);

// Views into `value`. False, and *out unchanged, when the value is damaged
// (counts that overrun it, or a month that is not 7 bytes).
bool decode_facet_record(std::string_view value, FacetRecordView* out);

}  // namespace dossier
