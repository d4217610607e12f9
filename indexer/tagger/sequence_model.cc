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
  thread_local std::vector<std::vector<uint64_t>> keys;
  thread_local std::vector<TokenIds> ids;
  ExtractStaticFeatures(sentence, *lexicon_, &keys);
  ExtractTokenIds(sentence, &ids);
  for (const auto& token_keys : keys) {
    for (uint64_t k : token_keys) weights_->Prefetch(k);
  }
  NerLabel prev1 = NerLabel::O, prev2 = NerLabel::O;
  for (size_t i = 0; i < sentence.size(); ++i) {
    float score[kNumNerLabels] = {};
    auto add = [&](uint64_t key) {
      if (const float* row = weights_->Find(key)) {
        for (int l = 0; l < kNumNerLabels; ++l) score[l] += row[l];
      }
    };
    for (uint64_t k : keys[i]) add(k);
    uint64_t hist[kNumHistoryFeatures];
    HistoryFeatures(prev1, prev2, ids[i], hist);
    for (uint64_t k : hist) add(k);
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
