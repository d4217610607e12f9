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

// Inside drop_headline_and_common_word_guesses (guess_filters.h), its last
// step, on spans of the model alone that are one word (`headline`: per
// sentence, find_headline_sentences, or empty when none was looked for), marks
// dropped: organizations and persons that are common words or titles
// ("Justice" before "Samuel Alito"). A word also written in lowercase counts
// only where its capital is no evidence of a name: opening a sentence or in a
// headline ("the Times" is a newspaper, though "three times" is not).
// Places that are a common word, or the family name of a person the
// gazetteer knows or a title introduces ("President Trump"): as a place that
// word is the person. Names the model alone found do not count, since US
// states and cities are the model's alone and many are first or family names
// ("Virginia", "Dallas", "Ferguson"). Over 37,554 articles this drops
// "Obamacare", "South", "West", "State" and 180 more common words from 5,300
// article mentions, and "Trump", "Assad", "Cruz" and 90 more names from 790.
void drop_common_word_one_word_guesses(const ArticleTokens& article, const Gazetteer& gaz,
                                       const std::vector<bool>& headline, std::vector<TaggerSpan>* spans);

}  // namespace dossier
