// Fuzzes the JSON and JSON-lines readers (single objects, arrays, wrapper objects,
// one record per line) on arbitrary text, then resolves ids, dates and titles as
// the file reader does. Nothing may crash or throw; every field stays valid UTF-8.
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text = dossier::fuzz::reader_text(data, size);
  dossier::ReadResult json = dossier::read_json(text, "fuzz.json");
  dossier::fuzz::finalize_and_check(json, json.articles.size() > 1);
  dossier::ReadResult jsonl = dossier::read_jsonl(text, "fuzz.jsonl");
  dossier::fuzz::finalize_and_check(jsonl, true);
  for (const auto& a : jsonl.articles) dossier::fuzz::check(a.line >= 1, "JSONL article without a line number");
  return 0;
}
