// floor_indexer: the benchmark's floor. Does only what any Xapian indexer of
// news must do, single-threaded into one database: read each .txt article
// (title line, blank line, body), run Xapian's TermGenerator with English
// stemming (STEM_SOME) and positions, add one unique-id term, commit.
// Anything Dossier does beyond this (tagging, dates, facets, spelling) is its
// own cost; the floor tells how fast plain Xapian indexes the same files.
//
// Usage: floor_indexer --db DB DIR    (DIR is walked recursively for *.txt)
// Prints one JSON line: {"articles": N, "bytes": B, "seconds": S}.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

namespace fs = std::filesystem;

namespace {

bool read_file(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

int usage() {
  std::fprintf(stderr, "usage: floor_indexer --db DB DIR\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path, dir;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) db_path = argv[++i];
    else if (dir.empty() && a[0] != '-') dir = a;
    else return usage();
  }
  if (db_path.empty() || dir.empty()) return usage();

  auto start = std::chrono::steady_clock::now();
  // Sorted so every run adds the same documents in the same order.
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());

  try {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("en"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    size_t articles = 0;
    uint64_t bytes = 0;
    std::string text;
    for (const auto& path : files) {
      if (!read_file(path, &text)) {
        std::fprintf(stderr, "floor_indexer: cannot read %s\n", path.c_str());
        continue;
      }
      bytes += text.size();
      size_t eol = text.find('\n');
      std::string_view title(text.data(), eol == std::string::npos ? text.size() : eol);
      std::string_view body;
      if (eol != std::string::npos) body = std::string_view(text).substr(eol + 1);

      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(std::string(title));
      tg.increase_termpos();  // no phrase across the title/body boundary
      tg.index_text(std::string(body));
      std::string id_term = "Q";  // in two steps: GCC 12 warns (-Wrestrict) on "Q" + string
      id_term += path.stem().string();
      doc.add_boolean_term(id_term);
      doc.set_data(path.string());
      db.add_document(doc);
      ++articles;
    }
    db.commit();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("{\"articles\": %zu, \"bytes\": %llu, \"seconds\": %.3f}\n", articles,
                static_cast<unsigned long long>(bytes), seconds);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "floor_indexer: %s\n", e.get_description().c_str());
    return 1;
  }
  return 0;
}
