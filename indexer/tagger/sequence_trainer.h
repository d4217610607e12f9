// SequenceTrainer: averaged-perceptron training for the NER SequenceModel. Static
// features of every training token are extracted once into dense ids; each epoch
// then decodes greedily (with the model's own predicted history, as at tagging
// time) and updates on mistakes. Averaging uses the usual lazy timestamps.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <unordered_map>
#include <vector>

#include "indexer/tagger/ner_features.h"
#include "indexer/tagger/sequence_corpus.h"
#include "indexer/tagger/sequence_weights.h"

namespace dossier {

class SequenceTrainer {
 public:
  explicit SequenceTrainer(const NerLexicon* lexicon) : lexicon_(lexicon) {}

  // Extracts and keeps the features of the sentences. With domain > 0 every static
  // feature also gets a copy private to that domain ("frustratingly easy domain
  // adaptation", Daume 2007), so corpora with different annotation conventions
  // share what they agree on. Tagging uses the shared weights plus those of
  // kTaggingDomain, folded together by Averaged().
  static constexpr uint8_t kTaggingDomain = 1;
  void AddCorpus(const std::vector<LabeledSentence>& sentences, uint8_t domain);
  // Drops static features seen fewer than min_count times; call once after the
  // corpora are added and before the first Epoch.
  void PruneRareFeatures(int min_count);

  // One pass over all sentences in a shuffled order; returns the token error count.
  size_t Epoch(std::mt19937* rng);

  // The averaged weights so far (shared + kTaggingDomain copies summed per feature,
  // other domains dropped), omitting weights with |w| < min_abs_weight.
  std::shared_ptr<SequenceWeights> Averaged(float min_abs_weight) const;

  size_t num_features() const { return key_of_id_.size(); }
  size_t num_tokens() const { return gold_.size(); }

 private:
  uint32_t IdOf(uint64_t key, uint64_t base_key = 0, uint8_t domain = 0);  // creates the feature when new
  void Update(uint32_t id, int label, float delta);

  const NerLexicon* lexicon_;
  std::unordered_map<uint64_t, uint32_t> id_of_key_;
  std::vector<uint64_t> key_of_id_;
  std::vector<uint64_t> base_key_of_id_;  // the shared feature a domain copy belongs to
  std::vector<uint8_t> domain_of_id_;     // 0: shared
  std::vector<uint32_t> count_;       // gold-corpus occurrences per feature
  // Per token (all sentences concatenated): static feature ids in
  // feats_[feat_begin_[t] .. feat_begin_[t + 1]), gold label, history inputs.
  std::vector<uint32_t> feats_;
  std::vector<size_t> feat_begin_{0};
  std::vector<NerLabel> gold_;
  std::vector<TokenIds> token_ids_;
  std::vector<size_t> sentence_begin_{0};  // token index of each sentence start
  // Weights, running sums for averaging and last-update times, (id, label)-indexed.
  std::vector<float> weights_;
  std::vector<double> sums_;
  std::vector<uint32_t> stamps_;
  uint32_t now_ = 0;
};

}  // namespace dossier
