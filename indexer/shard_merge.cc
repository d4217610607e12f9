#include "indexer/shard_merge.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <map>
#include <thread>

#include <sys/resource.h>

#include <xapian.h>

#include "common/disk_usage.h"
#include "common/index_terms.h"
#include "common/schema.h"
#include "indexer/file_catalog.h"
#include "indexer/shard_set.h"
#include "indexer/spelling_blob.h"

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

// Metadata keys found in several sources: an entity's display name ("ei:") is
// the one that reads best of all shards' (each shard has the spelling its
// worker met first: "FLORIDA" in a dateline, "Florida" elsewhere), and an id
// two entities share lists both (merge_entity_id_entry); any other
// key keeps its first value, Xapian's default.
class DictionaryCompactor : public Xapian::Compactor {
 public:
  std::string resolve_duplicate_metadata(const std::string& key, size_t num_tags, const std::string tags[]) override {
    // Xapian 1.4's glass backend passes its internal key: "\0\xc0" + the user's key.
    std::string_view user_key = key;
    if (user_key.size() >= 2 && user_key[0] == '\0' && user_key[1] == '\xc0') user_key.remove_prefix(2);
    if (!is_entity_id_key(user_key)) return tags[0];
    std::string merged = tags[0];
    for (size_t i = 1; i < num_tags; ++i)
      for (const auto& name : entity_id_names(tags[i])) merged = merge_entity_id_entry(merged, name);
    return merged;
  }
};

// Compacts `sources`, in order, into a new database at `out`, in one pass:
// Xapian's DBCOMPACT_MULTIPASS (pairwise merges through temporary files) took
// 0.92 s instead of 0.68 s for 20 shards of 250 articles, and 8.8 s instead of
// 5.9 s for 147 shards of the 37,554 AllSides articles, with twice the memory.
// block_size 0 keeps Xapian's default (8 KB), for intermediate parts.
void compact_into(const std::vector<std::string>& sources, const std::string& out, unsigned block_size) {
  Xapian::Database all;
  for (const auto& s : sources) all.add_database(Xapian::Database(s));
  DictionaryCompactor compactor;
  all.compact(out, 0, static_cast<int>(block_size), compactor);
}

// Every open glass database holds up to seven files (six tables and its
// lock), and a large run makes thousands of shards: past merge_fan_in() sources,
// consecutive groups are first compacted into parts under `scratch` (two at a
// time: one per core), which keeps both the order (newest copy last) and the
// open files bounded. One pass over all shards is the cheapest merge: for the
// 147 shards of the 37,554 AllSides articles it took 4.0 s on one core, where
// three parts on two cores and then one merge of the parts took 5.7 s.
constexpr size_t kFilesPerSource = 8;
constexpr size_t kConcurrentMerges = 2;
constexpr size_t kReservedFiles = 64;  // the caller's own files, logs, the output
constexpr size_t kFanInCap = 256;      // each source costs cursors and block buffers too

}  // namespace

size_t merge_fan_in() {
  rlimit lim{};
  if (::getrlimit(RLIMIT_NOFILE, &lim) != 0) return 64;
  if (lim.rlim_cur != RLIM_INFINITY && (lim.rlim_max == RLIM_INFINITY || lim.rlim_cur < lim.rlim_max)) {
    rlimit raised = lim;
    raised.rlim_cur = lim.rlim_max == RLIM_INFINITY ? 65536 : std::min<rlim_t>(lim.rlim_max, 65536);
    if (raised.rlim_cur > lim.rlim_cur && ::setrlimit(RLIMIT_NOFILE, &raised) == 0) lim = raised;
  }
  const rlim_t files = lim.rlim_cur == RLIM_INFINITY ? 65536 : lim.rlim_cur;
  const size_t usable = files > kReservedFiles ? static_cast<size_t>(files) - kReservedFiles : 0;
  return std::clamp<size_t>(usable / (kFilesPerSource * kConcurrentMerges), 2, kFanInCap);
}

Status reduce_fan_in(std::vector<std::string>* inputs, const std::string& scratch, size_t max_fan_in) {
  int level = 0;
  while (inputs->size() > max_fan_in) {
    // Groups of at least two, so every level shrinks (max_fan_in 1: one part).
    const size_t group = std::max<size_t>(max_fan_in, 2);
    size_t groups = (inputs->size() + group - 1) / group;
    // An even number of groups keeps both cores busy to the end of the level.
    if (groups > 1 && groups % 2 == 1 && inputs->size() >= 2 * (groups + 1)) ++groups;
    std::vector<std::string> parts(groups);
    std::vector<std::string> errors(groups);
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t g; (g = next++) < groups;) {
        const size_t b = g * inputs->size() / groups, e = (g + 1) * inputs->size() / groups;
        char name[48];
        std::snprintf(name, sizeof name, "/part-%d-%05zu", level, g);
        parts[g] = scratch + name;
        try {
          compact_into(std::vector<std::string>(inputs->begin() + b, inputs->begin() + e), parts[g], 0);
        } catch (const Xapian::Error& x) {
          errors[g] = std::string(x.get_type()) + ": " + x.get_msg();
        }
      }
    };
    std::thread helper(work);
    work();
    helper.join();
    for (const auto& e : errors)
      if (!e.empty()) return Status::IOError("merging shards into " + scratch + " failed: " + e + low_disk_space_note(scratch));
    inputs->swap(parts);
    if (level > 0) {  // the previous level's parts are merged now (never the shards themselves)
      std::error_code ec;
      for (const auto& p : parts) fs::remove_all(p, ec);
    }
    ++level;
  }
  return Status::OK();
}

Status merge_into_new_generation(const DatabaseLayout& layout, const std::vector<std::string>& shards,
                                 MergeResult* result) {
  std::string current = layout.current_generation();
  if (current.empty())
    return Status::Unsupported("database " + layout.dir() + " has no generation stub; re-create it with `dossier index`");
  std::string next = layout.next_generation();
  const std::string scratch = layout.dir() + "/merging";
  std::error_code ec;
  fs::remove_all(scratch, ec);  // parts of an interrupted merge
  std::vector<std::string> inputs = shards;
  // The current generation is one more source of the final pass.
  const size_t fan_in = merge_fan_in() - 1;
  if (inputs.size() > fan_in) {
    fs::create_directories(scratch, ec);
    if (ec) return Status::IOError("cannot create " + scratch + ": " + ec.message());
    Status s = reduce_fan_in(&inputs, scratch, fan_in);
    if (!s.ok()) {
      fs::remove_all(scratch, ec);
      return Status::IOError(s.message() + "; the previous database is unchanged");
    }
  }
  inputs.insert(inputs.begin(), current);
  try {
    compact_into(inputs, next, kPublishedBlockSize);
    Xapian::WritableDatabase merged(next, Xapian::DB_OPEN);
    apply_spelling_blobs(merged);
    result->duplicates = remove_duplicate_ids(merged);
    result->files_recorded = record_complete_files(merged);
    merged.commit();
    result->documents = merged.get_doccount();
    merged.close();
  } catch (const Xapian::Error& e) {
    const std::string disk = low_disk_space_note(layout.dir());  // before the partial output is removed
    fs::remove_all(next, ec);
    fs::remove_all(scratch, ec);
    return Status::IOError("merging into " + next + " failed: " + e.get_type() + ": " + e.get_msg() + disk +
                           "; the previous database is unchanged");
  }
  fs::remove_all(scratch, ec);
  Status s = layout.publish(next);
  if (!s.ok()) return s;
  for (const auto& shard : shards) fs::remove_all(shard, ec);
  return Status::OK();
}

}  // namespace dossier
