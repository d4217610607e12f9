#include "indexer/tagger/sequence_trainer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>

namespace dossier {

namespace {
constexpr uint32_t kDropped = std::numeric_limits<uint32_t>::max();
}

uint32_t SequenceTrainer::IdOf(uint64_t key, uint64_t base_key, uint8_t domain) {
  auto [it, inserted] = id_of_key_.try_emplace(key, static_cast<uint32_t>(key_of_id_.size()));
  if (inserted) {
    key_of_id_.push_back(key);
    base_key_of_id_.push_back(domain ? base_key : key);
    domain_of_id_.push_back(domain);
    count_.push_back(0);
    weights_.resize(weights_.size() + kNumNerLabels, 0.0f);
    sums_.resize(sums_.size() + kNumNerLabels, 0.0);
    stamps_.resize(stamps_.size() + kNumNerLabels, 0);
  }
  return it->second;
}

namespace {
uint64_t DomainCopy(uint64_t key, uint8_t domain) {
  uint64_t h = key ^ (0x2545f4914f6cdd1dULL * (domain + 1));
  h ^= h >> 29; h *= 0xbf58476d1ce4e5b9ULL; h ^= h >> 32;
  return h;
}
}  // namespace

void SequenceTrainer::AddCorpus(const std::vector<LabeledSentence>& sentences, uint8_t domain) {
  std::vector<std::vector<uint64_t>> keys;
  std::vector<TokenIds> ids;
  for (const LabeledSentence& s : sentences) {
    ExtractStaticFeatures(s.tokens, *lexicon_, &keys);
    ExtractTokenIds(s.tokens, &ids);
    NerLabel prev1 = NerLabel::O, prev2 = NerLabel::O;
    for (size_t i = 0; i < s.tokens.size(); ++i) {
      for (uint64_t k : keys[i]) {
        const uint32_t id = IdOf(k);
        ++count_[id];
        feats_.push_back(id);
        if (domain) {
          const uint32_t copy = IdOf(DomainCopy(k, domain), k, domain);
          ++count_[copy];
          feats_.push_back(copy);
        }
      }
      feat_begin_.push_back(feats_.size());
      gold_.push_back(s.labels[i]);
      token_ids_.push_back(ids[i]);
      // Register the gold-history features so that they are never pruned as rare.
      uint64_t hist[kNumHistoryFeatures];
      HistoryFeatures(prev1, prev2, ids[i], hist);
      for (uint64_t k : hist) count_[IdOf(k)] = std::numeric_limits<uint32_t>::max() / 2;
      prev2 = prev1;
      prev1 = s.labels[i];
    }
    sentence_begin_.push_back(gold_.size());
  }
}

void SequenceTrainer::PruneRareFeatures(int min_count) {
  if (min_count <= 1) return;
  std::vector<uint32_t> new_id(key_of_id_.size(), kDropped);
  std::vector<uint64_t> kept_keys, kept_base;
  std::vector<uint8_t> kept_domain;
  std::vector<uint32_t> kept_counts;
  for (size_t id = 0; id < key_of_id_.size(); ++id) {
    if (count_[id] >= static_cast<uint32_t>(min_count)) {
      new_id[id] = static_cast<uint32_t>(kept_keys.size());
      kept_keys.push_back(key_of_id_[id]);
      kept_base.push_back(base_key_of_id_[id]);
      kept_domain.push_back(domain_of_id_[id]);
      kept_counts.push_back(count_[id]);
    }
  }
  // Compact the per-token id lists.
  std::vector<uint32_t> feats;
  std::vector<size_t> begin{0};
  for (size_t t = 0; t + 1 < feat_begin_.size(); ++t) {
    for (size_t k = feat_begin_[t]; k < feat_begin_[t + 1]; ++k) {
      if (new_id[feats_[k]] != kDropped) feats.push_back(new_id[feats_[k]]);
    }
    begin.push_back(feats.size());
  }
  feats_ = std::move(feats);
  feat_begin_ = std::move(begin);
  key_of_id_ = std::move(kept_keys);
  base_key_of_id_ = std::move(kept_base);
  domain_of_id_ = std::move(kept_domain);
  count_ = std::move(kept_counts);
  id_of_key_.clear();
  for (size_t id = 0; id < key_of_id_.size(); ++id) id_of_key_[key_of_id_[id]] = static_cast<uint32_t>(id);
  const size_t n = key_of_id_.size() * kNumNerLabels;
  weights_.assign(n, 0.0f);
  sums_.assign(n, 0.0);
  stamps_.assign(n, 0);
}

void SequenceTrainer::Update(uint32_t id, int label, float delta) {
  const size_t k = static_cast<size_t>(id) * kNumNerLabels + label;
  sums_[k] += static_cast<double>(now_ - stamps_[k]) * weights_[k];
  stamps_[k] = now_;
  weights_[k] += delta;
}

size_t SequenceTrainer::Epoch(std::mt19937* rng) {
  std::vector<size_t> order(sentence_begin_.size() - 1);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), *rng);
  size_t errors = 0;
  std::vector<uint32_t> active;
  for (size_t s : order) {
    NerLabel prev1 = NerLabel::O, prev2 = NerLabel::O;
    for (size_t t = sentence_begin_[s]; t < sentence_begin_[s + 1]; ++t) {
      ++now_;
      active.assign(feats_.begin() + feat_begin_[t], feats_.begin() + feat_begin_[t + 1]);
      uint64_t hist[kNumHistoryFeatures];
      HistoryFeatures(prev1, prev2, token_ids_[t], hist);
      for (uint64_t k : hist) active.push_back(IdOf(k));
      float score[kNumNerLabels] = {};
      for (uint32_t id : active) {
        const float* row = &weights_[static_cast<size_t>(id) * kNumNerLabels];
        for (int l = 0; l < kNumNerLabels; ++l) score[l] += row[l];
      }
      int best = 0;
      float best_score = -std::numeric_limits<float>::infinity();
      for (int l = 0; l < kNumNerLabels; ++l) {
        if (!ValidTransition(prev1, static_cast<NerLabel>(l))) continue;
        if (score[l] > best_score) { best_score = score[l]; best = l; }
      }
      // The gold label as reachable from the predicted history: an I-X the decoder
      // cannot produce here is learned as B-X.
      int gold = static_cast<int>(gold_[t]);
      if (!ValidTransition(prev1, gold_[t])) gold -= 1;
      if (best != gold) {
        ++errors;
        for (uint32_t id : active) {
          Update(id, gold, 1.0f);
          Update(id, best, -1.0f);
        }
      }
      prev2 = prev1;
      prev1 = static_cast<NerLabel>(best);
    }
  }
  return errors;
}

