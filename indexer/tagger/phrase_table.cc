#include "indexer/tagger/phrase_table.h"

#include <algorithm>

namespace dossier {

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

int& PhraseTable::Upsert(std::string_view joined, int initial) {
  if (2 * (used_ + 1) > slots_.size()) Grow();
  const uint64_t h = Normalize(fnv1a64(joined));
  size_t i = SlotOf(h);
  for (; slots_[i].hash != 0; i = (i + 1) & (slots_.size() - 1)) {
    if (slots_[i].hash == h && phrases_[slots_[i].phrase] == joined) return slots_[i].value;
  }
  slots_[i] = Slot{h, initial, static_cast<uint32_t>(phrases_.size())};
  phrases_.emplace_back(joined);
  ++used_;
  return slots_[i].value;
}

}  // namespace dossier
