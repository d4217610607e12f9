// Hover cards that scraped pages of The Hill keep after a person's name: the
// full legal name (with the nickname in brackets, if any) glued to the
// headlines of three other articles and closed by a "MORE" link ("Senate
// Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnellGOP senators
// balk ... MORE", "Hillary Clinton Hillary Diane Rodham Clinton2020 Democrats
// ... MORE"). The model reads "Mitch McConnell Addison" and "Mitchell
// McConnell" as persons, and the headlines name people, places and newsletters
// the article is not about (about 14,000 article-entities in 1,691 of the
// 37,554 AllSides articles).
#pragma once

#include <vector>

#include "indexer/tagger/tagger_span.h"

namespace dossier {

// Before coreference. A card starts after a name shown with its family name,
// with a full name of the same family name: either "( Nickname )" (a
// capitalised word in brackets: "(Mitch)", "(Mitt)") among capitalised words
// whose last is that family name, or two to four capitalised words whose
// family name is glued to the next word ("Clinton2020", "McConnellGOP"). It
// ends at the next "MORE" within 160 tokens (a card's three headlines), else
// with the full name. Spans inside it are dropped and it is covered by
// blocking spans, so coreference adds none; a person that runs into it from
// the name before ends with that name ("Mitch McConnell Addison" -> "Mitch
// McConnell"). Without the name before ("Addison (Mitch) Mitchell McConnell
// was born"), the words are the name and stay.
void drop_hover_card_names(const ArticleTokens& article, std::vector<TaggerSpan>* spans);

}  // namespace dossier
