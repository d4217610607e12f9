// KeyFilter: a small Bloom filter over token keys. The tagger asks several hash
// maps about every token ("does a gazetteer entry start with this word?") and
// almost always hears no; a filter answers most of those no's from one cache line,
// without hashing into the map. False positives only cost the map lookup.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/fnv_hash.h"

namespace dossier {

class KeyFilter {
 public:
  // Sizes the filter for about `expected` keys (about 1% false positives) and
  // empties it.
  void Reset(size_t expected) {
    size_t bits = 1024;
    while (bits < expected * 16) bits *= 2;
    words_.assign(bits / 64, 0);
    mask_ = bits - 1;
  }
  void Add(std::string_view key) {
    if (words_.empty()) Reset(size_t{1} << 14);
    const uint64_t h = Hash(key);
    Set(h & mask_);
    Set((h >> 32) & mask_);
  }
  // False: certainly not added. True: maybe (ask the map). An empty filter
  // answers true, so code that never filled one keeps its old behaviour.
  bool MayContain(std::string_view key) const {
    if (words_.empty()) return true;
    const uint64_t h = Hash(key);
    return Test(h & mask_) && Test((h >> 32) & mask_);
  }

 private:
  static uint64_t Hash(std::string_view s) {
    uint64_t h = fnv1a64(s);
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 32);
  }
  void Set(uint64_t bit) { words_[bit >> 6] |= uint64_t{1} << (bit & 63); }
  bool Test(uint64_t bit) const { return (words_[bit >> 6] >> (bit & 63)) & 1; }

  std::vector<uint64_t> words_;
  uint64_t mask_ = 0;
};

}  // namespace dossier
