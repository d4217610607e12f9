// Shards for the parallel bulk path. Each worker writes the articles it builds
// into its own small Xapian database ("shard"); a shard records which chunks of
// which files it holds ("units"), and is marked complete in its last commit.
// Complete shards survive a crash and are merged by the next run, so a killed
// bulk load resumes instead of starting over.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/status.h"
#include "indexer/document_builder.h"
#include "indexer/metadata_batch.h"
#include "indexer/spelling_batch.h"
#include "indexer/spelling_ledger.h"

namespace dossier {

// A run of consecutive records of one file, written together into one shard.
struct ShardUnit {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t hash = 0;
  int first = 0;   // first record index
  int count = 0;   // records in this unit (articles actually built may be fewer)
  int total = 0;   // records in the whole file
};

// Words in fewer documents of a run (or, without a ledger, of a shard) stay out
// of the spelling table: one-off words are mostly names and typos, and
// suggestions should lead to common words.
inline constexpr unsigned kMinSpellingDocuments = 2;

class ShardWriter {
 public:
  // Writes shards named <shards_dir>/<worker>-<n>, each at most max_docs articles,
  // for a database of schema version `schema` (which a shard's completion
  // marker records: the records of another schema must not join it).
  // With a ledger (shared by the run's writers), spelling words go through it
  // into each shard's spelling blob (spelling_blob.h), applied at the merge;
  // without one, into the shard's spelling table.
  ShardWriter(std::string shards_dir, int worker, size_t max_docs, std::string schema,
              SpellingLedger* ledger = nullptr);
  ~ShardWriter();
  Status add(BuiltDocument&& doc);
  Status add_unit(const ShardUnit& unit);  // after all of the unit's documents
  Status close();                          // commits the open shard as complete
  // Writes the ledger's remaining counts as one complete shard holding only
  // their spelling blob (none when there are none). Call once the run's other
  // writers are closed.
  Status write_spelling_remainder(SpellingLedger& ledger);
  const std::vector<std::string>& completed() const { return completed_; }

 private:
  Status open_next();
  Status finish_current();
  std::string shards_dir_;
  int worker_;
  size_t max_docs_;
  std::string schema_;
  int next_index_ = 0;
  std::unique_ptr<Xapian::WritableDatabase> db_;
  std::string current_;
  size_t docs_ = 0;
  MetadataBatch metadata_;  // entity dictionary entries, written at shard end
  SpellingBatch spelling_{kMinSpellingDocuments};
  SpellingLedger* ledger_;
  std::vector<std::string> completed_;
};

// The complete shards in shards_dir written for a database of schema version
// `schema` (incomplete ones, and those of another schema, are deleted: their
// files are read again) and the units they hold, grouped by file path.
Status find_complete_shards(const std::string& shards_dir, const std::string& schema, std::vector<std::string>* shards,
                            std::map<std::string, std::vector<ShardUnit>>* units_by_path);

// True when `units` cover records 0..total-1 of an unchanged file.
bool units_cover_file(const std::vector<ShardUnit>& units, uint64_t size, int64_t mtime_ns);

// Metadata encoding of units (shared with the merge step).
std::string unit_key(const ShardUnit& u);
std::string encode_unit(const ShardUnit& u);
bool decode_unit(const std::string& value, ShardUnit* u);
inline constexpr std::string_view kUnitKeyPrefix = "unit:";

}  // namespace dossier
