// PhraseTable: exact lookup of a run of token keys ("secretary of state") without
// joining them into a string first. Gazetteer and lexicon lookups try many
// lengths at many tokens; hashing each key once and probing a flat table is
// several times cheaper than building strings for a std::unordered_map.
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

  // The value of the phrase whose keys joined by single spaces are `joined`,
  // added with `initial` when new (so callers can combine values).
  int& Upsert(std::string_view joined, int initial);
  // Adds the phrase with a value >= 0; a phrase added twice keeps its first value.
  void Insert(std::string_view joined, int value) { (void)Upsert(joined, value); }

  // Keys are any indexable sequence of strings or string_views (keys[i]).
  // Hash of keys[start .. start + len) joined by spaces: the same as hashing the
  // joined string, extended one key at a time.
  static uint64_t Extend(uint64_t h, std::string_view key, bool first) {
    if (!first) h = fnv1a64(" ", h);
    return fnv1a64(key, h);
  }
  template <typename Keys>
  static uint64_t Hash(const Keys& keys, size_t start, size_t len) {
    uint64_t h = kFnvOffsetBasis;
    for (size_t k = 0; k < len; ++k) h = Extend(h, keys[start + k], k == 0);
    return h;
  }
  // Hashes of keys[start .. start + k] for k = 0 .. n-1 (n <= kMaxTokens), to
  // pass to Find() for each length.
  template <typename Keys>
  static void PrefixHashes(const Keys& keys, size_t start, size_t n, uint64_t* out) {
    uint64_t h = kFnvOffsetBasis;
    for (size_t k = 0; k < n; ++k) out[k] = h = Extend(h, keys[start + k], k == 0);
  }

  // The value of keys[start .. start + len), whose hash is `hash` (Hash,
  // PrefixHashes or Extend), or -1. A hit is checked against the stored phrase.
  template <typename Keys>
  int Find(uint64_t hash, const Keys& keys, size_t start, size_t len) const {
    if (slots_.empty()) return -1;
    const uint64_t h = Normalize(hash);
    for (size_t i = SlotOf(h); slots_[i].hash != 0; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].hash == h && EqualsJoined(phrases_[slots_[i].phrase], keys, start, len)) return slots_[i].value;
    }
    return -1;
  }

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
  // Whether `joined` is keys[start .. start + len) joined by single spaces.
  template <typename Keys>
  static bool EqualsJoined(std::string_view joined, const Keys& keys, size_t start, size_t len) {
    size_t pos = 0;
    for (size_t k = 0; k < len; ++k) {
      if (k) {
        if (pos >= joined.size() || joined[pos] != ' ') return false;
        ++pos;
      }
      const std::string_view key = keys[start + k];
      if (joined.compare(pos, key.size(), key) != 0) return false;
      pos += key.size();
    }
    return pos == joined.size();
  }
  void Grow();

  std::vector<Slot> slots_;  // open addressing, linear probing, at most half full
  std::vector<std::string> phrases_;
  size_t used_ = 0;
};

}  // namespace dossier
