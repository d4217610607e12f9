#include "indexer/indexer.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include <unistd.h>
#include <cerrno>
#include <cstring>

#include "common/schema.h"
#include "common/text.h"
#include "indexer/bulk_pass.h"
#include "indexer/db_layout.h"
#include "indexer/document_builder.h"
#include "indexer/entity_id_registry.h"
#include "indexer/file_catalog.h"
#include "indexer/index_writer.h"
#include "indexer/shard_merge.h"
#include "indexer/shard_set.h"

namespace fs = std::filesystem;

namespace dossier {

std::atomic<bool> g_stop_requested{false};

namespace {

// What a worker hands the writer for one file.
struct FileResult {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t hash = 0;
  Status status;
  bool fatal = false;  // status stops the whole run (not just this file)
  std::vector<BuiltDocument> docs;
  std::vector<ReadWarning> warnings;
  size_t bytes = 0;
};

// READMEs and licence files sit in article folders (ours included) but are not news.
bool is_project_boilerplate(const std::string& name) {
  std::string lower = ascii_lower(name);
  for (std::string_view stem : {"readme", "license", "licence", "changelog", "copying"})
    if (lower.rfind(stem, 0) == 0 && (lower.size() == stem.size() || lower[stem.size()] == '.')) return true;
  return false;
}

std::string display_path(const fs::path& p) {
  std::string s = p.string();
  repair_utf8(s);  // file names in other encodings still print and store as UTF-8
  return s;
}

FileResult process_file(const std::string& path, const IndexOptions& options, const BuildOptions& build) {
  FileResult r;
  r.path = path;
  if (options.tagger) {  // it may still be loading
    Status ready = options.tagger->ready();
    if (!ready.ok()) {
      r.status = Status::IOError("cannot load the entity tagger: " + ready.message());
      r.fatal = true;
      return r;
    }
  }
  // Articles keep the raw path (ids and path terms stay unique even for file
  // names that are not UTF-8); output repairs it for display.
  ReadResult read = read_article_file(path, options.read, path);
  r.status = read.status;
  r.hash = read.content_hash;
  r.warnings = std::move(read.warnings);
  if (!r.status.ok()) return r;
  for (Article& a : read.articles) {
    r.bytes += a.body.size() + a.title.size();
    std::optional<TagResult> tags;
    if (options.tagger) tags = options.tagger->tag(a.title.empty() ? a.body : a.title + "\n\n" + a.body, a.lang);
    r.docs.push_back(build_document(a, tags ? &*tags : nullptr, build));
  }
  return r;
}

// Results must reach the writer in file order (so runs are deterministic) while
// workers run ahead by at most `window` files (so memory stays bounded).
class OrderedResults {
 public:
  explicit OrderedResults(size_t window) : window_(window) {}

  // Blocks until `index` is within the window of the next result to consume.
  bool wait_for_slot(size_t index) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return index < next_ + window_ || closed_; });
    return !closed_;
  }
  void put(size_t index, FileResult r) {
    std::lock_guard lock(mu_);
    ready_.emplace(index, std::move(r));
    cv_.notify_all();
  }
  std::optional<FileResult> take_next() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return ready_.count(next_) > 0 || closed_; });
    if (closed_ && !ready_.count(next_)) return std::nullopt;
    auto node = ready_.extract(next_++);
    cv_.notify_all();
    return std::move(node.mapped());
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<size_t, FileResult> ready_;
  size_t next_ = 0;
  size_t window_;
  bool closed_ = false;
};

}  // namespace

Status list_article_files(const std::string& dir, const std::string& exclude, std::vector<std::string>* files,
                          std::vector<SkippedFile>* unreadable) {
  std::error_code ec;
  fs::file_status st = fs::status(dir, ec);
  if (ec || !fs::exists(st)) return Status::NotFound("folder " + dir + " does not exist; check the path");
  if (!fs::is_directory(st)) {
    files->push_back(fs::absolute(dir, ec).lexically_normal().string());  // a single file is a folder of one
    return Status::OK();
  }
  fs::path excluded = exclude.empty() ? fs::path() : fs::weakly_canonical(exclude, ec);
  auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::IOError("cannot read folder " + dir + ": " + ec.message());
  for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
    if (ec) {
      unreadable->push_back({display_path(it->path()), "cannot read: " + ec.message()});
      ec.clear();
      continue;
    }
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec)) {
      if (!excluded.empty() && fs::weakly_canonical(p, ec) == excluded) {
        it.disable_recursion_pending();
      } else if (::access(p.c_str(), R_OK | X_OK) != 0) {
        unreadable->push_back({display_path(p), "cannot read folder: " + std::string(std::strerror(errno)) + "; skipped"});
        it.disable_recursion_pending();
      }
      continue;
    }
    if (!it->is_regular_file(ec)) {
      if (it->is_symlink(ec) && !fs::exists(p, ec))
        unreadable->push_back({display_path(p), "broken symbolic link; skipped"});
      else if (!it->is_symlink(ec) || fs::exists(p, ec))
        unreadable->push_back({display_path(p), "not a regular file (pipe, socket or device); skipped"});
      continue;
    }
    if (is_project_boilerplate(name)) {
      unreadable->push_back({display_path(p), "looks like a README/LICENSE file, not an article; skipped"});
      continue;
    }
    files->push_back(fs::absolute(p, ec).lexically_normal().string());
  }
  std::sort(files->begin(), files->end());
  return Status::OK();
}

