// Tests for searcher/query_builder through the Searcher: a phrase query's
// snippet shows the phrase (Xapian's snippet maker cannot see stemmed phrase
// terms by itself), and the words added for it change neither matches nor scores.
#include "searcher/query_builder.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include <doctest/doctest.h>
#include <xapian.h>

#include "common/article.h"
#include "common/schema.h"
#include "indexer/document_builder.h"
#include "searcher/searcher.h"

namespace fs = std::filesystem;

namespace {

std::string filler(int sentences) {
  std::string s;
  for (int i = 0; i < sentences; ++i)
    s += "Officials met again on Tuesday to review shipping schedules and port fees in the region. ";
  return s;
}

}  // namespace

TEST_CASE("query builder: a phrase query's snippet shows the phrase, with matches and scores unchanged") {
  const fs::path dir = fs::temp_directory_path() / ("dossier-test-query-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(std::string(dossier::schema::kMetaSchemaVersion), std::string(dossier::schema::kSchemaVersion));
    const std::vector<std::string> bodies = {
        // The phrase early, then a long tail without its words.
        "Negotiators reached a nuclear deal in Vienna after talks that ran past midnight. " + filler(40),
        // The words apart only: no phrase match.
        "The deal covers trade. " + filler(10) + "Nuclear plants were not discussed. " + filler(10),
        // The phrase twice, late.
        filler(30) + "Critics of the nuclear deal said the nuclear deal would not last. " + filler(5),
    };
    for (size_t i = 0; i < bodies.size(); ++i) {
      dossier::Article a;
      a.id = "phrase-" + std::to_string(i);
      a.has_own_id = true;
      a.path = a.id + ".txt";
      a.format = "txt";
      a.title = "Report " + std::to_string(i);
      a.display_title = a.title;
      a.body = bodies[i];
      dossier::BuiltDocument built = dossier::build_document(a, nullptr);
      db.replace_document(built.id_term, built.doc);
    }
    db.commit();
  }

  std::unique_ptr<dossier::Searcher> searcher;
  REQUIRE(dossier::Searcher::Open(dir.string(), &searcher).ok());
  dossier::SearchRequest request;
  request.query = "\"nuclear deal\"";
  dossier::SearchResponse response;
  REQUIRE(searcher->search(request, &response).ok());
  REQUIRE(response.hits.size() == 2);  // not the article with the words apart

  // The same phrase through a bare Enquire: the same documents, in the same
  // order, with the same scores.
  Xapian::Database db(dir.string());
  Xapian::Enquire enquire(db);
  const std::vector<Xapian::Query> words = {Xapian::Query("Znuclear", 1, 1), Xapian::Query("Zdeal", 1, 2)};
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), 2));
  Xapian::MSet plain = enquire.get_mset(0, 10);
  REQUIRE(plain.size() == response.hits.size());
  for (size_t i = 0; i < plain.size(); ++i) {
    CAPTURE(i);
    CHECK(response.hits[i].score == doctest::Approx(plain[i].get_weight()).epsilon(1e-12));
    // Documents were added in order: docid d holds "phrase-(d-1)".
    CHECK(response.hits[i].id == "phrase-" + std::to_string(*plain[i] - 1));
  }
  for (const auto& hit : response.hits) {
    CAPTURE(hit.id);
    // Highlighted phrase words in the snippet, not the article's tail.
    CHECK(hit.snippet.find(request.highlight_start + "nuclear" + request.highlight_end) != std::string::npos);
    CHECK(hit.snippet.find(request.highlight_start + "deal" + request.highlight_end) != std::string::npos);
  }
  fs::remove_all(dir);
}
