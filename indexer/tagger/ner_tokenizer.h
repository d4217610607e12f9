// NER tokenizer: splits article text into sentences of CoNLL/PTB-like tokens with
// byte offsets, the unit both the sequence model and the gazetteer matcher see.
// "Japan's" -> "Japan" "'s"; "U.S." and "G-7" stay whole; "U.S.-China" and
// "Korea-Russia" split at the hyphen between two names; curly quotes are tokens.
// Sentences end at . ! ? before a capitalised word (not after "Mr." or "U.S.") and
// at blank lines; a single newline does not end a sentence (hard-wrapped text).
#pragma once

#include <string_view>
#include <vector>

#include "indexer/tagger/sequence_model.h"

namespace dossier {

using NerSentence = std::vector<NerToken>;

std::vector<NerSentence> tokenize_for_ner(std::string_view text);

// Tokens of a short phrase (a gazetteer alias, a title) without sentence splitting.
std::vector<NerToken> tokenize_phrase(std::string_view phrase);

// True for abbreviations whose final period is part of the token ("Mr.", "U.S.",
// "Nov.", "J.").
bool is_abbreviation(std::string_view token_with_period);

}  // namespace dossier
