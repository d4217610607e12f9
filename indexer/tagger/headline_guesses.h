// Headline guesses: Title Case headlines capitalise verbs and nouns, so the
// sequence model runs a known name on into the next word ("Xi and Putin Hail
// 'New Era' as Kishida Makes Surprise Visit to Kyiv" gives "Putin Hail" and
// "Kishida Makes") or takes a capitalised phrase for a person ("Russia Quits
// Black Sea Grain Deal, Raising Fears for Global Food Prices"). The article's
// ordinary sentences say which words are names.
#pragma once

#include <vector>

#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/tagger_span.h"

namespace dossier {

// Before coreference, on person and organization guesses of the model alone
// of two or more words in headline sentences (find_headline_sentences): the
// words after a name of the article of the same type are cut when none of them
// is a first name, a title, a suffix ("Jr."), an organization's head word
// ("Party"), a newspaper's ("Chronicle") or a word the article's ordinary
// sentences write as a name
// (capitalised, not opening the sentence): "Putin Hail" is Putin, "Labour
// Returns" Labour. A name of the article is a span of that type outside
// headlines with the same words ("Putin", "Labour") or the same gazetteer
// entity ("Xi" of Xi Jinping), or for a person the same family name ("Fumio
// Kishida"), found by the gazetteer, a title or after a first name; what
// remains of a person never ends in a first name ("Michael Barbaro" is no
// "Michael"), and a guess the gazetteer knows whole stays ("Al Qaeda"). A
// person guess that starts with an organization of the article of two or more
// words is that organization ("Clinton Foundation Probe"). "Park Jin Meets Blinken" keeps "Park Jin" when the article
// writes "Park Jin" in its sentences.
void trim_headline_words_off_guesses(const ArticleTokens& article, const Gazetteer& gaz,
                                     std::vector<TaggerSpan>* spans);

// Whether a guess of the model alone, with mentions `group` (indices into
// `spans`), only makes up the title: all its mentions sit in the first
// sentence, and the article's other sentences use none of its words
// ("Raising Fears"; "Win" of "Lula Narrowly Defeats Bolsonaro to Win Back
// Brazil's Presidency"). Not a first name and more ("Omar Haddad"), nor a guess
// holding an acronym ("G.O.P. Clings to ..."). Only the title: in other
// sentences that read as headlines, a list of names ("South Carolina: Andrew
// Collins, Antjuan Seawright, ...") or a byline ("By Omar Haddad") is common.
bool made_up_by_the_title(const ArticleTokens& article, const Gazetteer& gaz, const std::vector<bool>& headline,
                          const std::vector<TaggerSpan>& spans, const std::vector<size_t>& group);

}  // namespace dossier
