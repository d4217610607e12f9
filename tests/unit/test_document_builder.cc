// Tests for indexer/document_builder: the Xapian document one article becomes
// (positional stemmed terms, title terms, folded variants, boolean filter terms,
// value slots, entity terms and the stored JSON record).
#include "indexer/document_builder.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "common/stored_record.h"
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/facet_record.h"
#include "common/index_terms.h"
#include "common/schema.h"

using dossier::Article;
using dossier::BuiltDocument;
using dossier::Date;

namespace {

Article sample_article() {
  Article a;
  a.id = "kyodo-2023-1114";
  a.has_own_id = true;
  a.path = "corpus/erdogan.md";
  a.format = "md";
  a.title = "Erdo\xC4\x9F" "an warns on missile tests";
  a.display_title = a.title;
  a.body = "ANKARA -- President Erdo\xC4\x9F" "an said missiles were tested near the Black Sea.";
  a.source = "Kyodo News";
  a.authors = {"Jane Doe"};
  a.url = "https://example.test/a";
  a.date = Date{2023, 11, 14};
  a.date_origin = "metadata";
  a.extra = {{"desk", "Europe"}};
  return a;
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term;
}

std::vector<Xapian::termpos> positions(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(term);
  if (it == doc.termlist_end() || *it != term) return {};
  return std::vector<Xapian::termpos>(it.positionlist_begin(), it.positionlist_end());
}

Xapian::termcount wdf(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0;
}

std::vector<std::string> terms_with_prefix(const Xapian::Document& doc, const std::string& prefix) {
  std::vector<std::string> out;
  for (Xapian::TermIterator it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
    if ((*it).rfind(prefix, 0) == 0) out.push_back(*it);
  return out;
}

using P = std::vector<Xapian::termpos>;

}  // namespace

TEST_CASE("document builder: id, path, format, language and source terms") {
  BuiltDocument b = dossier::build_document(sample_article(), nullptr);
  const Xapian::Document& doc = b.doc;
  CHECK(b.id_term == "Qkyodo-2023-1114");
  CHECK(has_term(doc, "Qkyodo-2023-1114"));
  CHECK(has_term(doc, "XPATHcorpus/erdogan.md"));
  CHECK(has_term(doc, "XFMTmd"));
  CHECK(has_term(doc, "Len"));
  CHECK(has_term(doc, "XSRCkyodo news"));
  CHECK(has_term(doc, "XSWkyodo"));
  CHECK(has_term(doc, "XSWnews"));
  CHECK(doc.get_value(dossier::schema::kSlotSource) == "Kyodo News");
  CHECK(terms_with_prefix(doc, "Q").size() == 1);
  // Boolean terms carry no positions.
  CHECK(positions(doc, "Qkyodo-2023-1114").empty());
}

TEST_CASE("document builder: stemmed body and title terms with positions") {
  BuiltDocument b = dossier::build_document(sample_article(), nullptr);
  const Xapian::Document& doc = b.doc;
  // Title: Erdoğan(1) warns(2) on(3) missile(4) tests(5); the body starts after the gap.
  const Xapian::termpos body = dossier::schema::kBodyPositionStart;
  CHECK(positions(doc, "Zmissil") == P{4, body + 5});   // "missile" (title) and "missiles" (body)
  CHECK(positions(doc, "ZSmissil") == P{4});            // title: field
  CHECK(positions(doc, "Zwarn") == P{2});
  CHECK(positions(doc, "ZSwarn") == P{2});
  CHECK(positions(doc, "Zankara") == P{body + 1});
  CHECK(positions(doc, "Zsea") == P{body + 11});
  CHECK_FALSE(has_term(doc, "ZSankara"));               // body words are not title words
  // Title words weigh kTitleWeight times a body word.
  CHECK(wdf(doc, "Zwarn") == dossier::schema::kTitleWeight);
  CHECK(wdf(doc, "Zmissil") == dossier::schema::kTitleWeight + 1);
  CHECK(wdf(doc, "ZSwarn") == 1);
  // No unprefixed or unstemmed copies: every text term is Z-prefixed.
  CHECK_FALSE(has_term(doc, "missile"));
  CHECK_FALSE(has_term(doc, "Zmissiles"));
}

TEST_CASE("document builder: diacritic-folded variants share the original's position") {
  BuiltDocument b = dossier::build_document(sample_article(), nullptr);
  const Xapian::Document& doc = b.doc;
  const Xapian::termpos body = dossier::schema::kBodyPositionStart;
  const std::string erdogan_exact = "Zerdo\xC4\x9F" "an";
  CHECK(positions(doc, erdogan_exact) == P{1, body + 3});
  CHECK(positions(doc, "Zerdogan") == P{1, body + 3});
  CHECK(positions(doc, "ZSerdogan") == P{1});
  CHECK(positions(doc, "ZSerdo\xC4\x9F" "an") == P{1});
  // Spelling words are the case-folded, unstemmed forms.
  std::set<std::string> spelling(b.spelling_words.begin(), b.spelling_words.end());
  CHECK(spelling.count("missiles") == 1);
  CHECK(spelling.count("erdo\xC4\x9F" "an") == 1);
  CHECK(spelling.count("on") == 0);  // too short to suggest
}

TEST_CASE("document builder: each spelling word once per article, in order") {
  dossier::Article a = sample_article();
  a.title = "Trade talks";
  a.body = "TRADE talks resumed. Trade ministers said trade talks would resume; talks, talks.";
  BuiltDocument b = dossier::build_document(a, nullptr);
  CHECK(b.spelling_words == std::vector<std::string>{"ministers", "resume", "resumed", "said", "talks", "trade", "would"});
  // The same words again in the next article count again.
  BuiltDocument c = dossier::build_document(a, nullptr);
  CHECK(c.spelling_words == b.spelling_words);
}

TEST_CASE("document builder: date value slots and Y/M/D terms") {
  BuiltDocument b = dossier::build_document(sample_article(), nullptr);
  const Xapian::Document& doc = b.doc;
  CHECK(doc.get_value(dossier::schema::kSlotDate) == "20231114");
  CHECK(doc.get_value(dossier::schema::kSlotMonth) == "2023-11");
  CHECK(doc.get_value(dossier::schema::kSlotYear) == "2023");
  CHECK(has_term(doc, "Y2023"));
  CHECK(has_term(doc, "M202311"));
  CHECK(has_term(doc, "D20231114"));
  CHECK(has_term(doc, "XHASDATE"));

  Article undated = sample_article();
  undated.date.reset();
  BuiltDocument u = dossier::build_document(undated, nullptr);
  CHECK(u.doc.get_value(dossier::schema::kSlotDate).empty());
  CHECK_FALSE(has_term(u.doc, "XHASDATE"));
  CHECK(terms_with_prefix(u.doc, "Y2").empty());
  CHECK(dossier::decode_stored_record(u.doc.get_data()).date.empty());
}

TEST_CASE("document builder: stored record holds the fields the searcher shows") {
  Article a = sample_article();
  BuiltDocument b = dossier::build_document(a, nullptr);
  const std::string b_data = b.doc.get_data();
  dossier::StoredRecord b_stored = dossier::decode_stored_record(b_data);
  const dossier::StoredRecord& rec = b_stored;
  CHECK(rec.id == "kyodo-2023-1114");
  CHECK(rec.title == a.title);
  CHECK(rec.display_title == a.title);
  CHECK(rec.date == "2023-11-14");
  CHECK(rec.date_origin == "metadata");
  // The text is in its own value slot, not in the record.
  CHECK(b_stored.text.empty());
  CHECK(dossier::stored_text(b.doc, b_stored) == a.body);
  CHECK(rec.source == "Kyodo News");
  CHECK(rec.authors == std::vector<std::string>{"Jane Doe"});
  CHECK(rec.url == "https://example.test/a");
  CHECK(rec.path == "corpus/erdogan.md");
  CHECK(rec.format == "md");
  CHECK(rec.lang == "en");
  CHECK(nlohmann::json::parse(b_stored.extra_json)["desk"] == "Europe");
  // Listing without text skips the text and extra sections.
  CHECK(dossier::decode_stored_record(b_data, false).text.empty());
  CHECK(dossier::decode_stored_record(b_data, false).id == rec.id);
  CHECK(dossier::decode_stored_record("not a record").id.empty());
  CHECK(rec.persons.empty());  // untagged

  // The stored text is capped, and the cut never splits a character.
  dossier::BuildOptions opts;
  opts.max_stored_body = 25;  // inside the "ğ" of "Erdoğan" (bytes 24-25)
  const Xapian::Document capped_doc = dossier::build_document(a, nullptr, opts).doc;
  dossier::StoredRecord capped_stored = dossier::decode_stored_record(capped_doc.get_data());
  std::string text = dossier::stored_text(capped_doc, capped_stored);
  CHECK(text.rfind("ANKARA -- President Erdo", 0) == 0);
  CHECK(text.size() <= 27);
  CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);
  // ... but every word is still indexed.
  CHECK(has_term(dossier::build_document(a, nullptr, opts).doc, "Zsea"));
}

