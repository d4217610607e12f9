// Entity types and the folded keys that identify canonical entities in the index.
// The indexer writes one boolean term per (type, key); the searcher resolves a
// user's NAME to keys the same way, so both must use entity_key().
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dossier {

enum class EntityType { kPerson, kOrg, kPlace };

std::string_view entity_type_name(EntityType t);                 // "person", "org", "place"
std::optional<EntityType> entity_type_from_name(std::string_view s);  // also "persons", "organization"...

// Matching key for a canonical name: NFKC, case-folded, diacritics folded
// (Erdoğan = Erdogan), punctuation and runs of spaces collapsed to one space:
// "Recep Tayyip Erdoğan" -> "recep tayyip erdogan", "U.S." -> "u.s.".
std::string entity_key(std::string_view name);

}  // namespace dossier
