// Datelines and results lines: the places in capitals that open a wire story
// ("MIAMI (AP) —", "HIROSHIMA (Pacific Dispatch) --") with the agency after
// them, and the teams of a table of scores, which the sequence model reads as
// organizations, persons or places by turns.
#pragma once

#include <cstddef>

#include "indexer/tagger/ner_tokenizer.h"
#include "indexer/tagger/tagger_span.h"

namespace dossier {

// Sports results and fixtures: a sentence in capitals, or a name followed or
// preceded by a score or by "at" ("Florida 64 70 .478", "MINNESOTA AT MILWAUKEE").
bool in_results_line(const ArticleTokens& article, int sent, size_t begin, size_t end);

// A wire dateline's place: the words in capitals that open a paragraph, then
// the agency in brackets ("MIAMI (AP) —", "BRUSSELS (Reuters) -", "HIROSHIMA
// (Pacific Dispatch) --"), or a state or country and then the agency or a dash
// ("TALLAHASSEE, Fla. —", "KYIV, Ukraine (AP) —"). The model reads some as
// organizations or persons. A bare dash is not enough ("AIPAC — the lobby
// said"), nor a title in capitals after the comma ("BRIAN KILMEADE, FOX NEWS
// HOST —"); CoNLL's headlines ("SOCCER - JAPAN ...") have neither.
bool is_dateline_name(const NerSentence& tokens, size_t begin, size_t end);

// Tokens [begin, end) are the agency in brackets of such a dateline: "Pacific
// Dispatch" of "HIROSHIMA (Pacific Dispatch) --", "Reuters" of "KYIV, Ukraine
// (Reuters) —". An agency of two or three words needs the dash after it.
bool is_dateline_agency(const NerSentence& tokens, size_t begin, size_t end);

}  // namespace dossier
