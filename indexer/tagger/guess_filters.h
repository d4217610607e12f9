// Guess filters: the last check on the sequence model's own spans, once
// coreference has grouped mentions into entities. Headlines break the model's
// main cue: in "Blinken, Kamikawa and Park Close Ranks on North Korea" or
// "TRADE BENEFITS AMERICA" every word is capitalised, so verbs and common nouns
// come out as names ("Close Ranks", "Pushes Back"). And a lone capitalised
// common word ("Modern", "Entirely") is rarely an organization or person.
#pragma once

#include <vector>

#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/tagger_span.h"

namespace dossier {

// Per sentence: written as a headline, i.e. in capitals (ArticleTokens::all_caps)
// or in title case (at least three capitalised words, no lowercase word but the
// short words title case keeps lowercase: "of", "and", "on"), and with at least
// two of its words written in lowercase elsewhere in the article ("close",
// "ranks"), which a results line ("Celtic 3 Rangers 1", "KANSAS CITY AT DETROIT")
// or a list of names does not have. The first sentence, the title when the
// article has one, needs one such word ("Zelenskyy Flies to Hiroshima as G-7
// Leaders Tighten the Squeeze on Russia").
std::vector<bool> find_headline_sentences(const ArticleTokens& article);

// The first test of find_headline_sentences, without the ordinary words: the
// sentence is in capitals, or in Title Case with at least three capitalised words.
bool written_like_a_headline(const ArticleTokens& article, int sent);

// Marks dropped:
//  - every mention of an entity the model alone found (no gazetteer entry,
//    title or honorific behind any of its mentions) when all its mentions sit in
//    headline sentences, one of its words is an ordinary word (a common word or
//    one written in lowercase elsewhere: "Close Ranks", not "Harry Milling") or,
//    for a guess only in the title (the first sentence) that is no first name
//    and more and holds no acronym ("G.O.P."), none of its words appears in
//    the article's other sentences ("Raising Fears", "Win"), and its words never appear as a name (capitalised, not
//    opening a sentence when one word) in an ordinary sentence of the article;
//    gazetteer names the guess had swallowed come back ("North Korea" of
//    "North Korea Ahead");
//  - person and place guesses that swallowed gazetteer names with only ordinary
//    words besides ("White House Briefing", a run-together list of countries):
//    the names come back; a place keeps ordinary words before its name ("New
//    Jersey");
//  - guesses of the model alone made only of page furniture (is_page_furniture_word),
//    and social networks named in a share box or a byline ("Follow Matt on
//    Twitter @handle", "Twitter: @csaid"), whoever found them;
//  - organization guesses of the model alone ending in "Act" or "Amendment":
//    laws ("Affordable Care Act", "First Amendment");
//  - one-word organization or person spans of the model alone whose word is a
//    common English word (is_common_word, is_common_guess_word), a faith's or a
//    people's word (is_faith_or_people_word: "Muslim", "Latino") or a title
//    ("Justice" before a judge's name), or, when it opens a sentence or sits in
//    a headline, a word written in lowercase elsewhere in the article.
void drop_headline_and_common_word_guesses(const ArticleTokens& article, const Gazetteer& gaz,
                                           std::vector<TaggerSpan>* spans);

// Before coreference: a person guess of two or more words loses the ordinary
// words before it and the verb forms after it ("Blame Trump", "Trump Says",
// both from headlines in Title Case) when what remains ends in the family name of a person the article
// names in full, so that it joins that person instead of making "Trump"
// ambiguous. First names and titles are never cut ("Will Smith", "Justice
// Kennedy").
void trim_ordinary_words_off_person_guesses(const ArticleTokens& article, const Gazetteer& gaz,
                                            std::vector<TaggerSpan>* spans);

// After trimming: lists of headlines that scraped pages run together with no
// stop between them ("... inquiry into Trump More Democrats threaten ...",
// "... by Trump Gowdy: I ...") make two-word person guesses. One whose first
// word is the family name of a person the article names in full (and not a
// first name) ends after that word when the second is an ordinary word
// ("More"), the same word ("Trump Trump") or another such family name
// ("Gowdy", when the article names Trey Gowdy). Not touched: "Trump Jr.",
// two words inside a longer name of the article ("Wasserman Schultz" when it
// names Debbie Wasserman Schultz), "Kim Jong Un", "Park Jin", "Warren
// Buffett" (a first name) and "Clinton Foundation" (an organization's head
// word: retype_person_guesses_by_head_word makes it the organization).
void end_person_guesses_at_run_together_headlines(const ArticleTokens& article, const Gazetteer& gaz,
                                                  std::vector<TaggerSpan>* spans);

// Before trimming: person names that scraped pages glued to the next words
// (the NER tokenizer splits "PelosiOn" into "Pelosi" "On", tokens with no space
// between): a person span ends where such a glue starts; and The Hill's hover
// cards repeat the name, so "Nancy Pelosi Nancy Pelosi" keeps its first name
// and "Trump Donald John Trump" the full name after the first word, which then
// resolves through the gazetteer like any name ("Donald John Trump" is Donald
// Trump). Spans of the gazetteer are not touched.
void repair_glued_person_spans(const ArticleTokens& article, const Gazetteer& gaz, std::vector<TaggerSpan>* spans);

// After trimming, before coreference: a person guess of two or more words
// whose last word heads the name of an organization ("Clinton Foundation",
// "Trump Organization", "Obama Administration") or of a building or public
// place ("Trump Tower", "Tahrir Square") takes that type; one whose last word
// makes it a description or a document ("Kentucky Republican", "Care Act",
// "Mueller Report") is dropped. A head word that is also a family name ("John
// Tower", "Frank Church", "Jessica Post") leaves a two-word person whose first
// word is a first name.
void retype_person_guesses_by_head_word(const ArticleTokens& article, const Gazetteer& gaz,
                                        std::vector<TaggerSpan>* spans);

// A span of the model alone (or joined to one by coreference): no gazetteer
// entry, title or honorific behind it.
bool is_model_guess(const TaggerSpan& s);

// Words of the page around an article that scraped text keeps ("Story Continued
// Below", "Click here", "Manage Newsletters", "LLC" of a copyright line): a model
// guess made only of them is dropped. Folded keys.
bool is_page_furniture_word(std::string_view key);
// Words a credit or a video player puts after a name ("AP Photo", "Reuters
// Image", "CNN Video"). Folded keys.
bool is_trailing_furniture_word(std::string_view key);
// "twitter", "facebook", "instagram": social networks, named in share boxes and
// bylines as well as in news. Folded keys.
bool is_social_network(std::string_view key);

// Capitalised adjectives, adverbs, verbs and nouns that the model has taken for a
// one-word organization or person in news headlines ("modern", "entirely").
// Folded keys.
bool is_common_guess_word(std::string_view key);
// "Muslim", "Christians", "Latino", "Bible": alone, no organization, person or place.
bool is_faith_or_people_word(std::string_view key);

}  // namespace dossier
