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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "common/status.h"
#include "indexer/tagger/sequence_model.h"

namespace dossier {

class SequenceWeights {
 public:
  static constexpr uint32_t kFormatVersion = 1;

  SequenceWeights();
  ~SequenceWeights();
  SequenceWeights(SequenceWeights&&) noexcept;
  SequenceWeights& operator=(SequenceWeights&&) noexcept;

  // Adds (or overwrites) the row of one feature; row has kNumNerLabels weights.
  // Used while training; a table read by Load() is frozen and must not be Set().
  void Set(uint64_t key, const float* row);

  // Adds the feature's weights to score[0..kNumNerLabels); false (and score
  // unchanged) when the model has none for it. The tagger's hot path.
  bool AddTo(uint64_t key, float* score) const {
    if (key == 0) key = 1;
    if (frozen_) {
      for (uint64_t i = key & frozen_mask_;; i = (i + 1) & frozen_mask_) {
        const FrozenSlot& slot = frozen_[i];
        if (slot.key == key) {
          AddQuantized(slot.q, score);
          return true;
        }
        if (slot.key == 0) return false;
      }
    }
    if (slots_.empty()) return false;
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.key == key) {
        for (int l = 0; l < kNumNerLabels; ++l) score[l] += slot.row[l];
        return true;
      }
      if (slot.key == 0) return false;
    }
  }

  // AddTo(keys[i], score) for i = 0 .. n-1, in that order (so the float sums are
  // the same), with the running scores kept in registers.
  void AddAll(const uint64_t* keys, size_t n, float* score) const {
#if defined(__SSE2__)
    if (frozen_) {
      __m128 lo = _mm_loadu_ps(score), hi = _mm_loadu_ps(score + 4);
      float last = score[8];
      const __m128 step = _mm_set1_ps(step_);
      for (size_t k = 0; k < n; ++k) {
        const uint64_t key = keys[k] == 0 ? 1 : keys[k];
        for (uint64_t i = key & frozen_mask_;; i = (i + 1) & frozen_mask_) {
          const FrozenSlot& slot = frozen_[i];
          if (slot.key == key) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(slot.q));
            const __m128i sign = _mm_srai_epi16(v, 15);
            lo = _mm_add_ps(lo, _mm_mul_ps(_mm_cvtepi32_ps(_mm_unpacklo_epi16(v, sign)), step));
            hi = _mm_add_ps(hi, _mm_mul_ps(_mm_cvtepi32_ps(_mm_unpackhi_epi16(v, sign)), step));
            last += static_cast<float>(slot.q[8]) * step_;
            break;
          }
          if (slot.key == 0) break;
        }
      }
      _mm_storeu_ps(score, lo);
      _mm_storeu_ps(score + 4, hi);
      score[8] = last;
      return;
    }
#endif
    for (size_t k = 0; k < n; ++k) AddTo(keys[k], score);
  }

  // The feature's weights, or nullptr when the model has none for it. For a
  // loaded table the row is decoded into a per-thread buffer that the next
  // Find() on the same thread overwrites.
  const float* Find(uint64_t key) const;

  // Starts fetching the memory AddTo(key) will read: the decoder prefetches a whole
  // sentence's features first, so the cache misses overlap instead of queueing.
  void Prefetch(uint64_t key) const {
    if (key == 0) key = 1;
    if (frozen_) __builtin_prefetch(&frozen_[key & frozen_mask_]);
    else if (!slots_.empty()) __builtin_prefetch(&slots_[key & mask_]);
  }
  size_t size() const { return count_; }

  // Free text saved with the model: how it was trained.
  const std::string& description() const { return description_; }
  void set_description(std::string d) { description_ = std::move(d); }

  // Writes the table; weights with |w| < min_abs_weight are dropped and features
  // left with no weights are omitted.
  Status Save(const std::string& path, float min_abs_weight) const;
  // NotFound for a missing file, Corruption for a damaged or foreign one. The
  // table read is frozen: quantized weights as stored in the file.
  static Status Load(const std::string& path, SequenceWeights* out);

 private:
  void Grow();
  void FreeFrozen();

  // score[l] += float(q[l]) * step_: the same float products Load() used to
  // store, so scores are bit-identical to summing a float table. SSE2 (part of
  // x86-64) converts and scales eight labels at once.
  void AddQuantized(const int16_t* q, float* score) const {
#if defined(__SSE2__)
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const __m128i sign = _mm_srai_epi16(v, 15);
    const __m128 step = _mm_set1_ps(step_);
    const __m128 lo = _mm_mul_ps(_mm_cvtepi32_ps(_mm_unpacklo_epi16(v, sign)), step);
    const __m128 hi = _mm_mul_ps(_mm_cvtepi32_ps(_mm_unpackhi_epi16(v, sign)), step);
    _mm_storeu_ps(score, _mm_add_ps(_mm_loadu_ps(score), lo));
    _mm_storeu_ps(score + 4, _mm_add_ps(_mm_loadu_ps(score + 4), hi));
    static_assert(kNumNerLabels == 9);
    score[8] += static_cast<float>(q[8]) * step_;
#else
    for (int l = 0; l < kNumNerLabels; ++l) score[l] += static_cast<float>(q[l]) * step_;
#endif
  }

  // Training table: open addressing with linear probing; a feature's weights sit
  // in its slot so a lookup usually costs one cache miss.
  struct Slot {
    uint64_t key = 0;  // 0 = empty (key 0 is stored as 1)
    float row[kNumNerLabels] = {};
  };
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;

  // Loaded table: the file's int16 weights in 32-byte slots (two per cache line,
  // a third of the training table's footprint), on huge pages where the kernel
  // allows, so tagging's random lookups miss the caches and the TLB less.
  struct alignas(32) FrozenSlot {
    uint64_t key;  // 0 = empty
    int16_t q[kNumNerLabels];
  };
  FrozenSlot* frozen_ = nullptr;
  size_t frozen_bytes_ = 0;
  uint64_t frozen_mask_ = 0;
  float step_ = 1.0f;

  size_t count_ = 0;
  std::string description_;
};

}  // namespace dossier
