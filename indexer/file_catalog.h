// FileCatalog: what the database remembers about each indexed file (size,
// modification time, content hash), kept as Xapian metadata so it commits
// atomically with the file's documents. Re-runs use it to skip unchanged files
// and to find files that disappeared.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace dossier {

struct FileRecord {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t hash = 0;  // of the decompressed content
};

std::optional<FileRecord> get_file_record(const Xapian::Database& db, const std::string& path);
void set_file_record(Xapian::WritableDatabase& db, const FileRecord& record);
void erase_file_record(Xapian::WritableDatabase& db, const std::string& path);

// Every file recorded whose path is `dir` or lies under it.
std::vector<FileRecord> recorded_files_under(const Xapian::Database& db, const std::string& dir);

// 64-bit FNV-1a: cheap, and collisions only cost a missed re-index of a file
// whose size and mtime both changed while its content hash collided.
uint64_t content_hash(std::string_view bytes);

}  // namespace dossier
