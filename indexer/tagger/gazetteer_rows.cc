#include "indexer/tagger/gazetteer_rows.h"

#include <fstream>

#include "common/text.h"

namespace dossier {

std::vector<std::string> split_trimmed(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    out.emplace_back(trim(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b)));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

Status for_each_gazetteer_row(const std::string& path, const std::function<void(const std::vector<std::string>&)>& fn) {
  std::ifstream in(path);
  if (!in) return Status::IOError("cannot read gazetteer file " + path);
  std::string line;
  while (std::getline(in, line)) {
    std::string_view t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    fn(split_trimmed(line, '\t'));
  }
  return Status::OK();
}

}  // namespace dossier
