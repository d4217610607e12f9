// Span finders: the steps that propose candidate entity spans for one article,
// in the order the tagger runs them. Earlier finders claim tokens first; later
// ones only fill tokens still free, except the model, whose longer spans can
// replace gazetteer spans they contain ("Bank of Japan" over "Japan").
#pragma once

#include <vector>

#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/tagger_span.h"

namespace dossier {

// Longest gazetteer matches, left to right. The first token must be capitalised
// (or a digit); short all-caps aliases match case-sensitively.
void find_gazetteer_spans(const ArticleTokens& article, int sent, const Gazetteer& gaz,
                          std::vector<TaggerSpan>* spans);

// "Secretary of State Antony Blinken", "Mr. Blinken", "President Xi": the name
// after a title is a person; the title becomes the role (honorifics give none).
void find_title_spans(const ArticleTokens& article, int sent, const Gazetteer& gaz,
                      std::vector<TaggerSpan>* spans);

// "Antony Blinken" without a title: a known first name and one or two name words.
void find_first_name_spans(const ArticleTokens& article, int sent, const Gazetteer& gaz,
                           std::vector<TaggerSpan>* spans);

// Capitalised phrases ending in an organization word ("Foreign Ministry",
// "Workers' Party", "Ministry of Foreign Affairs").
void find_org_rule_spans(const ArticleTokens& article, int sent, std::vector<TaggerSpan>* spans);

// An organization guess that ends in "of" ("University of", as the model may
// cut "University of Texas") takes in the place or organization right after it.
void join_organizations_ending_in_of(const ArticleTokens& article, int sent, std::vector<TaggerSpan>* spans);

// Narrows tokens [*begin, *end) to a name's possible extent: no separator,
// dash or opener at the end ("Congress (", "Arizona —"), no separator, dash or
// closer at the start ("” Obama", "— Reince Priebus"), brackets kept when the
// span holds both ("Sporting (Gijon)"). *begin == *end when nothing is left.
void trim_name_punctuation(const NerSentence& tokens, size_t* begin, size_t* end);

// Merges the sequence model's spans for one sentence into `spans`: slashes end
// them, and trim_name_punctuation() bounds them.
void merge_model_spans(const ArticleTokens& article, int sent, const Gazetteer& gaz,
                       std::vector<TaggerSpan>* spans);

// Names ministries after their country: "Japan's Foreign Ministry" and "the
// Japanese Foreign Ministry" -> "Foreign Ministry of Japan" (one canonical form for
// both). A demonym inside the organization span ("Japanese Foreign Ministry", as
// CoNLL bounds it) also yields a nested place mention for the country.
void qualify_ministries(const ArticleTokens& article, const Gazetteer& gaz, std::vector<TaggerSpan>* spans);

}  // namespace dossier
