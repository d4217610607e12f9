#include "indexer/file_catalog.h"

#include <cstdio>
#include <functional>

#include <nlohmann/json.hpp>

#include "common/fnv_hash.h"

namespace dossier {
namespace {

constexpr std::string_view kKeyPrefix = "file:";

// Metadata keys are limited in length like terms; long paths are keyed by hash.
std::string key_for(const std::string& path) {
  std::string key = std::string(kKeyPrefix) + path;
  if (key.size() <= 200) return key;
  char buf[24];
  std::snprintf(buf, sizeof buf, "#%016zx", std::hash<std::string>{}(path));
  return std::string(kKeyPrefix) + buf;
}

std::optional<FileRecord> parse(const std::string& value) {
  nlohmann::json j = nlohmann::json::parse(value, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  FileRecord r;
  r.path = j.value("path", "");
  r.size = j.value("size", uint64_t{0});
  r.mtime_ns = j.value("mtime_ns", int64_t{0});
  r.hash = j.value("hash", uint64_t{0});
  return r;
}

}  // namespace

uint64_t content_hash(std::string_view bytes) { return fnv1a64(bytes); }

std::optional<FileRecord> get_file_record(const Xapian::Database& db, const std::string& path) {
  std::string value = db.get_metadata(key_for(path));
  if (value.empty()) return std::nullopt;
  auto r = parse(value);
  if (!r || r->path != path) return std::nullopt;
  return r;
}

void set_file_record(Xapian::WritableDatabase& db, const FileRecord& r) {
  nlohmann::json j = {{"path", r.path}, {"size", r.size}, {"mtime_ns", r.mtime_ns}, {"hash", r.hash}};
  db.set_metadata(key_for(r.path), j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void erase_file_record(Xapian::WritableDatabase& db, const std::string& path) { db.set_metadata(key_for(path), ""); }

std::vector<FileRecord> recorded_files_under(const Xapian::Database& db, const std::string& dir) {
  std::vector<FileRecord> out;
  std::string prefix(kKeyPrefix);
  std::string under = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    auto r = parse(db.get_metadata(*it));
    if (r && (r->path == dir || r->path.rfind(under, 0) == 0)) out.push_back(*r);
  }
  return out;
}

}  // namespace dossier
