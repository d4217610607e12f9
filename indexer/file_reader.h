// Reading one article file of any supported format: picks the reader by extension
// (.txt .md .json .jsonl .ndjson .html .htm, each optionally .gz), enforces size
// limits, turns bytes into valid UTF-8 and resolves each article's id, date and
// display title. This is the "reader" stage of the indexer pipeline.
#pragma once

#include <cstddef>
#include <string>

#include "indexer/readers/reader.h"

namespace dossier {

struct FileReadOptions {
  // Files larger than this (after decompression) are skipped, never loaded:
  // a 200 MB "article" is a dump, not news, and would cost gigabytes to index.
  size_t max_file_bytes = 64u << 20;
  // JSON-lines feeds hold many articles and may be larger.
  size_t max_feed_bytes = 1024u << 20;
  // Longer bodies are cut here (with a warning); no news story is this long.
  size_t max_body_bytes = 4u << 20;
};

// The format name for a path ("txt", "md", "json", "jsonl", "html"), looking
// through a trailing ".gz"; empty when unsupported.
std::string format_for_path(const std::string& path);

// Reads and finalizes every article in the file at `path`. `display_path` is the
// path stored with each article (as the user gave it). On failure the status says
// why in words a user can act on; per-record problems come back as warnings.
ReadResult read_article_file(const std::string& path, const FileReadOptions& options = {},
                             const std::string& display_path = {});

// Fills id (own id, else "path" or "path#record"), date (metadata, dateline, first
// date in text; implausible dates warn and fall through) and display_title.
void finalize_article(Article& article, bool multi_record, std::vector<ReadWarning>* warnings);

}  // namespace dossier
