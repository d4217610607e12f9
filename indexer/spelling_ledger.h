// SpellingLedger: the spelling words of one bulk run, shared by its shard
// writers. Xapian builds a word's n-gram fragments each time the word is new to
// a database's spelling table; with the ledger a word is due once the run has
// seen it in min_frequency documents, and only once: the documents after that
// only raise a count, handed out at the end (flush_remainder). The writers
// store what is due as their shards' spelling blobs (spelling_blob.h), which
// the merge applies to the merged database. A crash loses only the later
// counts: every word already due is in a complete shard's blob.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "indexer/spelling_batch.h"
#include "indexer/spelling_blob.h"

namespace dossier {

class SpellingLedger {
 public:
  // Past this many distinct words the ledger stops tracking new ones; those
  // are due per shard, as without a ledger (bounds its memory, ~100 MB).
  static constexpr size_t kMaxWords = 2000000;

  explicit SpellingLedger(unsigned min_frequency) : min_frequency_(min_frequency) {}

  // Adds one shard's document counts per word to the ledger; `due` receives
  // every word that is due now, with its count so far.
  void flush_shard(const SpellingBatch& counts, SpellingCounts* due);

  // The counts gathered for words after they were due (and forgets them); true
  // if any.
  bool flush_remainder(SpellingCounts* out);

  bool has_remainder() const;

 private:
  struct Entry {
    unsigned pending = 0;  // documents not yet handed out as due
    bool written = false;  // the word was due: it is in some shard's blob
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
