// PerceptronSequenceModel: the SequenceModel implementation. Greedy left-to-right
// decoding over hashed features (ner_features.h) scored by a SequenceWeights table;
// I-X labels that would not continue an X span are never chosen. Exposed (rather
// than hidden behind SequenceModel::Load) so the trainer can evaluate weights it
// holds in memory.
#pragma once

#include <memory>
#include <vector>

#include "indexer/tagger/ner_features.h"
#include "indexer/tagger/sequence_model.h"
#include "indexer/tagger/sequence_weights.h"

namespace dossier {

class PerceptronSequenceModel : public SequenceModel {
 public:
  PerceptronSequenceModel(std::shared_ptr<const SequenceWeights> weights,
                          std::shared_ptr<const NerLexicon> lexicon);

  std::vector<NerLabel> predict(const std::vector<NerToken>& sentence) const override;

  const SequenceWeights& weights() const { return *weights_; }

 private:
  std::shared_ptr<const SequenceWeights> weights_;
  std::shared_ptr<const NerLexicon> lexicon_;
  // Weights of the two history features that depend on the previous labels alone
  // (HistoryFeatures keys 0 and 1), looked up once: [prev1] and [prev2][prev1].
  float prev1_rows_[kNumNerLabels][kNumNerLabels] = {};
  float prev2_rows_[kNumNerLabels][kNumNerLabels][kNumNerLabels] = {};
  uint64_t instance_;  // unique per model object: tells apart per-thread word caches
};

}  // namespace dossier
