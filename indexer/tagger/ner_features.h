// NER features: turns a tokenized sentence into hashed feature keys for the
// averaged-perceptron SequenceModel. Training (tools/train_ner) and tagging call the
// same functions here, so a feature means the same thing at both times.
//
// Features split in two kinds: static ones depend only on the words (word, shape,
// affixes, neighbours, gazetteer membership) and are computed once per sentence;
// history ones depend on the labels already chosen to the left and are computed
// during left-to-right decoding.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "indexer/tagger/ner_lexicon.h"
#include "indexer/tagger/sequence_model.h"

namespace dossier {

// Lower-cases ASCII letters (other bytes unchanged): cheap, and identical at train
// and tag time, which is all the features need.
std::string AsciiLower(std::string_view s);

// Word shapes: "Blinken" -> "Xxxxx" (runs capped at 4) and "Xx" (runs collapsed);
// "U.S." -> "X.X." for both; "1996-08-22" -> "dddd-dd-dd" / "d-d-d".
std::string WordShape(std::string_view w, bool collapse);

// Static feature keys of every token of a sentence: (*out)[i] holds token i's keys.
void ExtractStaticFeatures(const std::vector<NerToken>& sentence, const NerLexicon& lexicon,
                           std::vector<std::vector<uint64_t>>* out);

// Per-token inputs of the history features, computed with the static ones so the
// decoder only mixes integers: hashes of the lower-cased word and its short shape.
struct TokenIds {
  uint64_t word = 0;
  uint64_t shape = 0;
};
void ExtractTokenIds(const std::vector<NerToken>& sentence, std::vector<TokenIds>* out);

// The same static keys (in the same order) and token ids in one flat pass, the
// tagger's hot path: token i's keys are keys[begin[i]] .. keys[begin[i + 1] - 1].
// Reusing one SentenceFeatures across sentences keeps its buffers allocated.
struct SentenceFeatures {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> begin;  // sentence size + 1 entries
  std::vector<TokenIds> ids;
  // How many of token i's keys come first and depend on its text alone (bias,
  // word, shapes, affixes): their weights can be summed once per distinct word.
  std::vector<uint8_t> intrinsic;
};
// skip_text_only (optional, one flag per token): tokens whose text-only keys the
// caller already has; for them only the context keys are written (intrinsic 0).
// wanted (optional, one flag per token): tokens to write keys for at all; the
// others get none (an empty range, intrinsic 0, zero ids).
void ExtractSentenceFeatures(const std::vector<NerToken>& sentence, const NerLexicon& lexicon,
                             SentenceFeatures* out, const uint8_t* skip_text_only = nullptr,
                             const uint8_t* wanted = nullptr);

// Which tokens the tagger scores: (*near_name)[i] is 1 when token i could be part
// of a name (has an ASCII capital or starts with a Latin-1 letter byte, a
// sentence-initial function word like "The" or "But" excepted), precedes one, or
// follows one and may continue it ("of", "&", "bin", "(", ...). Names are
// capitalised, and the words inside them that are not sit next to a capitalised
// one; all others are labelled O unscored, about three quarters of news tokens.
// Scoring the word after a name only when it may continue one left every label
// on CoNLL-2003 valid unchanged and, on 1,000 AllSides articles, mostly dropped
// junk ("Obama —", "Comey”") for 4% less indexing CPU. Returns how many are marked.
size_t MarkTokensNearNames(const std::vector<NerToken>& sentence, std::vector<uint8_t>* near_name);

// The key of the exact-text feature, a fingerprint of a token's text.
uint64_t ExactTextKey(std::string_view text);

// History feature keys for a token given the two labels chosen before it.
// Writes kNumHistoryFeatures keys.
inline constexpr int kNumHistoryFeatures = 4;
void HistoryFeatures(NerLabel prev1, NerLabel prev2, const TokenIds& token, uint64_t* keys);

// IOB2 well-formedness: I-X may only follow B-X or I-X.
inline bool ValidTransition(NerLabel prev, NerLabel cur) {
  const int c = static_cast<int>(cur);
  // I-X labels are the even ones after O; B-X is the label just before.
  if (c == 0 || c % 2 == 1) return true;
  return prev == cur || static_cast<int>(prev) == c - 1;
}

// Label names "O", "B-PER", ... and back (returns false on an unknown name).
std::string_view NerLabelName(NerLabel l);
bool ParseNerLabel(std::string_view name, NerLabel* out);

}  // namespace dossier
