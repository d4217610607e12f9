// StoredRecord: the document data Dossier keeps for each article, everything a
// result line shows (id, title, date, source, entities, ...) plus the text for
// snippets and the article's unknown source fields. Encoded as delimited fields,
// not JSON, because decoding ten of these is on every search's critical path.
//
// The text itself is kept apart, in the value slot schema::kSlotText, as a zstd
// frame: Xapian deflates every document's data at level 6 and inflates it on
// every read, which cost a quarter of a query's time with snippets, while it
// stores values as they are. Records written before keep their text inside.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

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

// The value for schema::kSlotText holding `text`.
std::string encode_text_value(std::string_view text);
// The article text of `doc`, whose data decoded to `record`: its text slot, or
// for records written before the slot existed, the record's own text. "" when
// damaged.
std::string stored_text(const Xapian::Document& doc, const StoredRecord& record);

}  // namespace dossier
