// Hover cards that scraped pages of The Hill keep after a person's name: the
// full legal name with the nickname in brackets, glued to the next headline
// ("Senate Majority Leader Mitch McConnell Addison (Mitch) Mitchell
// McConnellGOP senators balk ..."). The model reads "Mitch McConnell Addison"
// and "Mitchell McConnell" as persons; both are the name shown before the card.
#pragma once

#include <vector>

#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/tagger_span.h"

namespace dossier {

// Before coreference: where "( Nickname )" (a first name in brackets) sits
// between capitalised words whose family name (the last word after the
// brackets) also ends a name before them, the words from there to the family
// name after the brackets are a card: spans inside it are dropped, and a person
// that runs into it from the name before ends with that name ("Mitch
// McConnell Addison" -> "Mitch McConnell", "Mueller Robert" -> "Mueller").
// Without the name before ("Addison (Mitch) Mitchell McConnell was born"), the
// words are the name and stay.
void drop_hover_card_names(const ArticleTokens& article, const Gazetteer& gaz, std::vector<TaggerSpan>* spans);

}  // namespace dossier