TEST_CASE("document builder: entity terms and facet values from a TagResult") {
  dossier::TagResult tags;
  tags.entities.push_back({dossier::EntityType::kPerson, "Recep Tayyip Erdo\xC4\x9F" "an", 2, {"Erdo\xC4\x9F" "an"}});
  tags.entities.push_back({dossier::EntityType::kPlace, "Black Sea", 1, {"Black Sea"}});
  tags.entities.push_back({dossier::EntityType::kOrg, "NATO", 1, {"the alliance"}});
  tags.entities.push_back({dossier::EntityType::kPlace, "Ankara", 1, {"ANKARA"}});
  BuiltDocument b = dossier::build_document(sample_article(), &tags);
  const Xapian::Document& doc = b.doc;
  const std::string erdogan = "Recep Tayyip Erdo\xC4\x9F" "an";
  CHECK(has_term(doc, "XPrecep tayyip erdogan"));
  CHECK(has_term(doc, "XLblack sea"));
  CHECK(has_term(doc, "XLankara"));
  CHECK(has_term(doc, "XOnato"));
  // The entity dictionary goes to metadata, once per entity and word, not per document.
  auto has_entry = [&](const std::string& key) {
    for (const auto& m : b.metadata)
      if (m.key == key) return true;
    return false;
  };
  CHECK(has_entry("ew:p:erdogan\x1f" + erdogan));
  CHECK(has_entry("ew:p:recep\x1f" + erdogan));
  CHECK(has_entry("ew:p:tayyip\x1f" + erdogan));
  CHECK(has_entry("ea:p:" + erdogan + "\x1f" "Erdo\xC4\x9F" "an"));
  CHECK(has_entry("ew:l:black\x1f" "Black Sea"));
  CHECK(has_entry("ew:o:alliance\x1fNATO"));
  CHECK(has_entry("ea:o:NATO\x1fthe alliance"));
  for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
    CHECK_MESSAGE((*t).rfind("XPN", 0) != 0, "no per-document name-token terms: " << *t);
  CHECK(doc.get_value(dossier::schema::kSlotPersons) ==
        dossier::pack_entity_ids(dossier::EntityType::kPerson, {erdogan}));
  CHECK(doc.get_value(dossier::schema::kSlotPersons).size() == dossier::kEntityIdBytes);
  CHECK(doc.get_value(dossier::schema::kSlotPlaces) ==
        dossier::pack_entity_ids(dossier::EntityType::kPlace, {"Black Sea", "Ankara"}));
  CHECK(doc.get_value(dossier::schema::kSlotOrgs) == dossier::pack_entity_ids(dossier::EntityType::kOrg, {"NATO"}));
  // The combined record holds the same ids and the month, for multi-facet counting.
  dossier::FacetRecordView record;
  const std::string record_value = doc.get_value(dossier::schema::kSlotFacets);
  REQUIRE(dossier::decode_facet_record(record_value, dossier::RecordIds::kHashed, &record));
  for (int t = 0; t < 3; ++t) CHECK(record.ids[t] == doc.get_value(dossier::schema::kSlotPersons + t));
  CHECK(record.month() == doc.get_value(dossier::schema::kSlotMonth));
  CHECK(record.month().size() == 7);
  CHECK(has_entry(dossier::entity_id_key(dossier::EntityType::kPerson,
                                         dossier::entity_id(dossier::EntityType::kPerson, erdogan))));
  dossier::StoredRecord rec = dossier::decode_stored_record(doc.get_data());
  CHECK(rec.persons == std::vector<std::string>{erdogan});
  CHECK(rec.places == std::vector<std::string>{"Black Sea", "Ankara"});
  CHECK(rec.orgs == std::vector<std::string>{"NATO"});

  // An empty tag result still writes (empty) facet fields and no entity terms.
  dossier::TagResult none;
  BuiltDocument n = dossier::build_document(sample_article(), &none);
  for (const char* prefix : {"XPN", "XON", "XLN", "XPrecep", "XLblack", "XOnato"})
    CHECK(terms_with_prefix(n.doc, prefix).empty());
  // ... and a record with no ids, only the month.
  dossier::FacetRecordView empty_record;
  const std::string empty_value = n.doc.get_value(dossier::schema::kSlotFacets);
  REQUIRE(dossier::decode_facet_record(empty_value, dossier::RecordIds::kHashed, &empty_record));
  for (const auto& ids : empty_record.ids) CHECK(ids.empty());
  CHECK(empty_record.month() == n.doc.get_value(dossier::schema::kSlotMonth));
  CHECK(empty_value.size() == 3 + 2);  // three zero counts and the month in two bytes
  // An undated, untagged article has no record at all.
  dossier::Article undated = sample_article();
  undated.date.reset();
  CHECK(dossier::build_document(undated, nullptr).doc.get_value(dossier::schema::kSlotFacets).empty());
}

