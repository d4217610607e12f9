// Indexer: the indexing pipeline for one folder. Walks DIR, then for each file
// reader -> tagger -> document builder in worker threads, and the writer (one
// thread, in file order) puts the documents into the database in batches.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/file_reader.h"
#include "indexer/tagger/entity_tagger.h"

namespace dossier {

struct IndexOptions {
  std::string db_path = "dossier-db";
  FileReadOptions read;
  const EntityTagger* tagger = nullptr;  // null: index without entities
  size_t batch_size = 2000;              // documents per commit
  int threads = 0;                       // worker threads; 0 = hardware concurrency
  bool spelling = true;
  bool delete_missing = true;            // remove articles of files gone from DIR
  // New files totalling at least this many bytes go through the parallel bulk
  // path (shards merged by compaction); fewer are written directly. 0 = always
  // bulk, SIZE_MAX = never.
  size_t bulk_min_bytes = 4u << 20;
  size_t shard_docs = 250;  // articles per shard in the bulk path (see cli/cmd_index.cc)
};

struct SkippedFile {
  std::string path;
  std::string reason;
};

struct IndexSummary {
  size_t files_seen = 0;
  size_t files_read = 0;
  size_t files_unchanged = 0;   // same size and mtime (or same content) as last run
  size_t files_removed = 0;     // gone from DIR; their articles removed
  size_t articles_added = 0;
  size_t articles_updated = 0;
  size_t articles_removed = 0;
  size_t articles_resumed = 0;  // from shards an interrupted run had completed
  bool bulk = false;            // the parallel bulk path was used
  size_t bytes_read = 0;
  std::vector<SkippedFile> skipped;
  std::vector<ReadWarning> warnings;
  bool interrupted = false;
  double seconds = 0;
};

struct IndexProgress {
  size_t files_done = 0, files_total = 0, articles = 0;
  double seconds = 0;
};
using ProgressFn = std::function<void(const IndexProgress&)>;

// Set from a signal handler to stop indexing; the indexer commits what it has.
extern std::atomic<bool> g_stop_requested;

// Lists the article files under dir (recursively, sorted, hidden entries and
// `exclude` skipped, symlinked directories not followed so loops cannot happen).
Status list_article_files(const std::string& dir, const std::string& exclude, std::vector<std::string>* files,
                          std::vector<SkippedFile>* unreadable);

// Indexes the article files under dir into options.db_path incrementally: new
// files are added, changed ones (size/mtime, then content hash) replaced, files
// gone from dir removed (unless !delete_missing), unchanged ones skipped.
Status index_directory(const std::string& dir, const IndexOptions& options, IndexSummary* summary,
                       const ProgressFn& progress = nullptr);

}  // namespace dossier