namespace {

struct FileStat {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

FileStat stat_file(const std::string& path) {
  std::error_code ec;
  FileStat st;
  st.size = fs::file_size(path, ec);
  auto t = fs::last_write_time(path, ec);
  if (!ec) st.mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
  return st;
}

// The unique-id terms of the documents currently indexed from one file.
std::set<std::string> id_terms_of_file(const Xapian::Database& db, const std::string& path_term) {
  std::set<std::string> ids;
  for (auto p = db.postlist_begin(path_term); p != db.postlist_end(path_term); ++p) {
    Xapian::TermIterator t = db.termlist_begin(*p);
    t.skip_to(std::string(schema::kId));
    if (t != db.termlist_end(*p) && (*t).rfind(schema::kId, 0) == 0) ids.insert(*t);
  }
  return ids;
}

// Writes one file's documents, removes its records that vanished, and records
// the file; the caller counts what happened.
Status write_file(IndexWriter& writer, FileResult& r, IndexSummary* summary) {
  Xapian::WritableDatabase& db = writer.database();
  std::string path_term = path_term_for(r.path);
  std::set<std::string> old_ids = id_terms_of_file(db, path_term);
  for (auto& doc : r.docs) {
    old_ids.erase(doc.id_term);
    bool replaced = false;
    Status s = writer.put(std::move(doc), &replaced);
    if (!s.ok()) return s;
    ++(replaced ? summary->articles_updated : summary->articles_added);
  }
  for (const auto& id : old_ids) {  // records that disappeared from a changed file
    Status s = writer.remove(id);
    if (!s.ok()) return s;
    ++summary->articles_removed;
  }
  set_file_record(db, {r.path, r.size, r.mtime_ns, r.hash});
  return Status::OK();
}

// The direct path: worker threads read, tag and build; this thread writes each
// file's documents in file order into the database, committing in batches; then
// files that vanished from DIR are removed.
Status run_update_pass(const std::vector<std::string>& files, const std::vector<FileStat>& stats,
                       const std::vector<std::string>& listed, const std::string& dir, const IndexOptions& options,
                       IndexWriter& writer, EntityIdRegistry* entity_ids, IndexSummary* summary,
                       const ProgressFn& progress) {
  auto started = std::chrono::steady_clock::now();
  int threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  OrderedResults results(static_cast<size_t>(threads) * 4);
  std::atomic<size_t> next_file{0};
  BuildOptions build;  // one per pass: its documents go into one database
  build.spelling = options.spelling;
  build.entity_ids = entity_ids;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads && !files.empty(); ++t) {
    workers.emplace_back([&] {
      for (;;) {
        size_t i = next_file.fetch_add(1);
        if (i >= files.size() || !results.wait_for_slot(i)) return;
        if (g_stop_requested) { results.close(); return; }
        FileResult r = process_file(files[i], options, build);
        r.size = stats[i].size;
        r.mtime_ns = stats[i].mtime_ns;
        results.put(i, std::move(r));
      }
    });
  }

  Status write_status;
  IndexProgress prog;
  prog.files_total = files.size();
  try {
    for (size_t i = 0; i < files.size(); ++i) {
      std::optional<FileResult> r = results.take_next();
      if (!r) break;
      for (auto& w : r->warnings) summary->warnings.push_back(std::move(w));
      if (r->fatal) {
        write_status = r->status;
        break;
      }
      if (!r->status.ok()) {
        // Articles indexed from an earlier, readable version of the file stay.
        std::string shown = r->path;
        repair_utf8(shown);
        summary->skipped.push_back({shown, r->status.message()});
      } else if (auto rec = get_file_record(writer.database(), r->path); rec && rec->hash == r->hash) {
        ++summary->files_unchanged;  // touched but identical: remember the new mtime only
        set_file_record(writer.database(), {r->path, r->size, r->mtime_ns, r->hash});
      } else {
        ++summary->files_read;
        summary->bytes_read += r->bytes;
        write_status = write_file(writer, *r, summary);
      }
      if (!write_status.ok()) break;
      prog.files_done = i + 1;
      prog.articles = summary->articles_added + summary->articles_updated;
      prog.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (progress) progress(prog);
      if (g_stop_requested) break;
    }
    // Files that disappeared from DIR since the last run (only under DIR, so
    // other folders indexed into the same database are untouched).
    if (write_status.ok() && !g_stop_requested && options.delete_missing) {
      std::set<std::string> present(listed.begin(), listed.end());
      std::error_code ec;
      std::string root = fs::absolute(dir, ec).lexically_normal().string();
      while (root.size() > 1 && root.back() == '/') root.pop_back();
      for (const auto& rec : recorded_files_under(writer.database(), root)) {
        if (present.count(rec.path)) continue;
        std::string path_term = path_term_for(rec.path);
        summary->articles_removed += writer.database().get_termfreq(path_term);
        writer.database().delete_document(path_term);
        erase_file_record(writer.database(), rec.path);
        ++summary->files_removed;
      }
    }
  } catch (const Xapian::Error& e) {
    write_status = status_from_xapian(e, options.db_path);
  }
  results.close();
  for (auto& w : workers) w.join();
  if (g_stop_requested) summary->interrupted = true;
  if (write_status.ok()) write_status = writer.commit();
  return write_status;
}

}  // namespace

