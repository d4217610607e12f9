// Tests for the database schema versions (common/schema.h): which older
// databases a build still searches and indexes into, and which it refuses.
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include <unistd.h>

#include <doctest/doctest.h>
#include <xapian.h>

#include "common/article.h"
#include "common/facet_record.h"
#include "common/schema.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/indexer.h"
#include "indexer/tagger/entity_tagger.h"
#include "searcher/searcher.h"

namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

std::string month_text(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

}  // namespace

TEST_CASE("schema: a schema 3 database (months as text in the record) is searched, and indexing marks it 4, not 5") {
  const fs::path dir = fresh_dir("dossier-test-schema3");
  std::map<std::string, size_t> months, years;  // expected facet counts
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(std::string(dossier::schema::kMetaSchemaVersion), "3");
    for (int i = 0; i < 120; ++i) {
      dossier::Article a;
      a.id = "s3-" + std::to_string(i);
      a.has_own_id = true;
      a.path = "s3/" + std::to_string(i) + ".txt";
      a.format = "txt";
      a.title = "Summit talks";
      a.body = "The ministers met for talks.";
      a.date = dossier::Date{2019 + i % 3, 1 + i % 5, 1 + i % 28};
      ++months[month_text(a.date->year, a.date->month)];
      ++years[std::to_string(a.date->year)];
      dossier::TagResult tags;
      tags.entities.push_back({dossier::EntityType::kPerson, "Park Jin", 1, {"Park Jin"}});
      dossier::BuiltDocument built = dossier::build_document(a, &tags);
      // The record as schema 3 wrote it: the ids, then "YYYY-MM".
      const std::string record = built.doc.get_value(dossier::schema::kSlotFacets);  // the views point into it
      dossier::FacetRecordView view;
      REQUIRE(dossier::decode_facet_record(record, dossier::RecordIds::kHashed, &view));
      std::array<std::string, 3> ids;
      for (int t = 0; t < 3; ++t) ids[t] = std::string(view.ids[t]);
      built.doc.add_value(dossier::schema::kSlotFacets, dossier::encode_facet_record(ids, "", dossier::RecordIds::kHashed) + std::string(view.month()));
      db.replace_document(built.id_term, built.doc);
    }
    db.commit();
  }
  std::unique_ptr<dossier::Searcher> searcher;
  REQUIRE(dossier::Searcher::Open(dir.string(), &searcher).ok());
  dossier::SearchRequest all;
  all.facets = {"month", "year"};  // two record facets: counted from the records
  all.facet_limit = 100;
  all.snippets = false;
  dossier::SearchResponse response;
  REQUIRE(searcher->search(all, &response).ok());
  REQUIRE(response.facets.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    std::map<std::string, size_t> got;
    for (const auto& v : response.facets[i].values) got[v.value] = v.count;
    CHECK(got == (i == 0 ? months : years));
  }
  searcher.reset();
  {
    std::unique_ptr<dossier::IndexWriter> writer;
    REQUIRE(dossier::IndexWriter::Open(dir.string(), &writer).ok());
  }
  // Its records hold hashed ids, which dense ones (schema 5) cannot join.
  CHECK(Xapian::Database(dir.string()).get_metadata(std::string(dossier::schema::kMetaSchemaVersion)) ==
        dossier::schema::kHashedIdsSchema);
  fs::remove_all(dir);
}

namespace {

// Person and place facet counts of every article in the database at `db_path`
// (counted from the combined records: two record facets).
std::map<std::string, size_t> entity_counts(const std::string& db_path) {
  std::unique_ptr<dossier::Searcher> searcher;
  REQUIRE(dossier::Searcher::Open(db_path, &searcher).ok());
  dossier::SearchRequest all;
  all.facets = {"person", "place"};
  all.facet_limit = 100;
  all.snippets = false;
  dossier::SearchResponse response;
  REQUIRE(searcher->search(all, &response).ok());
  std::map<std::string, size_t> counts;
  for (const auto& f : response.facets)
    for (const auto& v : f.values) counts[f.name + ":" + v.value] = v.count;
  return counts;
}

size_t dense_id_entries(const std::string& db_path) {
  Xapian::Database db(db_path);
  size_t n = 0;
  for (auto k = db.metadata_keys_begin("ed:"); k != db.metadata_keys_end("ed:"); ++k) ++n;
  return n;
}

}  // namespace

