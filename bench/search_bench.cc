// search_bench: query latency of Dossier's searcher, in process, against the
// plain-Xapian floor. Reads a fixed query list (bench/queries.txt: one JSON
// object per line), runs one warm-up pass and then --passes timed passes of
// every query through dossier::Searcher, and the keyword queries through a bare
// Xapian::Enquire (QueryParser, English stemming, default AND, top 10, reading
// each hit's document data) on the same database, once more adding Dossier's
// kind of snippets (a diagnostic), and optionally on the floor program's own
// database. Prints one JSON object with p50/p95/p99 in milliseconds per class.
//
// Usage: search_bench --db DOSSIER_DB --queries FILE [--passes N]
//                     [--floor-db DB --floor-stem some|all_z]
//
// Query line fields: class (string, required), query, persons, orgs, places
// (arrays), from, to (YYYY[-MM[-DD]]), facets (array), sort ("date").
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "common/date.h"
#include "searcher/query_builder.h"
#include "searcher/search_request.h"
#include "common/stored_record.h"
#include "searcher/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

struct BenchQuery {
  std::string klass;
  dossier::SearchRequest request;
  bool floor_comparable = false;  // plain words or phrases, no filters, no facets
};

std::vector<std::string> strings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key))
    for (const auto& v : j[key]) out.push_back(v.get<std::string>());
  return out;
}

bool load_queries(const std::string& path, std::vector<BenchQuery>* out, std::string* error) {
  std::ifstream in(path);
  if (!in) { *error = "cannot open " + path; return false; }
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty() || line[0] == '#') continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("class")) {
      *error = path + ":" + std::to_string(lineno) + ": not a JSON object with a \"class\"";
      return false;
    }
    BenchQuery q;
    q.klass = j["class"].get<std::string>();
    q.request.query = j.value("query", "");
    q.request.persons = strings(j, "persons");
    q.request.orgs = strings(j, "orgs");
    q.request.places = strings(j, "places");
    q.request.facets = strings(j, "facets");
    if (j.contains("from")) q.request.from = dossier::parse_date_bound(j["from"].get<std::string>(), false);
    if (j.contains("to")) q.request.to = dossier::parse_date_bound(j["to"].get<std::string>(), true);
    if (j.value("sort", "") == "date") q.request.sort = dossier::SearchRequest::Sort::kDate;
    q.request.limit = 10;
    q.floor_comparable = q.request.persons.empty() && q.request.orgs.empty() && q.request.places.empty() &&
                         !q.request.from && !q.request.to && q.request.facets.empty() &&
                         q.request.sort == dossier::SearchRequest::Sort::kRelevance && !q.request.query.empty();
    out->push_back(std::move(q));
  }
  return true;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  // Nearest-rank percentile: the smallest value with at least p% at or below it.
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * v.size()));
  return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

nlohmann::json summarize(const std::vector<double>& ms, size_t queries) {
  double sum = 0;
  for (double x : ms) sum += x;
  return {{"queries", queries}, {"samples", ms.size()},
          {"p50_ms", percentile(ms, 50)}, {"p95_ms", percentile(ms, 95)}, {"p99_ms", percentile(ms, 99)},
          {"mean_ms", ms.empty() ? 0 : sum / ms.size()}, {"max_ms", ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end())}};
}

// The floor: what any Xapian search front end must do for a keyword query:
// parse, match, rank, read the top 10's document data. With `snippets` it also
// makes each hit's snippet the way Dossier does (Xapian's MSet::snippet over the
// "text" field of the document data): a diagnostic, telling how much of the
// distance to Dossier is snippet making rather than matching.
class FloorSearcher {
 public:
  FloorSearcher(const std::string& path, Xapian::QueryParser::stem_strategy strategy, bool snippets)
      : db_(path), stem_("en"), snippets_(snippets) {
    qp_.set_database(db_);
    qp_.set_stemmer(stem_);
    qp_.set_stemming_strategy(strategy);
    qp_.set_default_op(Xapian::Query::OP_AND);
  }
  // Returns the estimated number of matches.
  size_t search(const std::string& text, size_t* sink) {
    Xapian::Enquire enquire(db_);
    Xapian::Query query = qp_.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT);
    // Snippets made as Dossier makes them need the phrase words as loose terms.
    enquire.set_query(snippets_ ? dossier::with_phrase_words_for_snippets(query) : query);
    Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Xapian::Document doc = it.get_document();
      std::string data = doc.get_data();
      *sink += data.size();
      if (!snippets_) continue;
      dossier::StoredRecord rec = dossier::decode_stored_record(data);
      *sink += mset.snippet(dossier::stored_text(doc, rec), 240, stem_, 0, "\x02", "\x03", "…").size();
    }
    return mset.get_matches_estimated();
  }

 private:
  Xapian::Database db_;
  Xapian::Stem stem_;
  Xapian::QueryParser qp_;
  bool snippets_;
};

