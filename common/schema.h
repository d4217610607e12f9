// The Xapian schema: every term prefix and value slot Dossier uses. Indexer and
// searcher both include this file and nothing else defines a prefix or slot.
// Prefix conventions follow Xapian's omega: single capitals for boolean terms,
// "X..." for multi-letter ones, and "Z" before the prefix for stemmed terms.
#pragma once

#include <string_view>

#include <xapian.h>

namespace dossier::schema {

// Free-text terms (probabilistic). Stemmed terms are "Z" + prefix + stem.
inline constexpr std::string_view kTitle = "S";      // title:   (Xapian convention)
inline constexpr std::string_view kStemmed = "Z";    // stem marker

// Boolean filter terms.
inline constexpr std::string_view kId = "Q";         // unique id, one per document
inline constexpr std::string_view kSource = "XSRC";  // source:  (normalized outlet name)
inline constexpr std::string_view kSourceWord = "XSW";  // each word of a multi-word outlet name
inline constexpr std::string_view kPath = "XPATH";   // file path (for incremental updates)
inline constexpr std::string_view kFormat = "XFMT";  // txt, md, json, jsonl, html
inline constexpr std::string_view kLang = "L";       // language code
inline constexpr std::string_view kYear = "Y";       // Y2023
inline constexpr std::string_view kMonth = "M";      // M202311
inline constexpr std::string_view kDay = "D";        // D20231114
inline constexpr std::string_view kPerson = "XP";    // XP + folded canonical name
inline constexpr std::string_view kOrg = "XO";
inline constexpr std::string_view kPlace = "XL";
// Separates a name from a word or surface form in entity dictionary entries
// (common/index_terms.h).
inline constexpr char kNameSeparator = '\x1f';
inline constexpr std::string_view kHasDate = "XHASDATE";  // XHASDATE (all dated docs)

// Value slots.
enum Slot : Xapian::valueno {
  kSlotDate = 0,      // "YYYYMMDD" (sorts and range-compares as a string)
  kSlotSource = 1,    // source display name
  kSlotPersons = 2,   // facet streams: hashed entity ids, 4 bytes each (index_terms.h)
  kSlotOrgs = 3,
  kSlotPlaces = 4,
  kSlotMonth = 5,     // "YYYY-MM"
  kSlotYear = 6,      // "YYYY"
  kSlotText = 7,      // the article text for snippets (stored_record.h)
  kSlotFacets = 8,    // persons, orgs, places and month in one value (facet_record.h):
                      // a faceted query reads one value per match, not four; from
                      // schema 5 with dense entity ids
};

// Metadata keys stored in the database itself.
inline constexpr std::string_view kMetaSchemaVersion = "dossier:schema";
// 2: facet slots hold 4-byte entity ids (1 held 8-byte ones).
// 3: kSlotFacets, the default facets in one value.
// 4: kSlotFacets holds the month in two bytes (facet_record.h).
// 5: kSlotFacets holds dense entity ids (indexer/entity_id_registry.h).
inline constexpr std::string_view kSchemaVersion = "5";
// New databases are schema 5. Schema 3 and 4 databases are still searched and
// indexed into, with hashed ids in their records (their records cannot be
// mixed with dense ones): the first index run into a schema 3 database marks
// it 4, so that older builds refuse it rather than misread the new records.
inline constexpr std::string_view kHashedIdsSchema = "4";
inline bool is_readable_schema(std::string_view version) {
  return version == "3" || version == kHashedIdsSchema || version == kSchemaVersion;
}
// Whether a database of this (readable) schema holds dense ids in its facet records.
inline bool has_dense_entity_ids(std::string_view version) { return version == kSchemaVersion; }
inline constexpr std::string_view kMetaFormats = "dossier:formats";

// Word positions: body text starts after a gap so title phrases never span into it.
inline constexpr Xapian::termpos kBodyPositionStart = 1000;
// Each title word counts this many times more than a body word.
inline constexpr Xapian::termcount kTitleWeight = 3;

}  // namespace dossier::schema
