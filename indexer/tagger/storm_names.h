// Storms are named like people: the model reads "Hurricane Harvey" as a person,
// and coreference then joined it to Harvey Weinstein in an article naming him
// (37,554 AllSides articles name about 1,100 storms: "Hurricane Katrina",
// "Superstorm Sandy", "Tropical Storm Imelda"). A storm is an event, which
// Dossier does not tag.
#pragma once

#include <vector>

#include "indexer/tagger/tagger_span.h"

namespace dossier {

// Before coreference: the storm names of the article are the capitalised
// words after "Hurricane", "Superstorm", "Typhoon", "Cyclone", "Tropical
// Storm" or a capitalised "Storm" ("Storm Ciara"). Spans over a storm word or its name are dropped, and blocking spans
// cover them; a one-word guess of the model that is a storm name ("after
// Harvey") is dropped and blocked too, so coreference adds no person there.
void drop_storm_names(const ArticleTokens& article, std::vector<TaggerSpan>* spans);

}  // namespace dossier
