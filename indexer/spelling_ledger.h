// SpellingLedger: the spelling words of one bulk run, shared by its shard
// writers. Xapian builds a word's n-gram fragments each time the word is new to
// a database's spelling table, and every shard is a new database: the same
// common words were fragmented again in each of the run's shards (and merged
// again at compaction), 14% of the indexing time of 5,000 articles. With the
// ledger a word goes into the first shard written after the run has seen it in
// min_frequency documents; the documents after that only raise a count, which
// one last, spelling-only shard adds (a frequency change, no new fragments).
// A crash loses only those later counts: every word already due is in a shard.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "indexer/spelling_batch.h"

namespace dossier {

class SpellingLedger {
 public:
  // Past this many distinct words the ledger stops tracking new ones; those
  // are written per shard, as without a ledger (bounds its memory, ~100 MB).
  static constexpr size_t kMaxWords = 2000000;

  explicit SpellingLedger(unsigned min_frequency) : min_frequency_(min_frequency) {}

  // Adds one shard's document counts per word to the ledger and writes to `db`
  // every word that is now due.
  void flush_shard(const SpellingBatch& counts, Xapian::WritableDatabase& db);

  // Writes the counts gathered for words after they were written; true if any.
  bool flush_remainder(Xapian::WritableDatabase& db);

  bool has_remainder() const;

 private:
  struct Entry {
    unsigned pending = 0;  // documents not yet written to any shard
    bool written = false;  // the word is in some shard's spelling table
  };
  const unsigned min_frequency_;
  mutable std::mutex mu_;
  // Looked up by the batch's string_views, without a std::string per lookup.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
  };
  std::unordered_map<std::string, Entry, WordHash, std::equal_to<>> words_;
  size_t written_with_pending_ = 0;  // entries that flush_remainder will write
};

}  // namespace dossier
