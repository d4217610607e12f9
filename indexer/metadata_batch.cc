#include "indexer/metadata_batch.h"

#include <algorithm>
#include <iterator>

namespace dossier {

void MetadataBatch::add(std::vector<MetadataEntry>&& entries) {
  entries_.insert(entries_.end(), std::make_move_iterator(entries.begin()), std::make_move_iterator(entries.end()));
}

void MetadataBatch::flush(Xapian::WritableDatabase& db, bool fresh) {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const MetadataEntry& a, const MetadataEntry& b) { return a.key < b.key; });
  for (size_t i = 0; i < entries_.size();) {
    size_t end = i + 1;
    while (end < entries_.size() && entries_[end].key == entries_[i].key) ++end;
    const std::string& key = entries_[i].key;
    if (!is_entity_id_key(key)) {
      db.set_metadata(key, entries_[i].value);
    } else {
      // Several spellings of one entity's name ("FLORIDA", "Florida"): the best.
      const std::string* best = &entries_[i].value;
      for (size_t j = i + 1; j < end; ++j)
        if (is_better_display_name(entries_[j].value, *best)) best = &entries_[j].value;
      const std::string stored = fresh ? std::string() : db.get_metadata(key);
      if (stored.empty() || is_better_display_name(*best, stored)) db.set_metadata(key, *best);
    }
    i = end;
  }
  entries_.clear();
}

}  // namespace dossier
