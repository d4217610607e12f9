#include "indexer/metadata_batch.h"

#include <algorithm>
#include <iterator>

namespace dossier {

void MetadataBatch::add(std::vector<MetadataEntry>&& entries) {
  entries_.insert(entries_.end(), std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()));
}

void MetadataBatch::flush(Xapian::WritableDatabase& db) {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const MetadataEntry& a, const MetadataEntry& b) { return a.key < b.key; });
  const std::string* last = nullptr;
  for (const auto& m : entries_) {
    if (last && *last == m.key) continue;
    db.set_metadata(m.key, m.value);
    last = &m.key;
  }
  entries_.clear();
}

}  // namespace dossier
