// FacetRecord: the value in schema::kSlotFacets, one per article, holding what
// the default facets count (its person, organization and place entity ids and its
// month) so that a faceted query reads one value per match instead of four.
// Xapian's cost per value read, not the bytes, is most of counting: over the 60
// benchmark queries at 1M articles, four slots took 872 ms and this one 503 ms.
//
// Layout: three varints (persons, organizations, places), then the ids in that
// order, then the month as two bytes (year * 12 + month - 1, little-endian) or
// nothing for an undated article.
// - Schema 5 (RecordIds::kDense): the ids are the database's dense ids
//   (indexer/entity_id_registry.h) as varints, and the three varints are the
//   byte lengths of each type's ids. Most ids take two bytes instead of four.
// - Schemas 3 and 4 (RecordIds::kHashed): the ids are 4-byte entity_id()
//   hashes (common/index_terms.h), and the three varints count them. Schema 3
//   wrote the month as "YYYY-MM"; such records still decode.
// Two bytes of month instead of seven: 3% fewer bytes per article, 7% less time
// reading the largest faceted query's records at 1M articles (bench/README.md).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "common/entity_names.h"

namespace dossier {

// How a facet record holds its entity ids (see above).
enum class RecordIds { kHashed, kDense };

struct FacetRecordView {
  std::array<std::string_view, 3> ids;  // packed ids, indexed by EntityType (views into the value)
  RecordIds encoding = RecordIds::kDense;
  // year * 12 + month - 1 (years 1000-4999), or -1 for an undated article.
  // Counters count this number, not the text: building "YYYY-MM" for every
  // matching article cost more than counting it.
  int month_code = -1;
  // "YYYY-MM", or "" for an undated article.
  std::string month() const { return month_code < 0 ? std::string() : month_text(month_code); }
  // "YYYY-MM" of a month code.
  static std::string month_text(int month_code);
};

// `packed_ids` indexed by EntityType: each a pack_entity_ids() string
// (kHashed) or dense ids appended with put_varint() (kDense); `month`
// "YYYY-MM" (years 1000-4999) or "" (anything else is left out).
std::string encode_facet_record(const std::array<std::string, 3>& packed_ids, std::string_view month, RecordIds ids);

// False, and *out unchanged, when the value is damaged (lengths that overrun
// it, dense ids cut off inside a varint, or a month that is neither 2 valid
// bytes nor a schema-3 "YYYY-MM").
bool decode_facet_record(std::string_view value, RecordIds ids, FacetRecordView* out);

}  // namespace dossier
