#include "indexer/shard_merge.h"

#include <filesystem>
#include <map>

#include <xapian.h>

#include "common/schema.h"
#include "indexer/file_catalog.h"
#include "indexer/shard_set.h"

namespace fs = std::filesystem;

namespace dossier {
namespace {

// Drops all but the highest-numbered document of each unique id: sources are
// compacted in order (database first, then shards), so the last copy is newest.
size_t remove_duplicate_ids(Xapian::WritableDatabase& db) {
  size_t removed = 0;
  std::string prefix(schema::kId);
  std::vector<std::string> dup_terms;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    if (it.get_termfreq() > 1) dup_terms.push_back(*it);
  for (const auto& term : dup_terms) {
    std::vector<Xapian::docid> ids;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) ids.push_back(*p);
    for (size_t i = 0; i + 1 < ids.size(); ++i) {
      db.delete_document(ids[i]);
      ++removed;
    }
  }
  return removed;
}

// Turns the shards' unit records into file records for files that are complete.
size_t record_complete_files(Xapian::WritableDatabase& db) {
  std::map<std::string, std::vector<ShardUnit>> by_path;
  std::vector<std::string> keys;
  std::string prefix(kUnitKeyPrefix);
  for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
    keys.push_back(*k);
    ShardUnit u;
    if (decode_unit(db.get_metadata(*k), &u)) by_path[u.path].push_back(u);
  }
  size_t recorded = 0;
  for (auto& [path, units] : by_path) {
    if (!units_cover_file(units, units[0].size, units[0].mtime_ns)) continue;
    set_file_record(db, {path, units[0].size, units[0].mtime_ns, units[0].hash});
    ++recorded;
  }
  for (const auto& k : keys) db.set_metadata(k, "");
  return recorded;
}

}  // namespace

Status merge_into_new_generation(const DatabaseLayout& layout, const std::vector<std::string>& shards,
                                 MergeResult* result) {
  std::string current = layout.current_generation();
  if (current.empty())
    return Status::Unsupported("database " + layout.dir() + " has no generation stub; re-create it with `dossier index`");
  std::string next = layout.next_generation();
  try {
    Xapian::Database sources(current);
    for (const auto& s : shards) sources.add_database(Xapian::Database(s));
    sources.compact(next, Xapian::DBCOMPACT_MULTIPASS);
    Xapian::WritableDatabase merged(next, Xapian::DB_OPEN);
    result->duplicates = remove_duplicate_ids(merged);
    result->files_recorded = record_complete_files(merged);
    merged.commit();
    result->documents = merged.get_doccount();
    merged.close();
  } catch (const Xapian::Error& e) {
    std::error_code ec;
    fs::remove_all(next, ec);
    return Status::IOError("merging into " + next + " failed: " + e.get_type() + ": " + e.get_msg() +
                           "; the previous database is unchanged");
  }
  Status s = layout.publish(next);
  if (!s.ok()) return s;
  std::error_code ec;
  for (const auto& shard : shards) fs::remove_all(shard, ec);
  return Status::OK();
}

}  // namespace dossier
