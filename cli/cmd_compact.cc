// `dossier compact`: rewrites the database as one compacted generation (smaller
// and faster to search), published atomically like a bulk merge.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "common/disk_usage.h"
#include "indexer/db_layout.h"
#include "indexer/index_writer.h"
#include "indexer/shard_merge.h"

namespace dossier {
namespace {

void run_compact(const std::string& db) {
  if (!std::filesystem::exists(db)) fail("no database at " + db + "; create it with `dossier index DIR --db " + db + "`");
  std::unique_ptr<IndexWriter> writer;  // holds the indexer lock while compacting
  Status s = IndexWriter::Open(db, &writer);
  if (!s.ok()) fail(s);
  s = writer->release_database();
  if (!s.ok()) fail(s);
  uint64_t before = directory_size(db);
  MergeResult merged;
  s = merge_into_new_generation(DatabaseLayout(db), {}, &merged);
  if (!s.ok()) fail(s);
  uint64_t after = directory_size(db);
  std::printf("Compacted %s: %zu articles, %.1f MiB -> %.1f MiB\n", db.c_str(), merged.documents, before / 1048576.0,
              after / 1048576.0);
}

}  // namespace

void register_compact_command(CLI::App& app) {
  auto db = std::make_shared<std::string>("dossier-db");
  CLI::App* cmd = app.add_subcommand("compact", "Compact the database (smaller, faster); safe while searches run");
  cmd->add_option("--db", *db, "Database path")->capture_default_str();
  cmd->callback([db] { run_compact(*db); });
}

}  // namespace dossier