Status index_directory(const std::string& dir, const IndexOptions& options, IndexSummary* summary,
                       const ProgressFn& progress) {
  auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };

  std::vector<std::string> listed;
  Status s = list_article_files(dir, options.db_path, &listed, &summary->skipped);
  if (!s.ok()) return s;
  summary->files_seen = listed.size() + summary->skipped.size();

  std::unique_ptr<IndexWriter> writer;
  s = IndexWriter::Open(options.db_path, &writer);
  if (!s.ok()) return s;
  writer->set_batch_size(options.batch_size);
  DatabaseLayout layout(options.db_path);

  // Shards a killed bulk run completed are merged now; their files are not re-read.
  std::vector<std::string> resumed_shards;
  std::map<std::string, std::vector<ShardUnit>> resumed_units;
  s = find_complete_shards(layout.shards_dir(), writer->schema(), &resumed_shards, &resumed_units);
  if (!s.ok()) return s;

  // Schema 5: one dense id per entity across the database, the shards to be
  // merged into it and everything this run writes.
  std::unique_ptr<EntityIdRegistry> entity_ids;
  if (schema::has_dense_entity_ids(writer->schema())) {
    entity_ids = std::make_unique<EntityIdRegistry>();
    s = entity_ids->load(writer->database(), options.db_path);
    for (size_t i = 0; s.ok() && i < resumed_shards.size(); ++i) {
      try {
        s = entity_ids->load(Xapian::Database(resumed_shards[i]), "shard " + resumed_shards[i]);
      } catch (const Xapian::Error& e) {
        s = Status::IOError("cannot open shard " + resumed_shards[i] + ": " + e.get_msg());
      }
    }
    if (!s.ok()) return s;
  }

  // Unchanged files (same size and mtime as recorded) are not even read; new
  // files go to the bulk path when there are enough of them.
  std::vector<std::string> files;  // changed files, and new ones when not bulk
  std::vector<FileStat> stats;
  std::vector<BulkFile> bulk;
  size_t new_bytes = 0;
  try {
    for (const auto& path : listed) {
      FileStat st = stat_file(path);
      auto rec = get_file_record(writer->database(), path);
      if (rec && rec->size == st.size && rec->mtime_ns == st.mtime_ns) {
        ++summary->files_unchanged;
        continue;
      }
      if (!rec) {
        auto u = resumed_units.find(path);
        if (u != resumed_units.end() && units_cover_file(u->second, st.size, st.mtime_ns)) continue;
        if (!writer->database().term_exists(path_term_for(path))) {
          bulk.push_back({path, st.size, st.mtime_ns});
          new_bytes += st.size;
          continue;
        }
      }
      files.push_back(path);
      stats.push_back(st);
    }
  } catch (const Xapian::Error& e) {
    return status_from_xapian(e, options.db_path);
  }
  if (new_bytes < options.bulk_min_bytes || options.bulk_min_bytes == SIZE_MAX) {
    for (const auto& b : bulk) {
      files.push_back(b.path);
      stats.push_back({b.size, b.mtime_ns});
    }
    bulk.clear();
  }

  Status write_status =
      run_update_pass(files, stats, listed, dir, options, *writer, entity_ids.get(), summary, progress);
  summary->seconds = elapsed();
  if (!write_status.ok() || (bulk.empty() && resumed_shards.empty())) return write_status;

  // Bulk path: shards written in parallel, then one merge into a new generation.
  summary->bulk = !bulk.empty();
  Status released = writer->release_database();
  if (!released.ok()) return released;
  BulkResult result;
  if (!bulk.empty() && !g_stop_requested) {
    const BulkTarget target{layout.shards_dir(), writer->schema(), entity_ids.get()};
    write_status = run_bulk_pass(bulk, options, target, summary, progress, &result);
    if (g_stop_requested) summary->interrupted = true;
  }
  for (const auto& shard : resumed_shards) {
    try {
      summary->articles_resumed += Xapian::Database(shard).get_doccount();
    } catch (const Xapian::Error&) {
    }
  }
  std::vector<std::string> shards = resumed_shards;
  shards.insert(shards.end(), result.shards.begin(), result.shards.end());
  if (!shards.empty()) {
    MergeResult merged;
    Status m = merge_into_new_generation(layout, shards, &merged);
    if (!m.ok()) return m;
    size_t written = result.articles + summary->articles_resumed;
    summary->articles_updated += std::min(merged.duplicates, written);
    summary->articles_added += written - std::min(merged.duplicates, written);
  }
  summary->seconds = elapsed();
  return write_status;
}

}  // namespace dossier
