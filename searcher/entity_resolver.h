// EntityResolver: maps a NAME a user typed (--person Blinken, person:"Park Jin")
// to the canonical entities the index knows, through the name-token terms the
// indexer writes (common/entity_terms.h). "Blinken" matches Antony Blinken;
// "Kim" matches every Kim; "erdogan" matches Recep Tayyip Erdoğan.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "common/entity_names.h"

namespace dossier {

struct ResolvedEntity {
  std::string display;   // canonical display name
  std::string term;      // boolean filter term ("XP" + key)
  size_t articles = 0;   // articles the entity is tagged in
};

// Entities of `type` whose canonical name or a recorded surface form contains
// NAME's words as whole words in order. Most mentioned first (then by display
// name): "Trump" at a million news articles matches Donald Trump in 480,000 and
// several hundred tagger guesses ("Blame Trump" from a headline) in a few each,
// and a reader wants the first ones first.
std::vector<ResolvedEntity> resolve_entity(const Xapian::Database& db, EntityType type, const std::string& name);

}  // namespace dossier
