// Readers turn the bytes of one file (already decompressed and converted to valid
// UTF-8) into articles. Each format has one reader function; read_file() picks it.
// Readers fill metadata as found (raw_date is the metadata date string, unparsed);
// dates, ids and display titles are resolved afterwards by finalize_article().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/status.h"

namespace dossier {

// A problem with one record or line that did not stop the rest of the file.
struct ReadWarning {
  std::string path;
  int line = 0;          // 1-based, 0 when not applicable
  std::string message;   // "invalid JSON: ...; line skipped"
};

struct ReadResult {
  Status status;                      // not ok: the whole file failed (and why)
  std::vector<Article> articles;
  std::vector<ReadWarning> warnings;  // per-record problems, file otherwise read
  uint64_t content_hash = 0;          // of the file's (decompressed) bytes, set by read_article_file
};

ReadResult read_text(std::string_view content, const std::string& path);
ReadResult read_markdown(std::string_view content, const std::string& path);
ReadResult read_json(std::string_view content, const std::string& path);
ReadResult read_jsonl(std::string_view content, const std::string& path);
ReadResult read_html(std::string_view content, const std::string& path);

}  // namespace dossier
