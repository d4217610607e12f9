// One-word guesses of the model that the words around them correct: a person
// after "in" is the place ("a federal appeals court in Denver"), a place that
// is the family name of a person the article names is that person
// ("consulted with Manafort"), and neither a family's plural ("the Clintons")
// nor a nickname in brackets ("Addison (Mitch) Mitchell McConnell") is an
// entity of its own.
#pragma once

#include <vector>

#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/tagger_span.h"

namespace dossier {

// Before coreference, on spans of the model alone that are one word and that
// no full name of the article explains:
//  - a person after "in" or "near" becomes a place, unless a person of the
//    article or of the gazetteer has that family name ("faith in Trump"), it
//    is a first name ("in Martha") or a deity ("in God");
//  - a place that is the family name of a person of two or more words in the
//    article, or the first name of such a person the gazetteer knows, becomes
//    a person (coreference then joins them: "Manafort", "Mitt");
//  - a person, organization or place that is the plural of such a family name
//    ("the Clintons", "the Bidens") is dropped;
//  - a place or person in brackets that is a first name ("(Mitch)") is dropped;
// and a place of two words that starts with a country that is also a given
// name, followed by no place word ("Chad Pergram"; not "Jordan Valley"), is a
// person.
void correct_one_word_guesses_by_context(const ArticleTokens& article, const Gazetteer& gaz,
                                         std::vector<TaggerSpan>* spans);

}  // namespace dossier
