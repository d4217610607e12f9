// Markdown reader: optional front matter between "---" lines (a small YAML subset:
// "key: value", quoted values, "[a, b]" lists and "- item" lists), then the body.
// Markdown syntax is reduced to its text so link targets and markup are not indexed.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/text.h"
#include "indexer/readers/metadata_fields.h"
#include "indexer/readers/reader.h"

namespace dossier {
namespace {

std::string unquote(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && ((v.front() == '"' && v.back() == '"') || (v.front() == '\'' && v.back() == '\''))) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

nlohmann::json parse_inline_list(std::string_view v) {
  nlohmann::json list = nlohmann::json::array();
  v = trim(v);
  v = v.substr(1, v.size() - 2);  // strip [ ]
  size_t start = 0;
  bool quoted = false;
  char quote = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    // A quote opens only at the start of an item, so apostrophes inside a plain
    // item ("Xi's visit") do not swallow the commas after it.
    if (i < v.size() && quoted && v[i] == quote) {
      quoted = false;
    } else if (i < v.size() && !quoted && (v[i] == '"' || v[i] == '\'') && trim(v.substr(start, i - start)).empty()) {
      quoted = true;
      quote = v[i];
    }
    if (i == v.size() || (v[i] == ',' && !quoted)) {
      std::string item = unquote(v.substr(start, i - start));
      if (!item.empty()) list.push_back(item);
      start = i + 1;
    }
  }
  return list;
}

// Parses front matter lines into (key, value) pairs in order.
std::vector<std::pair<std::string, nlohmann::json>> parse_front_matter(std::string_view fm) {
  std::vector<std::pair<std::string, nlohmann::json>> fields;
  size_t pos = 0;
  while (pos < fm.size()) {
    size_t nl = fm.find('\n', pos);
    std::string_view line = fm.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? fm.size() : nl + 1;
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    if (t.front() == '-' && !fields.empty()) {  // "- item" continues the previous key's list
      auto& value = fields.back().second;
      if (!value.is_array()) value = value.is_string() && !value.get<std::string>().empty()
                                         ? nlohmann::json::array({value}) : nlohmann::json::array();
      value.push_back(unquote(t.substr(1)));
      continue;
    }
    size_t colon = t.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key(trim(t.substr(0, colon)));
    std::string_view v = trim(t.substr(colon + 1));
    if (v.size() >= 2 && v.front() == '[' && v.back() == ']') fields.emplace_back(key, parse_inline_list(v));
    else fields.emplace_back(key, unquote(v));
  }
  return fields;
}

// "[text](url)" -> "text", "![alt](src)" -> "alt"; drops heading/emphasis markers.
std::string markdown_to_text(std::string_view md, std::string* first_heading) {
  std::string out;
  out.reserve(md.size());
  size_t pos = 0;
  while (pos < md.size()) {
    size_t nl = md.find('\n', pos);
    std::string_view line = md.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? md.size() : nl + 1;
    std::string_view t = line;
    size_t hashes = 0;
    while (hashes < t.size() && t[hashes] == '#') ++hashes;
    if (hashes > 0 && hashes <= 6 && hashes < t.size() && t[hashes] == ' ') {
      t.remove_prefix(hashes + 1);
      if (first_heading && first_heading->empty() && hashes == 1) {
        *first_heading = collapse_whitespace(t);
        continue;  // the document's H1 is its title, not body text
      }
    }
    if (t.size() >= 2 && (t.substr(0, 2) == "> ")) t.remove_prefix(2);
    for (size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      if (c == '!' && i + 1 < t.size() && t[i + 1] == '[') continue;
      if (c == ']' && i + 1 < t.size() && t[i + 1] == '(') {
        size_t close = t.find(')', i + 2);
        if (close != std::string_view::npos) { i = close; continue; }
      }
      if (c == '[' || c == ']' || c == '*' || c == '`') continue;
      if (c == '_' && (i == 0 || t[i - 1] == ' ' || i + 1 == t.size() || t[i + 1] == ' ')) continue;
      out.push_back(c);
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace

ReadResult read_markdown(std::string_view content, const std::string& path) {
  ReadResult out;
  Article a;
  a.path = path;
  a.format = "md";
  std::string_view body = content;
  std::string_view start = content;
  while (!start.empty() && (start.front() == '\n' || start.front() == '\r' || start.front() == ' ')) start.remove_prefix(1);
  if (start.substr(0, 3) == "---" && (start.size() == 3 || start[3] == '\n' || start[3] == '\r')) {
    size_t fm_begin = start.find('\n');
    size_t close = fm_begin == std::string_view::npos ? std::string_view::npos : start.find("\n---", fm_begin);
    if (close == std::string_view::npos) {
      out.warnings.push_back({path, 1, "front matter opened with --- but never closed; read as body"});
    } else {
      std::string_view fm = start.substr(fm_begin + 1, close - fm_begin);
      for (auto& [key, value] : parse_front_matter(fm)) apply_field(a, key, value);
      size_t after = start.find('\n', close + 4);
      body = after == std::string_view::npos ? std::string_view() : start.substr(after + 1);
    }
  }
  std::string heading;
  std::string text = markdown_to_text(body, a.title.empty() ? &heading : nullptr);
  if (a.title.empty()) a.title = heading;
  if (a.body.empty()) a.body = std::string(trim(text));
  if (a.body.empty() && a.title.empty()) {
    out.status = Status::Unsupported("empty file");
    return out;
  }
  out.articles.push_back(std::move(a));
  return out;
}

}  // namespace dossier
