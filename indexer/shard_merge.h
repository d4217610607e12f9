// Merging shards into the database: Xapian's compactor combines the current
// generation and the complete shards into a new generation; then duplicates of
// one article id keep only the newest copy, files whose every unit arrived get
// their file records, and the new generation is published atomically.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/db_layout.h"

namespace dossier {

struct MergeResult {
  size_t documents = 0;    // in the published generation
  size_t duplicates = 0;   // older copies of re-indexed articles dropped
  size_t files_recorded = 0;
};

// Compacts consecutive groups of *inputs (databases) into parts under scratch
// until at most max_fan_in remain, keeping their order; *inputs becomes the
// parts. Parts of intermediate levels are removed once merged; the original
// inputs never are.
Status reduce_fan_in(std::vector<std::string>* inputs, const std::string& scratch, size_t max_fan_in);

// `shards` may be empty (then this is a plain compaction of the database).
Status merge_into_new_generation(const DatabaseLayout& layout, const std::vector<std::string>& shards,
                                 MergeResult* result);

}  // namespace dossier
