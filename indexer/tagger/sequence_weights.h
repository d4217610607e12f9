// SequenceWeights: the NER model's weight table (feature key -> one weight per
// label) and its file format. Lookup is an open-addressing hash probe, so tagging
// cost is a few memory reads per feature.
//
// File (gzip-compressed; see sequence_weights.cc for the byte layout): magic,
// format version, label count, a free-text description, then the features sorted
// by key with delta-encoded keys and int16-quantized non-zero weights.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/tagger/sequence_model.h"

namespace dossier {

class SequenceWeights {
 public:
  static constexpr uint32_t kFormatVersion = 1;

  // Adds (or overwrites) the row of one feature; row has kNumNerLabels weights.
  void Set(uint64_t key, const float* row);
  // The feature's weights, or nullptr when the model has none for it.
  const float* Find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    if (key == 0) key = 1;
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.key == key) return slot.row;
      if (slot.key == 0) return nullptr;
    }
  }
  // Starts fetching the memory Find(key) will read: the decoder prefetches a whole
  // sentence's features first, so the cache misses overlap instead of queueing.
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[(key == 0 ? 1 : key) & mask_]);
  }
  size_t size() const { return count_; }

  // Free text saved with the model: how it was trained.
  const std::string& description() const { return description_; }
  void set_description(std::string d) { description_ = std::move(d); }

  // Writes the table; weights with |w| < min_abs_weight are dropped and features
  // left with no weights are omitted.
  Status Save(const std::string& path, float min_abs_weight) const;
  // NotFound for a missing file, Corruption for a damaged or foreign one.
  static Status Load(const std::string& path, SequenceWeights* out);

 private:
  void Grow();

  // Open addressing with linear probing; a feature's weights sit in its slot so a
  // lookup usually costs one cache miss.
  struct Slot {
    uint64_t key = 0;  // 0 = empty (key 0 is stored as 1)
    float row[kNumNerLabels] = {};
  };
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  size_t count_ = 0;
  std::string description_;
};

}  // namespace dossier
