// StoredRecord encoding (common/stored_record.h): every field round-trips; the
// text slot holds long texts as a zstd frame and short ones as is; records of
// earlier versions (text inside, plain R1 or compressed R2) still read; damaged
// data never crashes the reader.
#include <doctest/doctest.h>

#include <string>

#include "common/schema.h"
#include "common/stored_record.h"

using dossier::decode_stored_record;
using dossier::encode_stored_record;
using dossier::StoredRecord;

namespace {

StoredRecord sample(std::string text) {
  StoredRecord r;
  r.id = "wire-2023-11-14-blinken";
  r.title = "Blinken meets Park Jin";
  r.date = "2023-11-14";
  r.source = "Example Wire";
  r.path = "corpus/blinken.md";
  r.format = "markdown";
  r.lang = "en";
  r.persons = {"Antony Blinken", "Park Jin"};
  r.places = {"South Korea"};
  r.text = std::move(text);
  r.extra_json = R"({"desk":"asia"})";
  return r;
}

std::string long_text() {
  std::string t;
  for (int i = 0; i < 40; ++i)
    t += "Secretary of State Antony Blinken met South Korean Foreign Minister Park Jin in Seoul on Nov. " +
         std::to_string(i % 30 + 1) + ", 2023. ";
  return t;
}

void CheckSame(const StoredRecord& a, const StoredRecord& b) {
  CHECK(a.id == b.id);
  CHECK(a.title == b.title);
  CHECK(a.date == b.date);
  CHECK(a.source == b.source);
  CHECK(a.path == b.path);
  CHECK(a.persons == b.persons);
  CHECK(a.places == b.places);
  CHECK(a.text == b.text);
  CHECK(a.extra_json == b.extra_json);
}

}  // namespace

TEST_CASE("stored record: long texts are compressed and round-trip") {
  StoredRecord r = sample(long_text());
  std::string data = encode_stored_record(r);
  CHECK(data.substr(0, 2) == "R2");
  CHECK(data.size() < r.text.size() / 3);  // repetitive text compresses well
  CheckSame(decode_stored_record(data), r);
  // Without the text, the frame is not even read.
  StoredRecord head = decode_stored_record(data, false);
  CHECK(head.id == r.id);
  CHECK(head.persons == r.persons);
  CHECK(head.text.empty());
  CHECK(head.extra_json.empty());
}

TEST_CASE("stored record: short texts stay plain, and separators in fields are cleaned") {
  StoredRecord r = sample("Blinken arrived.");
  std::string data = encode_stored_record(r);
  CHECK(data.substr(0, 2) == "R1");
  CheckSame(decode_stored_record(data), r);

  StoredRecord odd = sample(long_text() + "\x1e tail \x1f");
  odd.title = "a\x1f" "b";
  StoredRecord back = decode_stored_record(encode_stored_record(odd));
  CHECK(back.title == "a b");
  CHECK(back.text == long_text() + "  tail  ");
  CHECK(back.extra_json == odd.extra_json);
}

TEST_CASE("stored record: plain records written before compression still read") {
  // An R1 record as earlier versions wrote it, text included.
  std::string text = long_text();
  std::string r1 = "R1\x1fid-1\x1ftitle\x1f\x1f" "2023-11-14\x1fmetadata\x1fsrc\x1f\x1fpath\x1ftext\x1f" "en\x1f\x1f"
                   "Antony Blinken\x1d" "Park Jin\x1f\x1fSouth Korea\x1e" + text + "\x1e{}";
  StoredRecord r = decode_stored_record(r1);
  CHECK(r.id == "id-1");
  CHECK(r.date == "2023-11-14");
  CHECK(r.persons == std::vector<std::string>{"Antony Blinken", "Park Jin"});
  CHECK(r.places == std::vector<std::string>{"South Korea"});
  CHECK(r.text == text);
  CHECK(r.extra_json == "{}");
}

TEST_CASE("stored record: a damaged frame loses the text, not the fields") {
  StoredRecord r = sample(long_text());
  std::string data = encode_stored_record(r);
  REQUIRE(data.substr(0, 2) == "R2");
  std::string truncated = data.substr(0, data.size() - 10);
  StoredRecord t = decode_stored_record(truncated);
  CHECK(t.id == r.id);
  CHECK(t.persons == r.persons);
  CHECK(t.text.empty());
  std::string flipped = data;
  flipped[flipped.size() - 5] ^= 0x55;
  StoredRecord f = decode_stored_record(flipped);  // the frame's checksum catches it
  CHECK(f.id == r.id);
  CHECK(f.text.empty());
  CHECK(decode_stored_record("R2").id.empty());
  CHECK(decode_stored_record("R2\x1fx\x1e").id == "x");
}

TEST_CASE("stored record: the text slot holds short texts as is and long ones compressed") {
  const std::string longer = long_text();
  std::string value = dossier::encode_text_value(longer);
  CHECK(value[0] == 'Z');
  CHECK(value.size() < longer.size() / 3);
  CHECK(dossier::encode_text_value("Blinken arrived.") == "TBlinken arrived.");
  CHECK(dossier::encode_text_value("").empty());

  Xapian::Document doc;
  doc.add_value(dossier::schema::kSlotText, value);
  StoredRecord head = sample("");
  doc.set_data(encode_stored_record(head));
  StoredRecord rec = decode_stored_record(doc.get_data());
  CHECK(rec.text.empty());
  CHECK(dossier::stored_text(doc, rec) == longer);
  // A record written before the slot keeps its text, and the slot is not read.
  StoredRecord old_style = sample("old text");
  CHECK(dossier::stored_text(doc, old_style) == "old text");
  // No slot, or a damaged one: no text.
  CHECK(dossier::stored_text(Xapian::Document(), rec).empty());
  std::string damaged = value;
  damaged[damaged.size() / 2] ^= 0x55;
  Xapian::Document bad;
  bad.add_value(dossier::schema::kSlotText, damaged);
  CHECK(dossier::stored_text(bad, rec).empty());
  bad.add_value(dossier::schema::kSlotText, "?unknown");
  CHECK(dossier::stored_text(bad, rec).empty());
}
