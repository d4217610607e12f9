// Article: one news article as read from a file, before and after tagging.
// Readers fill the metadata they find; the indexer fills the rest.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"

namespace dossier {

struct Article {
  std::string id;          // stable unique id: own id field, else "path#record"
  bool has_own_id = false; // id came from the article's metadata
  std::string path;        // file it came from (as given on the command line)
  int record = 0;          // 0-based record number within the file (JSON arrays, JSONL)
  int line = 0;            // 1-based line in the file, when meaningful (JSONL)
  std::string format;      // txt, md, json, jsonl, html
  std::string title;       // may be empty
  std::string display_title;  // title, or derived from the first sentence
  std::string body;
  std::string source;
  std::vector<std::string> authors;
  std::string url;
  std::string lang;        // ISO 639-1 when known ("en", "es")
  std::string raw_date;    // the metadata date string, as found
  std::optional<Date> date;
  std::string date_origin; // "metadata", "dateline", "text" or empty
  nlohmann::json extra = nlohmann::json::object();  // unknown fields, kept not indexed
};

}  // namespace dossier
