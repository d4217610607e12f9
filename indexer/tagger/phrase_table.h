// PhraseTable: exact lookup of a run of token keys ("secretary of state") without
// joining them into a string first. Gazetteer lookups try every length from the
// longest alias down at many tokens; hashing each key once and probing a flat
// table is several times cheaper than building strings for a std::unordered_map.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/fnv_hash.h"

namespace dossier {

class PhraseTable {
 public:
  static constexpr size_t kMaxTokens = 16;

  // Adds the phrase whose keys joined by single spaces are `joined`, with a value
  // >= 0. A phrase added twice keeps its first value.
  void Insert(std::string_view joined, int value);

  // Hashes of keys[start .. start + k] for k = 0 .. n-1 (n <= kMaxTokens), to
  // pass to Find() for each length.
  static void PrefixHashes(const std::vector<std::string>& keys, size_t start, size_t n, uint64_t* out) {
    uint64_t h = kFnvOffsetBasis;
    for (size_t k = 0; k < n; ++k) {
      if (k) h = fnv1a64(" ", h);
      h = fnv1a64(keys[start + k], h);
      out[k] = h;
    }
  }

  static uint64_t Hash(const std::vector<std::string>& keys, size_t start, size_t len) {
    uint64_t h = kFnvOffsetBasis;
    for (size_t k = 0; k < len; ++k) {
      if (k) h = fnv1a64(" ", h);
      h = fnv1a64(keys[start + k], h);
    }
    return h;
  }

  // The value of keys[start .. start + len), whose hash is `hash` (from
  // PrefixHashes), or -1. A hit is checked against the stored phrase.
  int Find(uint64_t hash, const std::vector<std::string>& keys, size_t start, size_t len) const;

  bool empty() const { return used_ == 0; }

 private:
  struct Slot {
    uint64_t hash = 0;  // 0 = empty
    int value = -1;
    uint32_t phrase = 0;  // index into phrases_
  };
  static uint64_t Normalize(uint64_t h) { return h == 0 ? 1 : h; }
  size_t SlotOf(uint64_t h) const {
    return static_cast<size_t>(((h ^ (h >> 31)) * 0x9e3779b97f4a7c15ULL) >> 20) & (slots_.size() - 1);
  }
  void Grow();

  std::vector<Slot> slots_;  // open addressing, linear probing, at most half full
  std::vector<std::string> phrases_;
  size_t used_ = 0;
};

}  // namespace dossier
