// IndexWriter: the one place that writes a Dossier database. Opens (or creates)
// it, refuses a database that is not Dossier's or is locked by another indexer,
// replaces documents by their unique id term, and commits in batches so that an
// interruption loses at most the current batch.
#pragma once

#include <memory>
#include <string>

#include <xapian.h>

#include "common/status.h"
#include "indexer/document_builder.h"
#include "indexer/metadata_batch.h"
#include "indexer/spelling_batch.h"

namespace dossier {

class IndexWriter {
 public:
  // Opens db_path for writing, creating it if absent.
  static Status Open(const std::string& db_path, std::unique_ptr<IndexWriter>* out);
  ~IndexWriter();

  // Adds or replaces the document. *replaced says whether one with the same id existed.
  Status put(BuiltDocument&& doc, bool* replaced);
  // Removes every document whose unique id term is `id_term`.
  Status remove(const std::string& id_term);
  // Makes everything written so far durable (and visible to searchers).
  Status commit();
  // Commits and closes the database but keeps the indexer lock, so that a new
  // generation can be merged and published while no other indexer can start.
  Status release_database();

  Xapian::WritableDatabase& database() { return db_; }
  // The database's schema version (common/schema.h), after any upgrade.
  const std::string& schema() const { return schema_; }
  size_t pending() const { return pending_; }
  void set_batch_size(size_t n) { batch_size_ = n; }

 private:
  IndexWriter(Xapian::WritableDatabase db, std::string path, int lock_fd, std::string schema)
      : db_(std::move(db)), path_(std::move(path)), schema_(std::move(schema)), lock_fd_(lock_fd) {}
  Xapian::WritableDatabase db_;
  std::string path_;
  std::string schema_;
  int lock_fd_ = -1;  // our own lock file, which records the indexer's pid
  size_t pending_ = 0;
  MetadataBatch metadata_;  // entity dictionary entries, flushed at each commit
  SpellingBatch spelling_;  // flushed at each commit
  size_t batch_size_ = 2000;
};

// Maps a Xapian exception from opening a database to a user-facing Status.
Status status_from_xapian(const Xapian::Error& e, const std::string& db_path);

}  // namespace dossier