TEST_CASE("document builder: with an id registry, the record holds dense ids that 'ed:' entries name") {
  dossier::EntityIdRegistry ids;
  dossier::BuildOptions options;
  options.entity_ids = &ids;
  using dossier::EntityType;
  auto metadata_of = [](const BuiltDocument& d) {
    std::map<std::string, std::string> m;
    for (const auto& e : d.metadata) m[e.key] = e.value;
    return m;
  };
  dossier::TagResult first;
  first.entities.push_back({EntityType::kPerson, "Antony Blinken", 1, {"Blinken"}});
  first.entities.push_back({EntityType::kPerson, "Park Jin", 1, {"Park Jin"}});
  first.entities.push_back({EntityType::kPlace, "Seoul", 1, {"Seoul"}});
  BuiltDocument a = dossier::build_document(sample_article(), &first, options);
  dossier::FacetRecordView record;
  const std::string value = a.doc.get_value(dossier::schema::kSlotFacets);
  REQUIRE(dossier::decode_facet_record(value, dossier::RecordIds::kDense, &record));
  CHECK(record.ids[0] == std::string("\x00\x01", 2));  // persons 0 and 1, a byte each
  CHECK(record.ids[1].empty());
  CHECK(record.ids[2] == std::string("\x00", 1));  // places count from 0 too
  CHECK(record.month() == "2023-11");
  // The per-type slots keep hashed ids (one facet, or several databases at once).
  CHECK(a.doc.get_value(dossier::schema::kSlotPersons) ==
        dossier::pack_entity_ids(EntityType::kPerson, {"Antony Blinken", "Park Jin"}));
  auto m = metadata_of(a);
  CHECK(m[dossier::dense_id_key(EntityType::kPerson, 0)] == "Antony Blinken");
  CHECK(m[dossier::dense_id_key(EntityType::kPerson, 1)] == "Park Jin");
  CHECK(m[dossier::dense_id_key(EntityType::kPlace, 0)] == "Seoul");

  // Another article: a known entity keeps its id, with no second entry in
  // this scope; a new one takes the next id.
  dossier::TagResult second;
  second.entities.push_back({EntityType::kPerson, "Yoon Suk Yeol", 1, {"Yoon"}});
  second.entities.push_back({EntityType::kPerson, "Park Jin", 1, {"Park"}});
  BuiltDocument b = dossier::build_document(sample_article(), &second, options);
  const std::string b_value = b.doc.get_value(dossier::schema::kSlotFacets);  // the view points into it
  REQUIRE(dossier::decode_facet_record(b_value, dossier::RecordIds::kDense, &record));
  CHECK(record.ids[0] == std::string("\x02\x01", 2));
  m = metadata_of(b);
  CHECK(m[dossier::dense_id_key(EntityType::kPerson, 2)] == "Yoon Suk Yeol");
  CHECK(m.count(dossier::dense_id_key(EntityType::kPerson, 1)) == 0);
  CHECK(ids.size(EntityType::kPerson) == 3);

  // Without a registry (a schema 3 or 4 database) the record holds hashed ids.
  BuiltDocument c = dossier::build_document(sample_article(), &second);
  const std::string c_value = c.doc.get_value(dossier::schema::kSlotFacets);
  REQUIRE(dossier::decode_facet_record(c_value, dossier::RecordIds::kHashed, &record));
  CHECK(record.ids[0] == dossier::pack_entity_ids(EntityType::kPerson, {"Yoon Suk Yeol", "Park Jin"}));
}