TEST_CASE("schema: indexing keeps a schema 4 database's hashed ids, and a new database gets dense ones") {
  std::unique_ptr<dossier::EntityTagger> tagger;
  dossier::Status loaded = dossier::EntityTagger::Load(DOSSIER_DATA_DIR, &tagger);
  REQUIRE_MESSAGE(loaded.ok(), loaded.message());
  const fs::path files = fresh_dir("dossier-test-schema-files");
  fs::create_directories(files);
  const char* texts[] = {
      "Blinken meets Park in Seoul\n\nSEOUL -- Secretary of State Antony Blinken met Foreign Minister Park Jin "
      "in Seoul on Wednesday. Blinken said the talks went well.\n",
      "Park Jin visits Tokyo\n\nTOKYO -- South Korean Foreign Minister Park Jin arrived in Tokyo on Monday "
      "for talks with Japanese officials.\n",
      "Blinken in Jakarta\n\nJAKARTA -- Secretary of State Antony Blinken arrived in Jakarta, where he met "
      "Indonesian officials.\n"};
  for (int i = 0; i < 3; ++i) std::ofstream(files / ("a" + std::to_string(i) + ".txt")) << texts[i];

  // A schema 4 database (made by an older build), indexed into directly.
  const fs::path old_db = fresh_dir("dossier-test-schema4");
  {
    Xapian::WritableDatabase db(old_db.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(std::string(dossier::schema::kMetaSchemaVersion), "4");
    db.commit();
  }
  dossier::IndexOptions options;
  options.tagger = tagger.get();
  options.db_path = old_db.string();
  options.bulk_min_bytes = SIZE_MAX;
  dossier::IndexSummary summary;
  dossier::Status s = dossier::index_directory(files.string(), options, &summary);
  REQUIRE_MESSAGE(s.ok(), s.message());
  CHECK(summary.articles_added == 3);
  CHECK(Xapian::Database(old_db.string()).get_metadata(std::string(dossier::schema::kMetaSchemaVersion)) == "4");
  CHECK(dense_id_entries(old_db.string()) == 0);
  const std::map<std::string, size_t> counts = entity_counts(old_db.string());
  CHECK(counts.at("person:Antony Blinken") == 2);
  CHECK(counts.at("person:Park Jin") == 2);
  CHECK(counts.at("place:Seoul") == 1);

  // A new database, through the bulk path (shards merged): schema 5, dense
  // ids named by "ed:" entries, the same counts.
  const fs::path new_db = fresh_dir("dossier-test-schema5");
  options.db_path = new_db.string();
  options.bulk_min_bytes = 0;
  dossier::IndexSummary bulk_summary;
  s = dossier::index_directory(files.string(), options, &bulk_summary);
  REQUIRE_MESSAGE(s.ok(), s.message());
  CHECK(bulk_summary.bulk);
  CHECK(Xapian::Database(new_db.string()).get_metadata(std::string(dossier::schema::kMetaSchemaVersion)) ==
        dossier::schema::kSchemaVersion);
  CHECK(dense_id_entries(new_db.string()) > 0);
  CHECK(entity_counts(new_db.string()) == counts);
  fs::remove_all(files);
  fs::remove_all(old_db);
  fs::remove_all(new_db);
}

TEST_CASE("schema: a database of another schema (8-byte entity ids) is refused with what to do") {
  const fs::path dir = fresh_dir("dossier-test-schema");
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(std::string(dossier::schema::kMetaSchemaVersion), "1");
    db.commit();
  }
  std::unique_ptr<dossier::Searcher> searcher;
  dossier::Status s = dossier::Searcher::Open(dir.string(), &searcher);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("schema 1") != std::string::npos);
  CHECK(s.message().find("re-index") != std::string::npos);
  std::unique_ptr<dossier::IndexWriter> writer;
  s = dossier::IndexWriter::Open(dir.string(), &writer);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("schema 1") != std::string::npos);
  fs::remove_all(dir);
}
