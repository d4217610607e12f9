#include "indexer/spelling_batch.h"

namespace dossier {

void SpellingBatch::add(const std::vector<std::string>& words) {
  for (const auto& w : words) ++counts_[w];
}

void SpellingBatch::flush(Xapian::WritableDatabase& db) {
  for (const auto& [word, count] : counts_)
    if (count >= min_frequency_) db.add_spelling(word, count);
  counts_.clear();
}

}  // namespace dossier
