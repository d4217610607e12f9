// Searcher: opens a Dossier database read-only and answers SearchRequests:
// query -> enquire (ranking or date order, paging) -> facets -> hits with
// snippets. Survives a concurrent indexer by reopening on DatabaseModifiedError.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "common/status.h"
#include "searcher/search_request.h"

namespace dossier {

class FacetCounter;

struct DatabaseStats {
  size_t articles = 0;
  std::optional<std::string> first_date, last_date;  // YYYY-MM-DD
  size_t undated = 0;
  std::map<std::string, size_t> formats;   // format -> articles
  size_t sources = 0, persons = 0, orgs = 0, places = 0;
  uint64_t size_bytes = 0;
  std::string path;
};

class Searcher {
 public:
  // Fails with a one-line, actionable Status when db_path is missing, not a
  // database, or not a Dossier database.
  static Status Open(const std::string& db_path, std::unique_ptr<Searcher>* out);

  Status search(const SearchRequest& request, SearchResponse* response);
  Status stats(DatabaseStats* out);
  const Xapian::Database& database() const { return db_; }

 private:
  Searcher(Xapian::Database db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}
  Status search_once(const SearchRequest& request, SearchResponse* response);
  void add_facets(const std::vector<FacetCounter>& counters, const std::vector<Xapian::docid>& docids,
                  const SearchRequest& request, SearchResponse* response);
  const Xapian::Database* facet_helper();
  Xapian::Database db_;
  std::string path_;
  // A second handle for the facet-counting thread (facets.h), opened on demand.
  std::unique_ptr<Xapian::Database> helper_;
  // Display names looked up for entity names that do not read well ("FLORIDA").
  std::unordered_map<std::string, std::string> display_names_;
  // Per language: the snippets' stemmer, remembering stems across queries.
  std::map<std::string, Xapian::Stem> snippet_stemmers_;
};

}  // namespace dossier
