#include "indexer/tagger/sequence_model.h"

#include <atomic>
#include <cstring>
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

namespace {

std::atomic<uint64_t> next_instance{1};

// Per-thread, direct-mapped cache of the summed weights of a word's text-only
// features (the first SentenceFeatures::intrinsic keys): news repeats the same
// words, and these are half of a token's lookups. The sum is the same prefix of
// the same ordered float sum, so scores stay bit-identical.
class WordRowCache {
 public:
  static constexpr size_t kSlots = 16384;
  static constexpr size_t kMaxText = 22;

  // The cached sum for `text` (whose exact-text key is `key`) under the model
  // `instance`, or nullptr.
  const float* Find(uint64_t instance, uint64_t key, std::string_view text) {
    if (entries_.empty()) entries_.resize(kSlots);
    const Entry& e = entries_[key & (kSlots - 1)];
    if (e.key != key || e.instance != instance || e.len != text.size() ||
        std::memcmp(e.text, text.data(), text.size()) != 0) {
      return nullptr;
    }
    return e.row;
  }
  void Put(uint64_t instance, uint64_t key, std::string_view text, const float* row) {
    if (text.size() > kMaxText) return;
    Entry& e = entries_[key & (kSlots - 1)];
    e.key = key;
    e.instance = instance;
    e.len = static_cast<uint8_t>(text.size());
    std::memcpy(e.text, text.data(), text.size());
    std::memcpy(e.row, row, sizeof e.row);
  }

 private:
  struct Entry {
    uint64_t key = 0;
    uint64_t instance = 0;  // no model has instance 0: empty
    uint8_t len = 0;
    char text[kMaxText + 1];
    float row[kNumNerLabels];
  };
  std::vector<Entry> entries_;
};

}  // namespace

PerceptronSequenceModel::PerceptronSequenceModel(std::shared_ptr<const SequenceWeights> weights,
                                                 std::shared_ptr<const NerLexicon> lexicon)
    : weights_(std::move(weights)), lexicon_(std::move(lexicon)), instance_(next_instance++) {
  for (int p2 = 0; p2 < kNumNerLabels; ++p2) {
    for (int p1 = 0; p1 < kNumNerLabels; ++p1) {
      uint64_t hist[kNumHistoryFeatures];
      HistoryFeatures(static_cast<NerLabel>(p1), static_cast<NerLabel>(p2), TokenIds{}, hist);
      if (const float* row = weights_->Find(hist[0])) std::memcpy(prev1_rows_[p1], row, sizeof prev1_rows_[p1]);
      if (const float* row = weights_->Find(hist[1])) std::memcpy(prev2_rows_[p2][p1], row, sizeof prev2_rows_[p2][p1]);
    }
  }
}

std::vector<NerLabel> PerceptronSequenceModel::predict(const std::vector<NerToken>& sentence) const {
  std::vector<NerLabel> labels(sentence.size(), NerLabel::O);
  if (sentence.empty()) return labels;
  // Per-thread buffers: predict() stays const and thread-safe without
  // reallocating the feature lists for every sentence.
  thread_local SentenceFeatures features;
  thread_local WordRowCache cache;
  thread_local std::vector<float> word_rows;
  thread_local std::vector<uint8_t> cached;
  thread_local std::vector<uint64_t> exact;
  thread_local std::vector<uint8_t> wanted;
  const size_t n = sentence.size();
  // Tokens far from any capitalised word are labelled O without scoring.
  if (MarkTokensNearNames(sentence, &wanted) == 0) return labels;
  // Text-only features: from the word cache, else summed below and remembered.
  word_rows.resize(n * kNumNerLabels);
  cached.assign(n, 0);
  exact.resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (!wanted[i]) {
      cached[i] = 1;  // nothing to sum
      continue;
    }
    exact[i] = ExactTextKey(sentence[i].text);
    if (const float* row = cache.Find(instance_, exact[i], sentence[i].text)) {
      std::memcpy(&word_rows[i * kNumNerLabels], row, sizeof(float) * kNumNerLabels);
      cached[i] = 1;
    }
  }
  ExtractSentenceFeatures(sentence, *lexicon_, &features, cached.data(), wanted.data());
  const std::vector<uint64_t>& keys = features.keys;
  const std::vector<TokenIds>& ids = features.ids;
  for (uint64_t k : keys) weights_->Prefetch(k);
  for (size_t i = 0; i < n; ++i) {
    if (cached[i]) continue;
    float* row = &word_rows[i * kNumNerLabels];
    std::fill(row, row + kNumNerLabels, 0.0f);
    weights_->AddAll(keys.data() + features.begin[i], features.intrinsic[i], row);
    cache.Put(instance_, exact[i], sentence[i].text, row);
  }
  // History features depend on the labels chosen so far; most tokens follow an O,
  // so fetch that variant of the word/shape history features ahead too.
  for (size_t i = 0; i < n; ++i) {
    if (!wanted[i]) continue;
    uint64_t hist[kNumHistoryFeatures];
    HistoryFeatures(NerLabel::O, NerLabel::O, ids[i], hist);
    weights_->Prefetch(hist[2]);
    weights_->Prefetch(hist[3]);
  }
  NerLabel prev1 = NerLabel::O, prev2 = NerLabel::O;
  for (size_t i = 0; i < n; ++i) {
    if (!wanted[i]) {
      prev2 = prev1;
      prev1 = NerLabel::O;
      continue;
    }
    float score[kNumNerLabels];
    std::memcpy(score, &word_rows[i * kNumNerLabels], sizeof score);
    uint64_t hist[kNumHistoryFeatures];
    HistoryFeatures(prev1, prev2, ids[i], hist);
    const uint32_t context = features.begin[i] + features.intrinsic[i];
    weights_->AddAll(keys.data() + context, features.begin[i + 1] - context, score);
    // The label-only history rows, added in the order AddAll(hist) would (same sums).
    for (int l = 0; l < kNumNerLabels; ++l) score[l] += prev1_rows_[static_cast<int>(prev1)][l];
    for (int l = 0; l < kNumNerLabels; ++l) score[l] += prev2_rows_[static_cast<int>(prev2)][static_cast<int>(prev1)][l];
    weights_->AddAll(hist + 2, kNumHistoryFeatures - 2, score);
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
