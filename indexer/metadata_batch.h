// MetadataBatch: collects the entity dictionary's metadata entries of many
// documents and writes them at commit, once each and in key order. Xapian
// writes set_metadata() straight into the B-tree (it is not buffered like
// postings), so tens of entries per article in random key order made the
// dictionary cost as much as a third of all tagging overhead; sorted writes
// append to the same few blocks instead.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "common/index_terms.h"

namespace dossier {

class MetadataBatch {
 public:
  void add(std::vector<MetadataEntry>&& entries);
  // Writes the collected entries to db (not committing) and clears the batch.
  // Display names for one entity id ("ei:" entries) are folded into the
  // database's entry (merge_entity_id_entry): the best-reading name of each
  // entity, and every entity of a shared id.
  // `fresh`: db was created for this batch alone (a shard), so there is
  // nothing stored to compare with.
  void flush(Xapian::WritableDatabase& db, bool fresh = false);
  // Forgets the collected entries (the database they were for is dropped).
  void clear() { entries_.clear(); }

 private:
  // Appended as they come and sorted at flush: cheaper than a map's node per
  // entry. For another key given twice, the first value wins.
  std::vector<MetadataEntry> entries_;
};

}  // namespace dossier