int usage() {
  std::fprintf(stderr, "usage: search_bench --db DOSSIER_DB --queries FILE [--passes N] [--floor-db DB --floor-stem some|all_z]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db_path, queries_path, floor_db;
  std::string floor_stem = "some";
  int passes = 5;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
    if (a == "--db") db_path = next();
    else if (a == "--queries") queries_path = next();
    else if (a == "--passes") passes = std::max(1, std::atoi(next().c_str()));
    else if (a == "--floor-db") floor_db = next();
    else if (a == "--floor-stem") floor_stem = next();
    else return usage();
  }
  if (db_path.empty() || queries_path.empty()) return usage();

  std::vector<BenchQuery> queries;
  std::string error;
  if (!load_queries(queries_path, &queries, &error)) {
    std::fprintf(stderr, "search_bench: %s\n", error.c_str());
    return 1;
  }
  std::unique_ptr<dossier::Searcher> searcher;
  dossier::Status s = dossier::Searcher::Open(db_path, &searcher);
  if (!s.ok()) {
    std::fprintf(stderr, "search_bench: %s\n", s.message().c_str());
    return 1;
  }

  // Dossier: warm-up pass (also checks every query is accepted), then timed passes.
  std::map<std::string, std::vector<double>> by_class;
  std::map<std::string, size_t> class_queries, class_empty;
  std::map<std::string, double> class_matches;
  std::vector<double> keyword_dossier;  // floor-comparable queries only
  size_t failures = 0;
  for (const auto& q : queries) {
    dossier::SearchResponse r;
    s = searcher->search(q.request, &r);
    if (!s.ok()) {
      std::fprintf(stderr, "search_bench: query '%s' failed: %s\n", q.request.query.c_str(), s.message().c_str());
      ++failures;
    }
    ++class_queries[q.klass];
    if (r.total == 0) ++class_empty[q.klass];
    class_matches[q.klass] += static_cast<double>(r.total);
  }
  for (int pass = 0; pass < passes; ++pass) {
    for (const auto& q : queries) {
      dossier::SearchResponse r;
      auto t0 = Clock::now();
      searcher->search(q.request, &r);
      double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      by_class[q.klass].push_back(ms);
      if (q.floor_comparable) keyword_dossier.push_back(ms);
    }
  }
  // The same keyword and phrase queries as a result listing (no snippets): the
  // like-for-like comparison with the floor, which makes no snippets either.
  std::vector<double> keyword_listing;
  for (int pass = 0; pass < passes; ++pass) {
    for (const auto& q : queries) {
      if (!q.floor_comparable) continue;
      dossier::SearchRequest listing = q.request;
      listing.snippets = false;
      dossier::SearchResponse r;
      auto t0 = Clock::now();
      searcher->search(listing, &r);
      keyword_listing.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
  }

  nlohmann::json out;
  out["database"] = db_path;
  out["articles"] = searcher->database().get_doccount();
  out["passes"] = passes;
  out["failures"] = failures;
  std::vector<double> all;
  for (const auto& [klass, ms] : by_class) {
    out["dossier"][klass] = summarize(ms, class_queries[klass]);
    out["dossier"][klass]["no_match_queries"] = class_empty[klass];
    out["dossier"][klass]["mean_matches"] = class_matches[klass] / static_cast<double>(class_queries[klass]);
    all.insert(all.end(), ms.begin(), ms.end());
  }
  out["dossier_all"] = summarize(all, queries.size());
  out["dossier_floor_comparable"] = summarize(keyword_dossier, keyword_dossier.size() / passes);
  out["dossier_floor_comparable_no_snippets"] = summarize(keyword_listing, keyword_listing.size() / passes);

  // The floor on Dossier's own database (Z-prefixed stems: STEM_ALL_Z) and,
  // when given, on the floor program's database with its own stemming.
  auto run_floor = [&](const std::string& path, Xapian::QueryParser::stem_strategy strategy, bool snippets) {
    FloorSearcher floor(path, strategy, snippets);
    std::vector<double> ms;
    size_t sink = 0, matches = 0, queries_run = 0, no_match = 0;
    for (const auto& q : queries) {
      if (!q.floor_comparable) continue;
      size_t n = floor.search(q.request.query, &sink);
      matches += n;
      ++queries_run;
      if (n == 0) ++no_match;
    }
    for (int pass = 0; pass < passes; ++pass)
      for (const auto& q : queries) {
        if (!q.floor_comparable) continue;
        auto t0 = Clock::now();
        floor.search(q.request.query, &sink);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      }
    nlohmann::json j = summarize(ms, queries_run);
    j["no_match_queries"] = no_match;
    j["mean_matches_estimated"] = queries_run ? static_cast<double>(matches) / queries_run : 0.0;
    j["checksum"] = sink;  // keeps the work from being optimized away
    return j;
  };
  try {
    out["floor_on_dossier_db"] = run_floor(db_path, Xapian::QueryParser::STEM_ALL_Z, false);
    out["floor_with_snippets_on_dossier_db"] = run_floor(db_path, Xapian::QueryParser::STEM_ALL_Z, true);
    if (!floor_db.empty())
      out["floor_on_floor_db"] = run_floor(floor_db, floor_stem == "all_z" ? Xapian::QueryParser::STEM_ALL_Z
                                                                           : Xapian::QueryParser::STEM_SOME, false);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "search_bench: floor: %s\n", e.get_description().c_str());
    return 1;
  }
  std::cout << out.dump(2) << std::endl;
  return failures ? 1 : 0;
}
