// JSON and JSON-lines readers: one article object, an array of them, or an object
// wrapping such an array ({"articles": [...]}, {"items": [...]}); one object per line.
#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "indexer/readers/metadata_fields.h"
#include "indexer/readers/reader.h"

namespace dossier {
namespace {

// nlohmann's parser recurses per nesting level; documents deeper than this are
// rejected before parsing so hostile input cannot overflow the stack.
constexpr int kMaxJsonDepth = 256;

bool nesting_too_deep(std::string_view s) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') { if (++depth > kMaxJsonDepth) return true; }
    else if (c == '}' || c == ']') --depth;
  }
  return false;
}

std::string short_reason(const nlohmann::json::exception& e) {
  std::string what = e.what();
  // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> after the tag.
  if (auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
  return what;
}

void add_object(const nlohmann::json& obj, const std::string& path, int line, ReadResult& out) {
  Article a;
  a.path = path;
  a.line = line;
  a.record = static_cast<int>(out.articles.size());
  if (!obj.is_object()) {
    out.warnings.push_back({path, line, "record is not a JSON object; skipped"});
    return;
  }
  if (!article_from_json_object(obj, a)) {
    out.warnings.push_back({path, line, "record has no title or text field (looked for title/headline, body/text/content/...); skipped"});
    return;
  }
  out.articles.push_back(std::move(a));
}

}  // namespace

ReadResult read_json(std::string_view content, const std::string& path) {
  ReadResult out;
  if (nesting_too_deep(content)) {
    out.status = Status::Corruption("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    return out;
  }
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(content.begin(), content.end());
  } catch (const nlohmann::json::exception& e) {
    out.status = Status::Corruption("invalid JSON: " + short_reason(e));
    return out;
  }
  const nlohmann::json* list = nullptr;
  if (doc.is_array()) {
    list = &doc;
  } else if (doc.is_object()) {
    // A wrapper object around the articles, as many APIs return.
    for (const char* key : {"articles", "items", "data", "results", "entries", "docs", "documents"}) {
      auto it = doc.find(key);
      // Only an array holding objects is a list of articles: an article may itself
      // have an "items" or "data" field holding tags or figures.
      if (it != doc.end() && it->is_array() &&
          std::any_of(it->begin(), it->end(), [](const nlohmann::json& x) { return x.is_object(); })) {
        list = &*it;
        break;
      }
    }
  }
  if (list) {
    for (const auto& item : *list) add_object(item, path, 0, out);
  } else if (doc.is_object()) {
    add_object(doc, path, 0, out);
  } else {
    out.status = Status::Unsupported("JSON holds neither an article object nor an array of them");
    return out;
  }
  for (size_t i = 0; i < out.articles.size(); ++i) out.articles[i].record = static_cast<int>(i);
  if (out.articles.empty() && out.status.ok())
    out.status = Status::Unsupported("no article objects found (need a title or text field)");
  return out;
}

ReadResult read_jsonl(std::string_view content, const std::string& path) {
  ReadResult out;
  int line_no = 0;
  size_t pos = 0;
  int bad_lines = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++line_no;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) continue;
    if (nesting_too_deep(line)) {
      out.warnings.push_back({path, line_no, "JSON nested too deeply; line skipped"});
      ++bad_lines;
      continue;
    }
    try {
      nlohmann::json obj = nlohmann::json::parse(line.begin(), line.end());
      size_t before = out.articles.size();
      add_object(obj, path, line_no, out);
      if (out.articles.size() == before) ++bad_lines;
    } catch (const nlohmann::json::exception& e) {
      out.warnings.push_back({path, line_no, "invalid JSON (" + short_reason(e) + "); line skipped"});
      ++bad_lines;
    }
  }
  if (out.articles.empty()) {
    out.status = bad_lines ? Status::Corruption("no valid JSON lines (" + std::to_string(bad_lines) + " bad)")
                           : Status::Unsupported("empty file");
  }
  return out;
}

}  // namespace dossier
