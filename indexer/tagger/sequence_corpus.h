// Labelled NER corpora for training and measuring the SequenceModel: readers for
// CoNLL-2003 and the GMB (Kaggle "ner_dataset.csv") files, and a conlleval-style
// exact-span scorer.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/tagger/ner_features.h"
#include "indexer/tagger/sequence_model.h"

namespace dossier {

struct LabeledSentence {
  std::vector<NerToken> tokens;  // offsets are left 0: corpora come pre-tokenized
  std::vector<NerLabel> labels;  // IOB2
  int doc = 0;                   // document number within its file (GMB: sentence number)
};

// CoNLL-2003 format: "TOKEN POS CHUNK TAG" lines, blank lines between sentences,
// -DOCSTART- lines between documents. IOB1 tags are converted to IOB2.
Status ReadConll(const std::string& path, std::vector<LabeledSentence>* out);

// GMB csv (gzip or plain, latin-1): "Sentence #",Word,POS,Tag. Tags map to CoNLL's
// scheme: per->PER, org->ORG, geo->LOC, art/eve/nat->MISC, tim->O, and gpe->LOC for
// a country ("Iraq") but MISC for a demonym ("Iraqi", "Palestinians"), decided by
// the lexicon's country and demonym lists, then by the -an/-ese/-i/-ish endings.
Status ReadGmb(const std::string& path, const NerLexicon& lexicon, std::vector<LabeledSentence>* out);

// Rewrites I-X that does not continue an X span as B-X (IOB1 -> IOB2).
void NormalizeIob2(std::vector<NerLabel>* labels);

// Exact-span precision/recall/F1 per entity type, as conlleval computes them.
class SpanScorer {
 public:
  enum Type { kPer, kOrg, kLoc, kMisc, kNumTypes };
  void Add(const std::vector<NerLabel>& gold, const std::vector<NerLabel>& predicted);

  struct Prf {
    long tp = 0, fp = 0, fn = 0;
    double precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
    double recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
    double f1() const { const double p = precision(), r = recall(); return p + r > 0 ? 2 * p * r / (p + r) : 0; }
  };
  const Prf& type(Type t) const { return by_type_[t]; }
  Prf overall() const;        // all four types
  Prf per_org_loc() const;    // PER+ORG+LOC, what the search index uses
  std::string Report() const;  // a small table, one line per type

 private:
  std::array<Prf, kNumTypes> by_type_{};
};

}  // namespace dossier
