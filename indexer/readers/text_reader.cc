// Plain-text reader: "Title\n\nBody" when the first line is short and followed by
// a blank line; otherwise the whole file is the body and the title is empty.
#include <string>

#include "common/text.h"
#include "indexer/readers/reader.h"

namespace dossier {
namespace {
constexpr size_t kMaxTitleBytes = 200;
}

ReadResult read_text(std::string_view content, const std::string& path) {
  ReadResult out;
  Article a;
  a.path = path;
  a.format = "txt";
  std::string_view rest = content;
  // Skip leading blank lines, including lines holding only spaces or tabs.
  while (!rest.empty()) {
    size_t eol = rest.find('\n');
    if (!trim(rest.substr(0, eol)).empty()) break;
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
  }
  size_t nl = rest.find('\n');
  if (nl != std::string_view::npos) {
    std::string_view first = trim(rest.substr(0, nl));
    std::string_view after = rest.substr(nl + 1);
    size_t nl2 = after.find('\n');
    std::string_view second = trim(after.substr(0, nl2));
    if (!first.empty() && first.size() <= kMaxTitleBytes && second.empty() && nl2 != std::string_view::npos) {
      a.title = collapse_whitespace(first);
      rest = after.substr(nl2 + 1);
    }
  }
  a.body = std::string(trim(rest));
  if (a.body.empty() && a.title.empty()) {
    out.status = Status::Unsupported("empty file");
    return out;
  }
  out.articles.push_back(std::move(a));
  return out;
}

}  // namespace dossier
