// US states by the abbreviations that party notes and datelines use where the
// gazetteer cannot list them as aliases: "Sen. John Kennedy (R-La.)", "Rep.
// Maxine Waters (D-Ca)", "Boston, Mass.". Alone, "La", "Ga", "Mass", "Miss" or
// "Mo" are other words ("La Paz", "Catholic Mass", "Mo Brooks"); after a party's
// letter or a place and a comma they are states.
#pragma once

#include <string_view>
#include <vector>

#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/tagger_span.h"

namespace dossier {

// The state an AP abbreviation or postal code names ("la", "la.", "mass", "ga",
// "ca"; lowercase, periods allowed), else empty.
std::string_view state_of_abbreviation(std::string_view abbreviation);

// After the other finders, before the guess filters: a token such as "R-La" or
// "D-Ca." (a party's letter, a hyphen and a state's abbreviation, one token) is
// that state, and so is such an abbreviation after a comma when a place comes
// before the comma ("Boston, Mass.") or the model reads it as a place ("Jackson,
// Miss."); each becomes a place span with the state's gazetteer entry.
void resolve_state_abbreviations(const ArticleTokens& article, const Gazetteer& gaz, std::vector<TaggerSpan>* spans);

}  // namespace dossier
