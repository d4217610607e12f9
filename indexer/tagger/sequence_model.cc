#include "indexer/tagger/sequence_model.h"

#include <limits>

#include "indexer/tagger/sequence_perceptron.h"

namespace dossier {

Status SequenceModel::Load(const std::string& model_path, const std::string& gazetteer_dir,
                           std::unique_ptr<SequenceModel>* out) {
  auto weights = std::make_shared<SequenceWeights>();
  Status s = SequenceWeights::Load(model_path, weights.get());
  if (!s.ok()) return s;
  auto lexicon = std::make_shared<NerLexicon>();
  s = NerLexicon::Load(gazetteer_dir, lexicon.get());
  if (!s.ok()) return s;
  *out = std::make_unique<PerceptronSequenceModel>(std::move(weights), std::move(lexicon));
  return Status::OK();
}

std::vector<NerLabel> PerceptronSequenceModel::predict(const std::vector<NerToken>& sentence) const {
  std::vector<NerLabel> labels(sentence.size(), NerLabel::O);
  if (sentence.empty()) return labels;
  // Per-thread buffers: predict() stays const and thread-safe without
  // reallocating the feature lists for every sentence.
  thread_local SentenceFeatures features;
  ExtractSentenceFeatures(sentence, *lexicon_, &features);
  const std::vector<uint64_t>& keys = features.keys;
  const std::vector<TokenIds>& ids = features.ids;
  for (uint64_t k : keys) weights_->Prefetch(k);
  // History features depend on the labels chosen so far; most tokens follow an O,
  // so fetch that variant of the word/shape history features ahead too.
  for (const TokenIds& t : ids) {
    uint64_t hist[kNumHistoryFeatures];
    HistoryFeatures(NerLabel::O, NerLabel::O, t, hist);
    weights_->Prefetch(hist[2]);
    weights_->Prefetch(hist[3]);
  }
  NerLabel prev1 = NerLabel::O, prev2 = NerLabel::O;
  for (size_t i = 0; i < sentence.size(); ++i) {
    float score[kNumNerLabels] = {};
    for (uint32_t k = features.begin[i]; k < features.begin[i + 1]; ++k) weights_->AddTo(keys[k], score);
    uint64_t hist[kNumHistoryFeatures];
    HistoryFeatures(prev1, prev2, ids[i], hist);
    for (uint64_t k : hist) weights_->AddTo(k, score);
    int best = 0;
    float best_score = -std::numeric_limits<float>::infinity();
    for (int l = 0; l < kNumNerLabels; ++l) {
      if (!ValidTransition(prev1, static_cast<NerLabel>(l))) continue;
      if (score[l] > best_score) { best_score = score[l]; best = l; }
    }
    labels[i] = static_cast<NerLabel>(best);
    prev2 = prev1;
    prev1 = labels[i];
  }
  return labels;
}

}  // namespace dossier
