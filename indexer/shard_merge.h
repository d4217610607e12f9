// Merging shards into the database: Xapian's compactor combines the current
// generation and the complete shards into a new generation; then the shards'
// spelling counts are applied (spelling_blob.h), duplicates of one article id
// keep only the newest copy, files whose every unit arrived get their file
// records, and the new generation is published atomically.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/db_layout.h"

namespace dossier {

// The B-tree block size of every generation a merge publishes (Xapian's default
// is 8 KB; 65,536 is its maximum). Counting a facet reads the value stream of
// every matching article, which at 8 KB spans thousands of blocks, and Glass
// reads a value chunk split over two blocks twice. At 370,000 articles, 64 KB
// blocks made faceted queries' p99 49 -> 30 ms and changed no other class of
// the search benchmark by more than its noise (bench/README.md).
inline constexpr unsigned kPublishedBlockSize = 65536;

struct MergeResult {
  size_t documents = 0;    // in the published generation
  size_t duplicates = 0;   // older copies of re-indexed articles dropped
  size_t files_recorded = 0;
};

// How many sources one compaction may open while another runs beside it.
// Raises the process's soft limit on open files to its hard limit first (at
// most 65,536): Debian's soft limit is 1,024 and its hard limit far higher.
size_t merge_fan_in();

// Compacts consecutive groups of *inputs (databases) into parts under scratch
// until at most max_fan_in remain, keeping their order; *inputs becomes the
// parts. Parts of intermediate levels are removed once merged; the original
// inputs never are.
Status reduce_fan_in(std::vector<std::string>* inputs, const std::string& scratch, size_t max_fan_in);

// `shards` may be empty (then this is a plain compaction of the database).
Status merge_into_new_generation(const DatabaseLayout& layout, const std::vector<std::string>& shards,
                                 MergeResult* result);

}  // namespace dossier
