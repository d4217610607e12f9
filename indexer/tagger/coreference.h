// In-article coreference: later short mentions join the full mention they refer
// to ("Blinken" -> Antony Blinken, "Mr. Xi" -> Xi Jinping, "Park" -> Park Jin with
// family-name-first order), and acronyms defined in the text ("North Atlantic
// Treaty Organization (NATO)") name the same organization later.
//
// Policy for a one-word person mention:
//  - one full name in the article has it as family name: it joins that person;
//  - two or more do ("Kim" with Kim Jong Un and Kim Yo Jong): it is dropped, so
//    no guessed or bogus "Kim" entity is created;
//  - none: it joins the gazetteer person with that unique family name; else it
//    stays its own entity only after a title or honorific ("Mr. Smith"); else a
//    known first name joins the one full name starting with it ("Michael" ->
//    Michael Howard; two such names: dropped); else it stays only when the model
//    labelled it PER and it is not a capitalised common word ("Photo",
//    "Related"), a word also written in lowercase in the article, or a word after
//    an article ("a Tory government"); otherwise it is dropped.
#pragma once

#include <vector>

#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/tagger_span.h"

namespace dossier {

// Resolves person spans in place (sets canonical, marks dropped) and adds spans
// for uncovered tokens that repeat a full name's family name. `spans` must not
// overlap each other (dropped ones excepted).
void resolve_person_coreference(const ArticleTokens& article, const Gazetteer& gaz,
                                std::vector<TaggerSpan>* spans);

// Finds "Full Name (ACR)" definitions and tags later uses of ACR as that org.
void resolve_acronyms(const ArticleTokens& article, std::vector<TaggerSpan>* spans);

// Display text of tokens [begin, end) of a sentence, as written in `text`, minus a
// trailing possessive.
std::string span_surface(std::string_view text, const NerSentence& sentence, size_t begin, size_t end);

}  // namespace dossier
