// Fuzzes the plain-text reader (title rule, header lines) and the Markdown reader
// (YAML-like front matter, inline lists, headings) on arbitrary text, then
// resolves ids, dates and titles as the file reader does.
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text = dossier::fuzz::reader_text(data, size);
  dossier::ReadResult txt = dossier::read_text(text, "fuzz.txt");
  dossier::fuzz::check(txt.articles.size() <= 1, "text file gave more than one article");
  dossier::fuzz::finalize_and_check(txt, false);
  dossier::ReadResult md = dossier::read_markdown(text, "fuzz.md");
  dossier::fuzz::check(md.articles.size() <= 1, "Markdown file gave more than one article");
  dossier::fuzz::finalize_and_check(md, false);
  // The same text behind a front-matter fence, so that every input also
  // exercises the metadata parser rather than only inputs starting with "---".
  std::string fenced = "---\n" + text + "\n---\nBody text.\n";
  dossier::ReadResult fm = dossier::read_markdown(fenced, "fuzz-fm.md");
  dossier::fuzz::finalize_and_check(fm, false);
  return 0;
}
