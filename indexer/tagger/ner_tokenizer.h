// NER tokenizer: splits article text into sentences of CoNLL/PTB-like tokens with
// byte offsets, the unit both the sequence model and the gazetteer matcher see.
// "Japan's" -> "Japan" "'s"; "U.S." and "G-7" stay whole; "U.S.-China" and
// "Korea-Russia" split at the hyphen between two place names (see HyphenSplitter);
// curly quotes are tokens.
// Sentences end at . ! ? before a capitalised word (not after "Mr." or "U.S.") and
// at blank lines; a single newline does not end a sentence (hard-wrapped text).
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "indexer/tagger/sequence_model.h"

namespace dossier {

using NerSentence = std::vector<NerToken>;

// Decides whether a hyphen between two capitalised parts separates two names
// ("Korea-Russia": yes; "Jean-Philippe": no). Given the folded parts. Without
// one, only an abbreviation before the hyphen splits ("U.S.-China").
using HyphenSplitter = std::function<bool(std::string_view left_key, std::string_view right_key)>;

std::vector<NerSentence> tokenize_for_ner(std::string_view text, const HyphenSplitter& splitter = nullptr);

// The party letter of US news's "Sen. Ted Cruz (R-Texas)": R, D or I.
inline bool is_party_letter(std::string_view t) { return t == "R" || t == "D" || t == "I"; }

// Tokens of a short phrase (a gazetteer alias, a title) without sentence splitting.
std::vector<NerToken> tokenize_phrase(std::string_view phrase, const HyphenSplitter& splitter = nullptr);

// True for abbreviations whose final period is part of the token ("Mr.", "U.S.",
// "Nov.", "J.").
bool is_abbreviation(std::string_view token_with_period);

}  // namespace dossier
