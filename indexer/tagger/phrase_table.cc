#include "indexer/tagger/phrase_table.h"

namespace dossier {

namespace {

// Whether `joined` is keys[start .. start + len) joined by single spaces.
bool EqualsJoined(std::string_view joined, const std::vector<std::string>& keys, size_t start, size_t len) {
  size_t pos = 0;
  for (size_t k = 0; k < len; ++k) {
    if (k) {
      if (pos >= joined.size() || joined[pos] != ' ') return false;
      ++pos;
    }
    const std::string& key = keys[start + k];
    if (joined.compare(pos, key.size(), key) != 0) return false;
    pos += key.size();
  }
  return pos == joined.size();
}

}  // namespace

void PhraseTable::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<size_t>(256, 2 * old.size()), Slot{});
  for (const Slot& s : old) {
    if (s.hash == 0) continue;
    size_t i = SlotOf(s.hash);
    while (slots_[i].hash != 0) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = s;
  }
}

void PhraseTable::Insert(std::string_view joined, int value) {
  if (2 * (used_ + 1) > slots_.size()) Grow();
  const uint64_t h = Normalize(fnv1a64(joined));
  size_t i = SlotOf(h);
  for (; slots_[i].hash != 0; i = (i + 1) & (slots_.size() - 1)) {
    if (slots_[i].hash == h && phrases_[slots_[i].phrase] == joined) return;
  }
  slots_[i] = Slot{h, value, static_cast<uint32_t>(phrases_.size())};
  phrases_.emplace_back(joined);
  ++used_;
}

int PhraseTable::Find(uint64_t hash, const std::vector<std::string>& keys, size_t start, size_t len) const {
  if (slots_.empty()) return -1;
  const uint64_t h = Normalize(hash);
  for (size_t i = SlotOf(h); slots_[i].hash != 0; i = (i + 1) & (slots_.size() - 1)) {
    if (slots_[i].hash == h && EqualsJoined(phrases_[slots_[i].phrase], keys, start, len)) return slots_[i].value;
  }
  return -1;
}

}  // namespace dossier