std::shared_ptr<SequenceWeights> SequenceTrainer::Averaged(float min_abs_weight) const {
  const double total = std::max<uint32_t>(now_, 1);
  std::unordered_map<uint64_t, std::array<float, kNumNerLabels>> folded;
  for (size_t id = 0; id < key_of_id_.size(); ++id) {
    if (domain_of_id_[id] != 0 && domain_of_id_[id] != kTaggingDomain) continue;
    std::array<float, kNumNerLabels> row;
    bool any = false;
    for (int l = 0; l < kNumNerLabels; ++l) {
      const size_t k = id * kNumNerLabels + l;
      const double sum = sums_[k] + static_cast<double>(now_ - stamps_[k]) * weights_[k];
      row[l] = static_cast<float>(sum / total);
      any |= row[l] != 0;
    }
    if (!any) continue;
    auto [it, inserted] = folded.try_emplace(base_key_of_id_[id], row);
    if (!inserted) {
      for (int l = 0; l < kNumNerLabels; ++l) it->second[l] += row[l];
    }
  }
  auto out = std::make_shared<SequenceWeights>();
  for (auto& [key, row] : folded) {
    bool any = false;
    for (float& w : row) {
      if (std::fabs(w) < min_abs_weight) w = 0;
      any |= w != 0;
    }
    if (any) out->Set(key, row.data());
  }
  return out;
}

}  // namespace dossier
