#include "indexer/spelling_batch.h"

#include <algorithm>
#include <cstring>

namespace dossier {
namespace {

constexpr size_t kInitialSlots = size_t{1} << 12;

uint64_t hash_word(std::string_view w) { return std::hash<std::string_view>{}(w); }

}  // namespace

SpellingBatch::SpellingBatch(unsigned min_frequency) : min_frequency_(min_frequency) {}

size_t SpellingBatch::slot_of(std::string_view word, uint64_t h) const {
  const uint32_t fingerprint = static_cast<uint32_t>(h >> 32);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.len == 0) return i;
    if (s.hash == fingerprint && s.len == word.size() && std::memcmp(arena_.data() + s.offset, word.data(), word.size()) == 0)
      return i;
  }
}

void SpellingBatch::add(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (w.empty() || w.size() > UINT32_MAX || arena_.size() + w.size() > UINT32_MAX) continue;
    if ((words_ + 1) * 2 > slots_.size()) grow();
    const uint64_t h = hash_word(w);
    Slot& s = slots_[slot_of(w, h)];
    if (s.len == 0) {
      s.hash = static_cast<uint32_t>(h >> 32);
      s.offset = static_cast<uint32_t>(arena_.size());
      s.len = static_cast<uint32_t>(w.size());
      arena_.append(w);
      ++words_;
    }
    ++s.count;
  }
}

void SpellingBatch::grow() {
  std::vector<Slot> old(std::max(kInitialSlots, slots_.size() * 2));
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.len == 0) continue;
    size_t i = hash_word(std::string_view(arena_.data() + s.offset, s.len)) & mask;
    while (slots_[i].len != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void SpellingBatch::for_each(const std::function<void(std::string_view, unsigned)>& fn) const {
  for (const Slot& s : slots_)
    if (s.len != 0) fn(std::string_view(arena_.data() + s.offset, s.len), s.count);
}

unsigned SpellingBatch::count(std::string_view word) const {
  return slots_.empty() ? 0 : slots_[slot_of(word, hash_word(word))].count;
}

void SpellingBatch::flush(Xapian::WritableDatabase& db) {
  std::string word;
  for_each([&](std::string_view w, unsigned count) {
    if (count < min_frequency_) return;
    word.assign(w);
    db.add_spelling(word, count);
  });
  clear();
}

void SpellingBatch::clear() {
  // Keeps the table's size: the next shard holds about as many words.
  std::fill(slots_.begin(), slots_.end(), Slot{});
  arena_.clear();
  words_ = 0;
}

}  // namespace dossier
