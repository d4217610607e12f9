// DatabaseLayout: how a Dossier database sits on disk. The --db directory holds a
// Xapian stub file (XAPIANDB) naming the current generation directory
// (gen-000001, ...). Rebuilding steps (a parallel bulk load merged by compaction,
// `dossier compact`) write a whole new generation and publish it by atomically
// replacing the stub, so readers and crashes only ever see a complete database.
#pragma once

#include <string>

#include "common/status.h"

namespace dossier {

class DatabaseLayout {
 public:
  explicit DatabaseLayout(std::string db_dir) : dir_(std::move(db_dir)) {}

  // Creates the directory, a first empty generation and the stub when absent.
  // A plain Xapian database (no stub) found at the path is left as is.
  Status ensure_exists() const;

  const std::string& dir() const { return dir_; }
  std::string stub_path() const { return dir_ + "/XAPIANDB"; }
  std::string shards_dir() const { return dir_ + "/shards"; }

  // The current generation's directory (from the stub), or "" without a stub.
  std::string current_generation() const;
  // A fresh, unused generation directory path (not created).
  std::string next_generation() const;
  // Points the stub at `generation_dir` (atomic rename) and removes older
  // generations no longer named by it.
  Status publish(const std::string& generation_dir) const;

 private:
  std::string dir_;
};

}  // namespace dossier
