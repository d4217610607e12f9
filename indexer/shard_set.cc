#include "indexer/shard_set.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>

#include <unistd.h>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace dossier {
namespace {
constexpr const char* kCompleteKey = "dossier:shard";
// The marker's value: "complete/" + the schema the shard was written for.
std::string complete_marker(const std::string& schema) { return "complete/" + schema; }
}

std::string unit_key(const ShardUnit& u) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%016zx:%08d", std::hash<std::string>{}(u.path), u.first);
  return std::string(kUnitKeyPrefix) + buf;
}

std::string encode_unit(const ShardUnit& u) {
  nlohmann::json j = {{"path", u.path}, {"size", u.size}, {"mtime_ns", u.mtime_ns}, {"hash", u.hash},
                      {"first", u.first}, {"count", u.count}, {"total", u.total}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool decode_unit(const std::string& value, ShardUnit* u) {
  nlohmann::json j = nlohmann::json::parse(value, nullptr, false);
  if (!j.is_object()) return false;
  u->path = j.value("path", "");
  u->size = j.value("size", uint64_t{0});
  u->mtime_ns = j.value("mtime_ns", int64_t{0});
  u->hash = j.value("hash", uint64_t{0});
  u->first = j.value("first", 0);
  u->count = j.value("count", 0);
  u->total = j.value("total", 0);
  return !u->path.empty();
}

ShardWriter::ShardWriter(std::string shards_dir, int worker, size_t max_docs, std::string schema,
                         SpellingLedger* ledger)
    : shards_dir_(std::move(shards_dir)), worker_(worker), max_docs_(max_docs), schema_(std::move(schema)), ledger_(ledger) {}

ShardWriter::~ShardWriter() {
  // An unfinished shard is dropped, never marked complete: the next run redoes it.
  if (db_) {
    try {
      db_->close();
    } catch (...) {
    }
    std::error_code ec;
    fs::remove_all(current_, ec);
  }
}

Status ShardWriter::open_next() {
  char name[64];
  // Names are unique per process and worker: a resumed run must never overwrite
  // the complete shards of the run it resumes.
  std::snprintf(name, sizeof name, "/p%ld-w%d-%05d", static_cast<long>(::getpid()), worker_, next_index_++);
  current_ = shards_dir_ + name;
  try {
    db_ = std::make_unique<Xapian::WritableDatabase>(current_, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot create shard " + current_ + ": " + e.get_msg());
  }
  docs_ = 0;
  return Status::OK();
}

Status ShardWriter::finish_current() {
  if (!db_) return Status::OK();
  try {
    if (ledger_) {
      SpellingCounts due;
      ledger_->flush_shard(spelling_, &due);
      spelling_.clear();
      write_spelling_blob(*db_, fs::path(current_).filename().string(), due);
    } else {
      spelling_.flush(*db_);
    }
    metadata_.flush(*db_, /*fresh=*/true);
    db_->set_metadata(kCompleteKey, complete_marker(schema_));
    db_->commit();
    db_->close();
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot finish shard " + current_ + ": " + e.get_msg());
  }
  db_.reset();
  completed_.push_back(current_);
  return Status::OK();
}

Status ShardWriter::add(BuiltDocument&& doc) {
  if (!db_) {
    Status s = open_next();
    if (!s.ok()) return s;
  }
  try {
    db_->replace_document(doc.id_term, doc.doc);
    spelling_.add(doc.spelling_words);
    metadata_.add(std::move(doc.metadata));
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot write shard " + current_ + ": " + e.get_msg());
  }
  ++docs_;
  return Status::OK();
}

Status ShardWriter::add_unit(const ShardUnit& unit) {
  if (!db_) {
    Status s = open_next();
    if (!s.ok()) return s;
  }
  try {
    db_->set_metadata(unit_key(unit), encode_unit(unit));
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot write shard " + current_ + ": " + e.get_msg());
  }
  // Shards roll over only between units, so a unit is never split across shards.
  if (docs_ >= max_docs_) return finish_current();
  return Status::OK();
}

Status ShardWriter::close() { return finish_current(); }

Status ShardWriter::write_spelling_remainder(SpellingLedger& ledger) {
  if (!ledger.has_remainder()) return Status::OK();
  Status s = finish_current();
  if (s.ok()) s = open_next();
  if (!s.ok()) return s;
  try {
    SpellingCounts rest;
    ledger.flush_remainder(&rest);
    write_spelling_blob(*db_, fs::path(current_).filename().string(), rest);
  } catch (const Xapian::Error& e) {
    return Status::IOError("cannot write shard " + current_ + ": " + e.get_msg());
  }
  return finish_current();
}

Status find_complete_shards(const std::string& shards_dir, const std::string& schema, std::vector<std::string>* shards,
                            std::map<std::string, std::vector<ShardUnit>>* units_by_path) {
  std::error_code ec;
  if (!fs::exists(shards_dir, ec)) return Status::OK();
  std::vector<fs::path> entries;
  for (auto it = fs::directory_iterator(shards_dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    entries.push_back(it->path());
  std::sort(entries.begin(), entries.end());
  for (const auto& p : entries) {
    bool complete = false;
    try {
      Xapian::Database db(p.string());
      complete = db.get_metadata(kCompleteKey) == complete_marker(schema);
      if (complete) {
        std::string prefix(kUnitKeyPrefix);
        for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
          ShardUnit u;
          if (decode_unit(db.get_metadata(*k), &u)) (*units_by_path)[u.path].push_back(u);
        }
      }
    } catch (const Xapian::Error&) {
      complete = false;
    }
    if (complete) shards->push_back(p.string());
    else fs::remove_all(p, ec);  // killed mid-shard (or written for another schema): its articles are redone
  }
  return Status::OK();
}

bool units_cover_file(const std::vector<ShardUnit>& units, uint64_t size, int64_t mtime_ns) {
  if (units.empty()) return false;
  std::vector<std::pair<int, int>> ranges;
  int total = units[0].total;
  for (const auto& u : units) {
    if (u.size != size || u.mtime_ns != mtime_ns || u.total != total) return false;
    ranges.emplace_back(u.first, u.first + u.count);
  }
  std::sort(ranges.begin(), ranges.end());
  int covered = 0;
  for (const auto& [b, e] : ranges) {
    if (b > covered) return false;
    covered = std::max(covered, e);
  }
  return covered >= total;
}

}  // namespace dossier
