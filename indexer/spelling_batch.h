// SpellingBatch: collects the words of many documents and adds them to Xapian's
// spelling table in one go, each with its document frequency. Adding words per
// document made the spelling table a third of all indexing work: every add
// rewrites n-gram fragments at commit, so fewer, weighted adds are much cheaper.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace dossier {

class SpellingBatch {
 public:
  // min_frequency: words seen in fewer documents of this batch are left out
  // (in a large batch, one-off words are mostly names and typos; suggestions
  // should lead to common words).
  explicit SpellingBatch(unsigned min_frequency = 1) : min_frequency_(min_frequency) {}
  void add(const std::vector<std::string>& words);
  // Adds the collected words to db and clears the batch.
  void flush(Xapian::WritableDatabase& db);
  bool empty() const { return counts_.empty(); }
  // Documents per word collected so far (for a SpellingLedger), and starting over.
  const std::unordered_map<std::string, unsigned>& counts() const { return counts_; }
  void clear() { counts_.clear(); }

 private:
  unsigned min_frequency_;
  std::unordered_map<std::string, unsigned> counts_;
};

}  // namespace dossier