TEST_CASE("document builder: entity dictionary entries come once per database scope, again for a new one") {
  dossier::TagResult tags;
  tags.entities.push_back({dossier::EntityType::kPerson, "Yoko Kamikawa", 1, {"Kamikawa"}});
  auto name_entries = [](const BuiltDocument& b) {
    size_t n = 0;
    for (const auto& m : b.metadata) n += m.key.rfind("ew:p:", 0) == 0;
    return n;
  };
  dossier::BuildOptions first_db;
  const size_t first = name_entries(dossier::build_document(sample_article(), &tags, first_db));
  CHECK(first >= 2);  // "yoko", "kamikawa" (and the surface's words)
  // The same database (same options) needs them only once...
  CHECK(name_entries(dossier::build_document(sample_article(), &tags, first_db)) == 0);
  // ...but another database built later in the same thread needs them again.
  dossier::BuildOptions second_db;
  CHECK(second_db.dictionary_scope != first_db.dictionary_scope);
  CHECK(name_entries(dossier::build_document(sample_article(), &tags, second_db)) == first);
}

TEST_CASE("document builder: CJK words are indexed unstemmed, other languages use their stemmer") {
  Article zh;
  zh.id = "zh-1";
  zh.path = "zh.json";
  zh.format = "json";
  zh.lang = "zh";
  zh.title = "\xE5\x8C\x97\xE4\xBA\xAC\xE4\xBC\x9A\xE8\xB0\x88";  // 北京会谈
  zh.body = "\xE4\xB8\xAD\xE5\x9B\xBD\xE5\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8\xE9\x95\xBF\xE5\x9C\xA8"
            "\xE5\x8C\x97\xE4\xBA\xAC\xE4\xB8\xBE\xE8\xA1\x8C\xE4\xBC\x9A\xE8\xB0\x88";  // 中国外交部长在北京举行会谈
  BuiltDocument b = dossier::build_document(zh, nullptr);
  CHECK(has_term(b.doc, "Lzh"));
  CHECK(has_term(b.doc, "Z\xE5\x8C\x97\xE4\xBA\xAC"));   // Z北京
  CHECK(has_term(b.doc, "ZS\xE5\x8C\x97\xE4\xBA\xAC"));  // ZS北京
  CHECK(positions(b.doc, "ZS\xE5\x8C\x97\xE4\xBA\xAC") == P{1});
  CHECK(b.spelling_words.empty());  // no spelling suggestions for CJK

  Article es;
  es.id = "es-1";
  es.path = "es.txt";
  es.format = "txt";
  es.lang = "es";
  es.body = "Los ministros negociaron acuerdos comerciales.";
  BuiltDocument e = dossier::build_document(es, nullptr);
  Xapian::Stem spanish("es");
  // Terms built in two steps: GCC 12 warns (-Wrestrict) on "Z" + string here.
  auto stemmed = [&](const std::string& word) {
    std::string term = "Z";
    term += spanish(word);
    return term;
  };
  CHECK(has_term(e.doc, stemmed("negociaron")));
  CHECK(has_term(e.doc, stemmed("comerciales")));
  CHECK(has_term(e.doc, "Les"));

  // An unknown language code indexes words unstemmed rather than failing.
  es.lang = "xx";
  BuiltDocument x = dossier::build_document(es, nullptr);
  CHECK(has_term(x.doc, "Znegociaron"));
}

TEST_CASE("document builder: very long ids become bounded unique terms") {
  Article a = sample_article();
  a.id = std::string(300, 'a');
  BuiltDocument b1 = dossier::build_document(a, nullptr);
  a.id = std::string(299, 'a') + "b";
  BuiltDocument b2 = dossier::build_document(a, nullptr);
  CHECK(b1.id_term.size() <= dossier::kMaxTermBytes);
  CHECK(b1.id_term.rfind("Qaaaa", 0) == 0);
  CHECK(b1.id_term != b2.id_term);
  CHECK(has_term(b1.doc, b1.id_term));
  CHECK(dossier::id_term_for("short") == "Qshort");
  CHECK(dossier::path_term_for("a/b.txt") == "XPATHa/b.txt");
}
