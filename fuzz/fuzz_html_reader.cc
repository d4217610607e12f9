// Fuzzes the HTML reader (gumbo parse, meta/JSON-LD/<time> metadata, main-content
// extraction, nesting limiter) on arbitrary text, then resolves ids, dates and
// titles as the file reader does. Nothing may crash or throw.
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text = dossier::fuzz::reader_text(data, size);
  dossier::ReadResult html = dossier::read_html(text, "fuzz.html");
  dossier::fuzz::check(html.articles.size() <= 1, "HTML page gave more than one article");
  dossier::fuzz::finalize_and_check(html, false);
  return 0;
}
