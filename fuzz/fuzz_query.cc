// Fuzzes query building and matching: a small Xapian database is built once (in a
// temporary directory, with the real document builder, spelling table and entity
// terms), then each input is parsed by dossier::build_query and run with
// Xapian::Enquire as the searcher runs it. A bad query must come back as a
// Status; nothing may crash or throw.
//
// Input layout: the query text, then optionally fields separated by 0x1E:
//   query \x1E person names (\x1F-separated) \x1E orgs \x1E places \x1E from \x1E to \x1E lang
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/schema.h"
#include "common/stored_record.h"
#include "fuzz/fuzz_util.h"
#include "indexer/document_builder.h"
#include "searcher/query_builder.h"

namespace {

using dossier::fuzz::check;

Xapian::Database* g_db = nullptr;

dossier::Article article(std::string id, std::string title, std::string body, std::string source,
                         std::optional<dossier::Date> date, std::string lang = "en") {
  dossier::Article a;
  a.id = std::move(id);
  a.has_own_id = true;
  a.path = "fuzz/" + a.id + ".txt";
  a.format = "txt";
  a.title = std::move(title);
  a.display_title = a.title;
  a.body = std::move(body);
  a.source = std::move(source);
  a.lang = std::move(lang);
  a.date = date;
  if (date) a.date_origin = "metadata";
  return a;
}

dossier::TagResult tags(std::vector<std::pair<dossier::EntityType, std::string>> entities) {
  dossier::TagResult t;
  for (auto& [type, name] : entities) t.entities.push_back({type, name, 1, {name}});
  return t;
}

void build_database() {
  using dossier::Date;
  using dossier::EntityType;
  char tmpl[] = "/tmp/dossier-fuzz-query-XXXXXX";
  const char* dir = mkdtemp(tmpl);
  if (!dir) dossier::fuzz::fail("mkdtemp failed");
  std::string path = std::string(dir) + "/db";
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    std::vector<std::pair<dossier::Article, dossier::TagResult>> docs = {
        {article("a1", "Blinken meets Wang Yi in Beijing", "BEIJING, June 19 (Reuters) -- Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on Monday to negotiate over Taiwan and fentanyl.", "Reuters", Date{2023, 6, 19}),
         tags({{EntityType::kPerson, "Antony Blinken"}, {EntityType::kPerson, "Wang Yi"}, {EntityType::kPlace, "Beijing"}, {EntityType::kPlace, "Taiwan"}})},
        {article("a2", "NATO summit in Vilnius", "VILNIUS -- NATO leaders negotiated Ukraine's path to membership; Erdo\xC4\x9F" "an lifted his veto on Sweden.", "Kyodo News", Date{2023, 7, 11}),
         tags({{EntityType::kOrg, "NATO"}, {EntityType::kPerson, "Recep Tayyip Erdo\xC4\x9F" "an"}, {EntityType::kPlace, "Vilnius"}, {EntityType::kPlace, "Sweden"}})},
        {article("a3", "Macron veut des troupes en Ukraine", "PARIS -- Emmanuel Macron n'exclut pas l'envoi de troupes occidentales en Ukraine, a d\xC3\xA9" "clar\xC3\xA9 le pr\xC3\xA9sident.", "AFP", Date{2024, 2, 27}, "fr"),
         tags({{EntityType::kPerson, "Emmanuel Macron"}, {EntityType::kPlace, "Ukraine"}, {EntityType::kPlace, "France"}})},
        {article("a4", "\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3\xE4\xB8\x8E\xE6\x8B\x9C\xE7\x99\xBB\xE4\xBC\x9A\xE6\x99\xA4", "\xE4\xB8\xAD\xE5\x9B\xBD\xE5\x9B\xBD\xE5\xAE\xB6\xE4\xB8\xBB\xE5\xB8\xAD\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3\xE5\x9C\xA8\xE6\x97\xA7\xE9\x87\x91\xE5\xB1\xB1 APEC \xE4\xBC\x9A\xE8\xAE\xAE\xE6\x9C\x9F\xE9\x97\xB4\xE4\xB8\x8E\xE6\x8B\x9C\xE7\x99\xBB\xE4\xBC\x9A\xE6\x99\xA4\xE3\x80\x82", "Xinhua", Date{2023, 11, 15}, "zh"),
         tags({{EntityType::kPerson, "Xi Jinping"}, {EntityType::kPerson, "Joe Biden"}, {EntityType::kOrg, "APEC"}})},
        {article("a5", "", "Undated wire: the Security Council adopted resolution 2712 calling for humanitarian pauses in Gaza.", "", std::nullopt),
         tags({{EntityType::kOrg, "United Nations Security Council"}, {EntityType::kPlace, "Gaza"}})},
        {article("a6", "Milei gana el balotaje", "BUENOS AIRES -- Javier Milei gan\xC3\xB3 la segunda vuelta en Argentina.", "La Naci\xC3\xB3n", Date{2023, 11, 19}, "es"),
         tags({{EntityType::kPerson, "Javier Milei"}, {EntityType::kPlace, "Argentina"}})},
    };
    for (auto& [a, t] : docs) {
      dossier::BuiltDocument b = dossier::build_document(a, &t);
      db.replace_document(b.id_term, b.doc);
      for (const auto& w : b.spelling_words) db.add_spelling(w);
    }
    db.commit();
  }
  g_db = new Xapian::Database(path);
  // The files stay open through g_db; the directory entry can go now.
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t end = s.find(sep, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  build_database();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (!g_db) build_database();
  std::vector<std::string> fields = split(std::string_view(reinterpret_cast<const char*>(data), size), '\x1e');
  dossier::SearchRequest request;
  request.query = fields[0];
  auto names = [&](size_t i) { return i < fields.size() && !fields[i].empty() ? split(fields[i], '\x1f') : std::vector<std::string>{}; };
  request.persons = names(1);
  request.orgs = names(2);
  request.places = names(3);
  if (fields.size() > 4) request.from = dossier::parse_date_bound(fields[4], false);
  if (fields.size() > 5) request.to = dossier::parse_date_bound(fields[5], true);
  if (fields.size() > 6) request.lang = fields[6];

  dossier::BuiltQuery built;
  dossier::Status s = dossier::build_query(*g_db, request, &built);
  if (!s.ok()) {
    check(s.code() == dossier::Status::Code::kInvalidArgument, "build_query failed with an unexpected code", s.message());
    check(!s.message().empty(), "build_query failed without a message");
    return 0;
  }
  Xapian::Enquire enquire(*g_db);
  enquire.set_query(built.query);
  if (size % 2) enquire.set_sort_by_value_then_relevance(dossier::schema::kSlotDate, true);
  Xapian::MSet mset = enquire.get_mset(0, 10);
  check(mset.size() <= 10, "more hits than asked for");
  Xapian::Stem stem("en");
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    // The searcher makes snippets from the stored text with the match's terms.
    dossier::StoredRecord record = dossier::decode_stored_record(it.get_document().get_data());
    std::string snippet = mset.snippet(dossier::stored_text(it.get_document(), record), 240, stem,
                                       Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE, "\x02", "\x03", "...");
    (void)snippet;
  }
  return 0;
}
