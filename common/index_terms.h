// Index terms the indexer writes and the searcher looks up, built in one place so
// the two always agree: entity filter terms, entity name-token terms (which let
// the searcher resolve "Blinken" or "Park Jin" with a prefix seek), source terms.
#pragma once

#include <string>
#include <vector>

#include "common/entity_names.h"

namespace dossier {

// "XP" + entity_key(canonical) for persons ("XO" orgs, "XL" places).
std::string entity_filter_term(EntityType type, const std::string& canonical);

// "XPN" + word + '\x1f' + canonical, for each word of entity_key(surface).
std::vector<std::string> entity_name_terms(EntityType type, const std::string& canonical, const std::string& surface);

// "XPA" + canonical + '\x1f' + surface: records a surface form of an entity.
std::string entity_alias_term(EntityType type, const std::string& canonical, const std::string& surface);
std::string_view entity_alias_prefix(EntityType type);

// The name-token prefix for a type ("XPN", "XON", "XLN").
std::string_view entity_name_prefix(EntityType type);

// Boolean terms for a source/outlet name: the whole name and each of its words,
// so source:kyodo and source:"Kyodo News" both match.
std::vector<std::string> source_terms_for(const std::string& source);

// Prefixed term, shortened with a hash of the value when longer than Xapian allows.
std::string bounded_term(std::string_view prefix, const std::string& value);
inline constexpr size_t kMaxTermBytes = 240;  // Xapian's limit is 245 bytes

// Splits a key on spaces.
std::vector<std::string> split_key_words(const std::string& key);

}  // namespace dossier
