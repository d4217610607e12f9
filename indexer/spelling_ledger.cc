#include "indexer/spelling_ledger.h"

#include <utility>
#include <vector>

namespace dossier {

void SpellingLedger::flush_shard(const SpellingBatch& counts, SpellingCounts* due_out) {
  SpellingCounts& due = *due_out;
  due.clear();
  {
    std::lock_guard lock(mu_);
    counts.for_each([&](std::string_view word, unsigned count) {
      auto it = words_.find(word);
      if (it == words_.end()) {
        if (words_.size() >= kMaxWords) {
          if (count >= min_frequency_) due.emplace_back(word, count);  // untracked: as without a ledger
          return;
        }
        it = words_.emplace(std::string(word), Entry{}).first;
      }
      Entry& e = it->second;
      if (e.written) {
        if (e.pending == 0) ++written_with_pending_;
        e.pending += count;
      } else if (e.pending + count >= min_frequency_) {
        due.emplace_back(word, e.pending + count);
        e.pending = 0;
        e.written = true;
      } else {
        e.pending += count;
      }
    });
  }
}

bool SpellingLedger::flush_remainder(SpellingCounts* out) {
  std::lock_guard lock(mu_);
  out->clear();
  for (auto& [word, e] : words_) {
    if (!e.written || e.pending == 0) continue;
    out->emplace_back(word, e.pending);
    e.pending = 0;
  }
  written_with_pending_ = 0;
  return !out->empty();
}

bool SpellingLedger::has_remainder() const {
  std::lock_guard lock(mu_);
  return written_with_pending_ > 0;
}

}  // namespace dossier
