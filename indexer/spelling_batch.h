// SpellingBatch: collects the words of many documents and adds them to Xapian's
// spelling table in one go, each with its document frequency. Adding words per
// document made the spelling table a third of all indexing work: every add
// rewrites n-gram fragments at commit, so fewer, weighted adds are much cheaper.
//
// Every distinct word of every article is counted here, so the counts live in
// one flat open-addressing table over a byte arena (as in WordTermCache), not
// in a node-based hash map: that cost 170 ns a word, mostly cache misses.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace dossier {

class SpellingBatch {
 public:
  // min_frequency: words seen in fewer documents of this batch are left out
  // (in a large batch, one-off words are mostly names and typos; suggestions
  // should lead to common words).
  explicit SpellingBatch(unsigned min_frequency = 1);
  // Counts one document's distinct words.
  void add(const std::vector<std::string>& words);
  // Adds the collected words to db and clears the batch.
  void flush(Xapian::WritableDatabase& db);
  bool empty() const { return words_ == 0; }
  size_t size() const { return words_; }
  // Calls fn(word, documents) for each word collected so far (for a
  // SpellingLedger), in no particular order.
  void for_each(const std::function<void(std::string_view, unsigned)>& fn) const;
  // Documents counted for `word` so far (0 when never seen).
  unsigned count(std::string_view word) const;
  void clear();

 private:
  struct Slot {
    uint32_t hash = 0;    // upper bits of the word's hash
    uint32_t offset = 0;  // of the word in arena_
    uint32_t len = 0;     // 0: empty slot
    uint32_t count = 0;
  };
  // The slot holding `word` (whose hash is h), or the empty slot where it
  // belongs. The table must not be empty.
  size_t slot_of(std::string_view word, uint64_t h) const;
  void grow();

  unsigned min_frequency_;
  std::vector<Slot> slots_;
  std::string arena_;
  size_t words_ = 0;
};

}  // namespace dossier
