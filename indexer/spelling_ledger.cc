#include "indexer/spelling_ledger.h"

#include <utility>
#include <vector>

namespace dossier {

void SpellingLedger::flush_shard(const SpellingBatch& counts, Xapian::WritableDatabase& db) {
  std::vector<std::pair<std::string, unsigned>> due;
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
  // Outside the lock: the other worker's shard need not wait for this one's writes.
  for (const auto& [word, count] : due) db.add_spelling(word, count);
}

bool SpellingLedger::flush_remainder(Xapian::WritableDatabase& db) {
  std::lock_guard lock(mu_);
  bool any = false;
  for (auto& [word, e] : words_) {
    if (!e.written || e.pending == 0) continue;
    db.add_spelling(word, e.pending);
    e.pending = 0;
    any = true;
  }
  written_with_pending_ = 0;
  return any;
}

bool SpellingLedger::has_remainder() const {
  std::lock_guard lock(mu_);
  return written_with_pending_ > 0;
}

}  // namespace dossier
