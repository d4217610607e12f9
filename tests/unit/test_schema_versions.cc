// Tests for the database schema versions (common/schema.h): which older
// databases a build still searches and indexes into, and which it refuses.
#include <array>
#include <filesystem>
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

TEST_CASE("schema: a schema 3 database (months as text in the record) is searched, and indexing marks it 4") {
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
      REQUIRE(dossier::decode_facet_record(record, &view));
      std::array<std::string, 3> ids;
      for (int t = 0; t < 3; ++t) ids[t] = std::string(view.ids[t]);
      built.doc.add_value(dossier::schema::kSlotFacets, dossier::encode_facet_record(ids, "") + std::string(view.month()));
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
  CHECK(Xapian::Database(dir.string()).get_metadata(std::string(dossier::schema::kMetaSchemaVersion)) ==
        dossier::schema::kSchemaVersion);
  fs::remove_all(dir);
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
