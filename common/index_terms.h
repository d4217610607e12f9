// Index terms and metadata the indexer writes and the searcher looks up, built in
// one place so the two always agree: entity filter terms, the entity dictionary
// (which lets the searcher resolve "Blinken" or "Park Jin" with a prefix seek),
// and source terms.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/entity_names.h"

namespace dossier {

// "XP" + entity_key(canonical) for persons ("XO" orgs, "XL" places).
std::string entity_filter_term(EntityType type, const std::string& canonical);

// The entity dictionary lives in database metadata, one entry per entity and
// word (not per document, which made entities half the postings):
//   "ew:" + t + ":" + word + '\x1f' + canonical   for each word of the canonical
//                                                name and of each surface form;
//   "ea:" + t + ":" + canonical + '\x1f' + surface for each surface form,
// where t is p, o or l, and every value is "1". Entries are never removed:
// readers check the entity's filter term still has documents.
// A 32-bit id for an entity (hash of its type and key). Facet value slots hold
// each article's entity ids packed as 4-byte little-endian integers, so facet
// counting needs no string handling and reads half the bytes 8-byte ids took
// (at a million articles an article carries about 11 persons, 11 organizations
// and 8 places, and reading the value streams is most of a faceted query).
// "ei:" + t + ":" + 8 hex digits in the dictionary maps an id back to the
// canonical display name. Distinct entities may share an id (about one pair
// among 100,000 entities of a type): the entry then lists each one's display name,
// separated by schema::kNameSeparator, and facet counting splits that id's
// count exactly (searcher/facets.h).
uint32_t entity_id(EntityType type, const std::string& canonical);
std::string entity_id_key(EntityType type, uint32_t id);
std::string pack_entity_ids(EntityType type, const std::vector<std::string>& canonicals);
inline constexpr size_t kEntityIdBytes = 4;

// Dense ids (schema 5, indexer/entity_id_registry.h): small per-type numbers
// a database hands out in order of first sight, which its facet records hold
// as varints. "ed:" + t + ":" + 8 hex digits maps one to the entity's display
// name; such entries merge like "ei:" ones (the better-reading name stays), and
// every database or shard holds the entry of each dense id its records use.
std::string dense_id_key(EntityType type, uint32_t id);
std::string dense_id_key_prefix(EntityType type);  // "ed:p:"
// The type and dense id an "ed:" key names; false for any other key.
bool parse_dense_id_key(std::string_view key, EntityType* type, uint32_t* id);

// The display names an "ei:" entry holds: one, or several for colliding entities.
std::vector<std::string> entity_id_names(std::string_view entry);
// Of an "ei:" entry, the display name of the entity whose entity_key() is that
// of `name`, or "" when the entry has none.
std::string display_name_in_entry(std::string_view entry, std::string_view name);
// Folds display name `incoming` into the "ei:" entry `stored` (may be empty):
// for the same entity (same entity_key()) the better-reading name stays; a
// different entity is listed beside it, in entity_key() order, so every writer
// and merge gives the same entry.
std::string merge_entity_id_entry(std::string_view stored, std::string_view incoming);

// Whether `key` is an entity id entry ("ei:..." or "ed:..."), whose value is a display name.
bool is_entity_id_key(std::string_view key);
// Of two display names of one entity (names whose entity_key() is the same),
// whether `a` reads better than `b`: written in mixed case ("Florida", not
// "FLORIDA" from a dateline), free of brackets and quotes, and starting with a
// letter or digit ("Bernie Sanders", not "-Bernie Sanders"); then the one with
// fewer words in capitals ("Fox News", not "FOX News"), then fewer words whose
// second letter is a slipped capital ("Hillary", not "HIllary"), then the one
// with more capitals ("Mitch McConnell", not "Mitch Mcconnell"), then the alphabetically
// first, so every writer and merge picks the same one.
bool is_better_display_name(std::string_view a, std::string_view b);

// Whether a name reads well enough to show as its article wrote it (mixed case,
// no brackets or quotes, a clean start), so a result list need not look up the
// entity's display name.
bool reads_well_as_display_name(std::string_view name);

struct MetadataEntry {
  std::string key, value;
};
std::vector<MetadataEntry> entity_dictionary_entries(EntityType type, const std::string& canonical,
                                                     const std::vector<std::string>& surfaces);
// The same in two parts, for writers that emit each part once: the entity's id
// and name words; and one surface form with its words.
void entity_name_entries(EntityType type, const std::string& canonical, std::vector<MetadataEntry>* out);
void entity_surface_entries(EntityType type, const std::string& canonical, const std::string& surface,
                            std::vector<MetadataEntry>* out);
// "ew:p:" + word + '\x1f': the entries for entities with that name word.
std::string entity_word_prefix(EntityType type, const std::string& word);
// "ea:p:": all surface-form entries of a type.
std::string entity_alias_prefix(EntityType type);

// Boolean terms for a source/outlet name: the whole name ("XSRC") and, for a
// multi-word name, each of its words ("XSW"), so source:kyodo and
// source:"Kyodo News" both match.
std::vector<std::string> source_terms_for(const std::string& source);

// Prefixed term, shortened with a hash of the value when longer than Xapian allows.
std::string bounded_term(std::string_view prefix, const std::string& value);
inline constexpr size_t kMaxTermBytes = 240;  // Xapian's limit is 245 bytes

// Splits a key on spaces.
std::vector<std::string> split_key_words(const std::string& key);

}  // namespace dossier
