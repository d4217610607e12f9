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
      // Several spellings of one entity's name ("FLORIDA", "Florida"), or
      // now and then two entities sharing an id: fold them into one entry.
      const std::string stored = fresh ? std::string() : db.get_metadata(key);
      std::string merged = stored;
      for (size_t j = i; j < end; ++j) merged = merge_entity_id_entry(merged, entries_[j].value);
      if (merged != stored) db.set_metadata(key, merged);
    }
    i = end;
  }
  entries_.clear();
}

}  // namespace dossier
