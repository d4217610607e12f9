// StoredRecord: the document data Dossier keeps for each article, everything a
// result line shows (id, title, date, source, entities, ...) plus the text for
// snippets and the article's unknown source fields. Encoded as delimited fields,
// not JSON, because decoding ten of these is on every search's critical path.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

struct StoredRecord {
  std::string id, title, display_title, date /* YYYY-MM-DD or "" */, date_origin;
  std::string source, url, path, format, lang;
  std::vector<std::string> authors, persons, orgs, places;
  std::string text;        // article text (possibly cut) for snippets
  std::string extra_json;  // unknown source fields as JSON ("" when none)
};

std::string encode_stored_record(const StoredRecord& record);
// Decodes data from encode_stored_record. Fields missing from malformed data are
// empty; `with_text` false skips copying the text and extra fields.
StoredRecord decode_stored_record(std::string_view data, bool with_text = true);

}  // namespace dossier
