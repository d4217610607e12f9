// Fuzzes the whole reading stage on real files: each input is written to a temp
// file under one of the supported extensions (plain, gzip-compressed, cut-short
// gzip, or raw bytes posing as .gz) and read with read_article_file, then every
// article goes through build_document as the indexer would. Charset detection,
// binary sniffing, size limits, readers and finalization all run on raw bytes.
//
// Input layout: byte 0 picks the extension (low 4 bits), the gzip mode (bits 4-5)
// and tight size limits (bit 6); the rest is the file's content.
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "common/stored_record.h"
#include "fuzz/fuzz_util.h"
#include "indexer/document_builder.h"
#include "indexer/file_reader.h"

namespace {

using dossier::fuzz::check;

std::string g_dir;

constexpr const char* kExtensions[16] = {".txt", ".text", ".md", ".markdown", ".json", ".jsonl", ".ndjson", ".html",
                                         ".htm", ".xhtml", ".TXT", ".Json", ".HTML", ".md", ".jsonl", ".bin"};

enum GzipMode { kPlain = 0, kCompressed = 1, kRawAsGz = 2, kTruncatedGz = 3 };

void init() {
  char tmpl[] = "/tmp/dossier-fuzz-file-XXXXXX";
  const char* dir = mkdtemp(tmpl);
  if (!dir) dossier::fuzz::fail("mkdtemp failed");
  g_dir = dir;
}

void write_plain(const std::string& path, std::string_view bytes) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) dossier::fuzz::fail("cannot create temp file", path);
  if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
}

void write_gzip(const std::string& path, std::string_view bytes, bool truncate_it) {
  gzFile f = gzopen(path.c_str(), "wb");
  if (!f) dossier::fuzz::fail("cannot create temp gzip file", path);
  if (!bytes.empty()) gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(f);
  if (truncate_it) {
    std::error_code ec;
    auto n = std::filesystem::file_size(path, ec);
    if (!ec && n > 12) std::filesystem::resize_file(path, n - 1 - bytes.size() % (n - 11), ec);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  init();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (g_dir.empty()) init();
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  const GzipMode gz = static_cast<GzipMode>((mode >> 4) & 3);
  const bool tight = mode & 0x40;
  std::string path = g_dir + "/input" + kExtensions[mode & 15] + (gz == kPlain ? "" : ".gz");
  if (gz == kPlain || gz == kRawAsGz) write_plain(path, content);
  else write_gzip(path, content, gz == kTruncatedGz);

  dossier::FileReadOptions options;
  if (tight) {
    options.max_file_bytes = 2048;
    options.max_feed_bytes = 4096;
    options.max_body_bytes = 97;
  }
  dossier::ReadResult r = dossier::read_article_file(path, options, "shown/input");
  std::filesystem::remove(path);

  std::string format = dossier::format_for_path(path);
  if (!r.status.ok()) {
    check(!r.status.message().empty(), "failed read without a message");
    return 0;
  }
  check(!format.empty(), "unsupported extension read successfully", path);
  for (const auto& a : r.articles) {
    dossier::fuzz::check_finalized(a);
    check(a.format == format, "article format differs from the file's", a.format);
    check(a.body.size() <= options.max_body_bytes, "body longer than max_body_bytes");
    dossier::BuildOptions build;
    build.max_stored_body = tight ? 50 : 64 * 1024;
    dossier::BuiltDocument b = dossier::build_document(a, nullptr, build);
    check(!b.id_term.empty(), "built document without id term");
    dossier::StoredRecord record = dossier::decode_stored_record(b.doc.get_data());
    // The record's separators (0x1D-0x1F) are stored as spaces, by design.
    auto stored = [](std::string s) {
      for (char& c : s)
        if (c == '\x1d' || c == '\x1e' || c == '\x1f') c = ' ';
      return s;
    };
    check(record.id == stored(a.id), "stored record does not give back the article id", record.id);
    check(record.display_title == stored(a.display_title), "stored record does not give back the display title",
          record.display_title);
  }
  return 0;
}
