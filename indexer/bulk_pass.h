// The parallel bulk path for files new to the database: the calling thread reads
// files and cuts them into chunks of articles; worker threads tag and build each
// chunk and write it into their own shard (shard_set.h). Merging the shards is
// the caller's next step (shard_merge.h).
#pragma once

#include <string>
#include <vector>

#include "indexer/entity_id_registry.h"
#include "indexer/indexer.h"

namespace dossier {

struct BulkFile {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

struct BulkResult {
  std::vector<std::string> shards;  // complete shards written by this pass
  size_t articles = 0;
};

// Where a bulk pass writes: the shards folder, and the database the shards
// will join (its schema version and, for schema 5, its dense entity ids).
struct BulkTarget {
  std::string shards_dir;
  std::string schema;
  EntityIdRegistry* entity_ids = nullptr;
};

Status run_bulk_pass(const std::vector<BulkFile>& files, const IndexOptions& options, const BulkTarget& target,
                     IndexSummary* summary, const ProgressFn& progress, BulkResult* result);

}  // namespace dossier
