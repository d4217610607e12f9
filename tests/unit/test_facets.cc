// Tests for the searcher's facet pass (searcher/facets.h): exact facet counts,
// totals and unchanged pages on generated databases (dense and hashed entity
// ids), checked against a brute-force count over the articles that went into
// them. The counters themselves: test_id_counters.cc.
#include "searcher/facets.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <unistd.h>

#include <doctest/doctest.h>
#include <xapian.h>

#include "common/article.h"
#include "common/facet_record.h"
#include "common/index_terms.h"
#include "common/schema.h"
#include "indexer/document_builder.h"
#include "indexer/entity_id_registry.h"
#include "indexer/metadata_batch.h"
#include "indexer/shard_merge.h"
#include "searcher/searcher.h"

namespace fs = std::filesystem;
using dossier::EntityType;

namespace {

const std::vector<std::string> kWords = {"iran", "korea", "summit", "oil", "border", "election", "embassy", "treaty"};
const std::vector<std::string> kSources = {"BBC", "Kyodo News", "Reuters", "Al Jazeera English", "AP"};

struct Generated {
  dossier::Article article;
  std::vector<std::string> persons, orgs, places;
};

// Articles with a few vocabulary words, 0-6 persons and orgs, 0-3 places, a
// date in 2015-2019 (some undated) and a source, all from a fixed seed.
std::vector<Generated> generate(size_t n) {
  std::mt19937 rng(42);
  auto pick = [&](size_t k) { return static_cast<size_t>(rng() % k); };
  std::vector<Generated> out;
  for (size_t i = 0; i < n; ++i) {
    Generated g;
    dossier::Article& a = g.article;
    a.id = "gen-" + std::to_string(i);
    a.has_own_id = true;
    a.path = "gen/" + std::to_string(i) + ".txt";
    a.format = "txt";
    for (size_t w = 0, words = 2 + pick(4); w < words; ++w) a.body += kWords[pick(kWords.size())] + " ";
    a.title = kWords[pick(kWords.size())];
    a.display_title = a.title;
    a.source = kSources[pick(kSources.size())];
    if (pick(10) != 0) a.date = dossier::Date{2015 + static_cast<int>(pick(5)), 1 + static_cast<int>(pick(12)), 1 + static_cast<int>(pick(28))};
    auto names = [&](std::vector<std::string>* v, const char* stem, size_t pool, size_t most) {
      for (size_t k = 0, count = pick(most + 1); k < count; ++k) {
        std::string name = std::string(stem) + " " + std::to_string(pick(pool));
        if (std::find(v->begin(), v->end(), name) == v->end()) v->push_back(name);
      }
    };
    names(&g.persons, "Person", 300, 6);
    names(&g.orgs, "Org", 40, 6);
    names(&g.places, "Place", 25, 3);
    out.push_back(std::move(g));
  }
  return out;
}

dossier::TagResult tags_of(const Generated& g) {
  dossier::TagResult t;
  for (const auto& p : g.persons) t.entities.push_back({EntityType::kPerson, p, 1, {p}});
  for (const auto& o : g.orgs) t.entities.push_back({EntityType::kOrg, o, 1, {o}});
  for (const auto& l : g.places) t.entities.push_back({EntityType::kPlace, l, 1, {l}});
  return t;
}

std::string month_of(const dossier::Article& a) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", a.date->year, a.date->month);
  return buf;
}

// A database of generated articles. `dense`: schema 5, with dense entity ids
// from one registry (as `dossier index` writes); otherwise schema 4, with
// hashed ids. Articles `first` to `first + n - 1` of generate()'s sequence.
struct TestDb {
  fs::path dir;
  std::vector<Generated> articles;
  TestDb(size_t n, bool dense, const std::string& name = "", size_t first = 0) {
    std::vector<Generated> all = generate(first + n);
    articles.assign(std::make_move_iterator(all.begin() + static_cast<long>(first)), std::make_move_iterator(all.end()));
    dir = fs::temp_directory_path() / ("dossier-test-facets-" + name + std::to_string(::getpid()));
    fs::remove_all(dir);
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    db.set_metadata(std::string(dossier::schema::kMetaSchemaVersion),
                    std::string(dense ? dossier::schema::kSchemaVersion : dossier::schema::kHashedIdsSchema));
    dossier::EntityIdRegistry ids;
    dossier::BuildOptions options;
    if (dense) options.entity_ids = &ids;
    dossier::MetadataBatch metadata;
    for (const auto& g : articles) {
      dossier::TagResult tags = tags_of(g);
      dossier::BuiltDocument built = dossier::build_document(g.article, &tags, options);
      db.replace_document(built.id_term, built.doc);
      metadata.add(std::move(built.metadata));
    }
    metadata.flush(db, /*fresh=*/true);
    db.commit();
  }
  ~TestDb() { fs::remove_all(dir); }
};

// Built once per process.
TestDb& test_db() {
  static TestDb db(3000, /*dense=*/true);
  return db;
}
// The same articles in a schema 4 database (hashed ids), which this build
// still searches.
TestDb& hashed_test_db() {
  static TestDb db(3000, /*dense=*/false, "hashed-");
  return db;
}

bool has_word(const dossier::Article& a, const std::string& w) {
  return a.title == w || (" " + a.body).find(" " + w + " ") != std::string::npos;
}

// Brute-force counts of one facet over the articles containing `word` ("" = all).
std::map<std::string, size_t> brute_force(const std::vector<Generated>& all, const std::string& facet, const std::string& word) {
  std::map<std::string, size_t> counts;
  for (const auto& g : all) {
    if (!word.empty() && !has_word(g.article, word)) continue;
    if (facet == "person") for (const auto& p : g.persons) ++counts[p];
    if (facet == "org") for (const auto& o : g.orgs) ++counts[o];
    if (facet == "place") for (const auto& l : g.places) ++counts[l];
    if (facet == "source") ++counts[g.article.source];
    if (facet == "month" && g.article.date) ++counts[month_of(g.article)];
    if (facet == "year" && g.article.date) ++counts[std::to_string(g.article.date->year)];
  }
  return counts;
}

// The first `limit` of the brute-force counts, by count then name.
std::vector<std::pair<std::string, size_t>> expected_top(const std::map<std::string, size_t>& counts, size_t limit) {
  std::vector<std::pair<std::string, size_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (v.size() > limit) v.resize(limit);
  return v;
}

std::vector<std::pair<std::string, size_t>> as_pairs(const dossier::Facet& f) {
  std::vector<std::pair<std::string, size_t>> v;
  for (const auto& x : f.values) v.emplace_back(x.value, x.count);
  return v;
}

}  // namespace

TEST_CASE("facets: exact counts, totals and the same page as without facets") {
  TestDb& test = test_db();
  std::unique_ptr<dossier::Searcher> searcher;
  REQUIRE(dossier::Searcher::Open(test.dir.string(), &searcher).ok());

  for (const std::string word : {"iran", "treaty", ""}) {
    CAPTURE(word);
    dossier::SearchRequest plain;
    plain.query = word;
    plain.limit = 20;
    plain.offset = 5;
    plain.snippets = false;
    dossier::SearchResponse without;
    REQUIRE(searcher->search(plain, &without).ok());

    dossier::SearchRequest faceted = plain;
    faceted.facets = dossier::known_facets();
    faceted.facet_limit = 12;
    dossier::SearchResponse with;
    REQUIRE(searcher->search(faceted, &with).ok());

    size_t matches = 0;
    for (const auto& g : test.articles) matches += word.empty() || has_word(g.article, word);
    REQUIRE(matches > 100);
    CHECK(with.total == matches);
    CHECK(with.total_exact);
    REQUIRE(with.hits.size() == without.hits.size());
    for (size_t i = 0; i < with.hits.size(); ++i) {
      CHECK(with.hits[i].id == without.hits[i].id);
      CHECK(with.hits[i].score == without.hits[i].score);
    }
    REQUIRE(with.facets.size() == faceted.facets.size());
    for (const auto& f : with.facets) {
      CAPTURE(f.name);
      CHECK_FALSE(f.approximate);
      CHECK(as_pairs(f) == expected_top(brute_force(test.articles, f.name, word), faceted.facet_limit));
    }
  }
}

namespace {

// Every `step`-th document from `first`, as a match list would give them
// (ascending docids), and the articles that went into them.
void every_nth(const TestDb& test, const Xapian::Database& db, Xapian::docid first, Xapian::docid step,
               std::vector<Xapian::docid>* docids, std::vector<Generated>* subset) {
  for (Xapian::docid d = first; d <= db.get_lastdocid(); d += step) {
    docids->push_back(d);
    subset->push_back(test.articles[d - 1]);  // documents were added in order
  }
}

}  // namespace

TEST_CASE("facets: FacetCounter over a subset of documents, all values") {
  TestDb& test = test_db();
  Xapian::Database db(test.dir.string());
  std::vector<Xapian::docid> docids;
  std::vector<Generated> subset;
  every_nth(test, db, 1, 3, &docids, &subset);
  for (const auto& name : dossier::known_facets()) {
    CAPTURE(name);
    dossier::FacetCounter counter(name);
    counter.count(db, docids);
    CHECK(counter.documents_seen() == docids.size());
    auto top = counter.top(db, 100000, docids);
    std::map<std::string, size_t> got;
    for (const auto& v : top) got[v.value] = v.count;
    CHECK(got == brute_force(subset, name, ""));
  }
}

TEST_CASE("facets: one facet from its own slot, several from the combined record, the same counts") {
 for (TestDb* each : {&test_db(), &hashed_test_db()}) {
  TestDb& test = *each;
  CAPTURE(test.dir);
  Xapian::Database db(test.dir.string());
  CHECK(dossier::facet_records_of(db) ==
        (&test == &test_db() ? dossier::FacetRecords::kDenseIds : dossier::FacetRecords::kHashedIds));
  std::vector<Xapian::docid> docids;
  std::vector<Generated> subset;
  every_nth(test, db, 2, 2, &docids, &subset);
  const std::vector<std::vector<std::string>> requests = {
      {"person"}, {"month"}, {"year"}, {"person", "org"}, {"place", "year"}, {"month", "source"},
      {"source", "org", "person"}, {"person", "place", "org", "month"}};
  for (const auto& facets : requests) {
    CAPTURE(facets.size());
    CAPTURE(facets.front());
    std::vector<dossier::FacetCounter> counters = dossier::count_facets(db, nullptr, docids, facets, dossier::facet_records_of(db));
    REQUIRE(counters.size() == facets.size());
    for (size_t i = 0; i < facets.size(); ++i) {
      CAPTURE(facets[i]);
      CHECK(counters[i].documents_seen() == docids.size());
      std::map<std::string, size_t> got;
      for (const auto& v : counters[i].top(db, 100000, docids)) got[v.value] = v.count;
      CHECK(got == brute_force(subset, facets[i], ""));
    }
  }
 }
}

TEST_CASE("facets: a stub over two schema 5 databases counts entities by their hashed slots") {
  // Each database hands out dense ids from 0, so id 0 is a different person in
  // each; the records cannot be added up, the per-facet slots can.
  TestDb first(1500, /*dense=*/true, "stub-a-");
  TestDb second(1500, /*dense=*/true, "stub-b-", 1500);
  const fs::path stub = fs::temp_directory_path() / ("dossier-test-facets-stub-" + std::to_string(::getpid()));
  {
    std::ofstream out(stub);
    out << "auto " << first.dir.string() << "\nauto " << second.dir.string() << "\n";
  }
  Xapian::Database db(stub.string());
  REQUIRE(db.size() == 2);
  CHECK(dossier::facet_records_of(db) == dossier::FacetRecords::kNone);
  std::vector<Generated> all = first.articles;
  all.insert(all.end(), second.articles.begin(), second.articles.end());
  std::vector<Xapian::docid> docids;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) docids.push_back(*it);
  REQUIRE(docids.size() == 3000);
  const std::vector<std::string> facets = {"person", "org", "place", "month"};
  std::vector<dossier::FacetCounter> counters = dossier::count_facets(db, nullptr, docids, facets, dossier::facet_records_of(db));
  for (size_t i = 0; i < facets.size(); ++i) {
    CAPTURE(facets[i]);
    std::map<std::string, size_t> got;
    for (const auto& v : counters[i].top(db, 100000, docids)) got[v.value] = v.count;
    CHECK(got == brute_force(all, facets[i], ""));
  }
  fs::remove(stub);
}

TEST_CASE("facets: a damaged combined record counts as none, and the others still count") {
  const fs::path dir = fs::temp_directory_path() / ("dossier-test-facets-damaged-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  {
    Xapian::WritableDatabase w(dir.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    const std::array<std::string, 3> ids = {dossier::pack_entity_ids(EntityType::kPerson, {"Park Jin"}), "",
                                            dossier::pack_entity_ids(EntityType::kPlace, {"Seoul"})};
    const std::string good = dossier::encode_facet_record(ids, "2023-11", dossier::RecordIds::kHashed);
    for (const std::string& value : {good, good.substr(0, 3), good, std::string("\xff\xff\xff\xff\xff\xff"), good}) {
      Xapian::Document doc;
      doc.add_value(dossier::schema::kSlotFacets, value);
      w.add_document(doc);
    }
    w.commit();
  }
  Xapian::Database db(dir.string());
  const std::vector<Xapian::docid> docids = {1, 2, 3, 4, 5};
  std::vector<dossier::FacetCounter> counters = dossier::count_facets(db, nullptr, docids, {"place", "month", "year"}, dossier::facet_records_of(db));
  auto counts = [&](size_t i) {
    std::map<std::string, size_t> m;
    for (const auto& v : counters[i].top(db, 10, docids)) m[v.value] = v.count;
    return m;
  };
  CHECK(counts(1) == std::map<std::string, size_t>{{"2023-11", 3}});
  CHECK(counts(2) == std::map<std::string, size_t>{{"2023", 3}});
  CHECK(counters[0].documents_seen() == 5);
  fs::remove_all(dir);
}

TEST_CASE("facets: two threads count what one does, and a failing helper costs nothing in accuracy") {
  TestDb& test = test_db();
  Xapian::Database db(test.dir.string());
  std::vector<Xapian::docid> all;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) all.push_back(*it);
  REQUIRE(dossier::second_thread_pays(all.size(), dossier::known_facets().size()));
  CHECK_FALSE(dossier::second_thread_pays(100, 4));

  auto tops = [&](const std::vector<dossier::FacetCounter>& counters) {
    std::vector<std::vector<dossier::FacetValue>> out;
    for (const auto& c : counters) {
      CHECK(c.documents_seen() == all.size());
      out.push_back(c.top(db, 1000, all));
    }
    return out;
  };
  auto same = [](const std::vector<std::vector<dossier::FacetValue>>& a,
                 const std::vector<std::vector<dossier::FacetValue>>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i].size() != b[i].size()) return false;
      for (size_t k = 0; k < a[i].size(); ++k)
        if (a[i][k].value != b[i][k].value || a[i][k].count != b[i][k].count) return false;
    }
    return true;
  };
  const auto one = tops(dossier::count_facets(db, nullptr, all, dossier::known_facets(), dossier::facet_records_of(db)));
  // Every facet has values over all 3,000 articles, with counts that add up.
  for (size_t i = 0; i < one.size(); ++i) {
    CAPTURE(dossier::known_facets()[i]);
    CHECK(one[i].size() > 4);
    std::map<std::string, size_t> brute = brute_force(test.articles, dossier::known_facets()[i], "");
    for (const auto& v : one[i]) CHECK(v.count == brute[v.value]);
  }

  Xapian::Database helper(test.dir.string());
  CHECK(same(tops(dossier::count_facets(db, &helper, all, dossier::known_facets(), dossier::facet_records_of(db))), one));

  Xapian::Database closed(test.dir.string());
  closed.close();  // every read now throws Xapian::DatabaseClosedError
  CHECK(same(tops(dossier::count_facets(db, &closed, all, dossier::known_facets(), dossier::facet_records_of(db))), one));
}

TEST_CASE("facets: FacetStream counts during the match what count_facets counts after it") {
  TestDb& test = test_db();
  Xapian::Database db(test.dir.string());
  const std::vector<std::string> facets = dossier::known_facets();
  auto top_all = [&](const std::vector<dossier::FacetCounter>& counters, const std::vector<Xapian::docid>& docids) {
    std::vector<std::map<std::string, size_t>> out;
    for (const auto& c : counters) {
      std::map<std::string, size_t> m;
      for (const auto& v : c.top(db, 100000, docids)) m[v.value] = v.count;
      out.push_back(std::move(m));
      CHECK(c.documents_seen() == docids.size());
    }
    return out;
  };
  // The words' articles (about half of 3,000 each), their docids in match order.
  for (const std::string word : {"", "iran", "border"}) {
    CAPTURE(word);
    Xapian::Query query = word.empty() ? Xapian::Query::MatchAll : Xapian::Query("Z" + Xapian::Stem("en")(word));
    const std::string term = word.empty() ? "" : "Z" + Xapian::Stem("en")(word);
    std::vector<Xapian::docid> expected_docids;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) expected_docids.push_back(*it);
    REQUIRE(expected_docids.size() > 500);
    const auto expected = top_all(dossier::count_facets(db, nullptr, expected_docids, facets, dossier::facet_records_of(db)), expected_docids);
    // Brute force agrees for the facets of every article.
    if (word.empty())
      for (size_t i = 0; i < facets.size(); ++i) CHECK(expected[i] == brute_force(test.articles, facets[i], ""));

    Xapian::Database helper(test.dir.string());
    Xapian::Database closed(test.dir.string());
    closed.close();  // every read throws: its chunks must be counted again
    int asked = 0;
    for (const Xapian::Database* h : std::vector<const Xapian::Database*>{&helper, nullptr, &closed}) {
      for (size_t chunk : {size_t{1}, size_t{64}, size_t{1000}, dossier::FacetStream::kChunk}) {
        CAPTURE(chunk);
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        dossier::FacetStream stream(db, [&] { ++asked; return h; }, facets, dossier::facet_records_of(db), chunk);
        enquire.add_matchspy(&stream);
        enquire.get_mset(0, 10, db.get_doccount());
        std::vector<dossier::FacetCounter> counters = stream.finish();
        CHECK(stream.docids() == expected_docids);
        CHECK(top_all(counters, stream.docids()) == expected);
      }
    }
    CHECK(asked >= 9);  // the helper is asked for once per stream that fills a chunk
  }
}

TEST_CASE("facets: the counting thread never reads a newer revision than the searcher's") {
  TestDb& test = test_db();
  const fs::path dir = fs::temp_directory_path() / ("dossier-test-facets-rev-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(test.dir, dir, fs::copy_options::recursive);

  dossier::SearchRequest all;
  all.query = "";
  all.limit = 1;
  all.snippets = false;
  all.facets = dossier::known_facets();  // 3,000 matches x 6 facets: the second thread counts
  all.facet_limit = 1000;
  auto person_counts = [](const dossier::SearchResponse& r) {
    std::map<std::string, size_t> m;
    for (const auto& f : r.facets)
      if (f.name == "person")
        for (const auto& v : f.values) m[v.value] = v.count;
    return m;
  };
  std::unique_ptr<dossier::Searcher> searcher;
  REQUIRE(dossier::Searcher::Open(dir.string(), &searcher).ok());
  // One facet is too little work for a second thread: no helper handle yet.
  dossier::SearchRequest one_facet = all;
  one_facet.facets = {"person"};
  REQUIRE_FALSE(dossier::second_thread_pays(test.articles.size(), 1));
  dossier::SearchResponse before;
  REQUIRE(searcher->search(one_facet, &before).ok());
  const std::map<std::string, size_t> expected = brute_force(test.articles, "person", "");
  CHECK(person_counts(before) == expected);

  // Another writer replaces the upper half's persons with one name and commits.
  std::vector<Generated> changed = test.articles;
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_OPEN);
    dossier::EntityIdRegistry ids;  // the database's dense ids, as the indexer loads them
    REQUIRE(ids.load(db, dir.string()).ok());
    dossier::BuildOptions options;
    options.entity_ids = &ids;
    for (size_t i = changed.size() / 2; i < changed.size(); ++i) {
      changed[i].persons = {"Person 7"};
      dossier::TagResult tags = tags_of(changed[i]);
      dossier::BuiltDocument built = dossier::build_document(changed[i].article, &tags, options);
      db.replace_document(built.id_term, built.doc);
    }
    db.commit();
  }
  // The open searcher still reads its revision; so must the helper it opens now,
  // after the commit (it cannot: the searcher's thread counts everything).
  dossier::SearchResponse during;
  REQUIRE(searcher->search(all, &during).ok());
  CHECK(person_counts(during) == expected);
  // A new searcher sees the change.
  REQUIRE(dossier::Searcher::Open(dir.string(), &searcher).ok());
  dossier::SearchResponse after;
  REQUIRE(searcher->search(all, &after).ok());
  CHECK(person_counts(after) == brute_force(changed, "person", ""));
  CHECK(person_counts(after) != expected);
  searcher.reset();
  fs::remove_all(dir);
}

namespace {

// Two person names whose 32-bit entity ids are equal (found by search; the
// test checks they still are).
const std::string kSharedIdA = "Quentin Testperson426";
const std::string kSharedIdB = "Greta Testperson759";

dossier::Article plain_article(const std::string& id) {
  dossier::Article a;
  a.id = id;
  a.has_own_id = true;
  a.path = id + ".txt";
  a.format = "txt";
  a.title = "summit";
  a.display_title = a.title;
  a.body = "summit talks";
  return a;
}

// Adds `n` articles naming `person` (and "Other Person" when `other`) to db,
// their dictionary entries through a MetadataBatch, as the indexer writes them.
void add_articles(Xapian::WritableDatabase& db, const std::string& prefix, size_t n, const std::string& person,
                  dossier::MetadataBatch* batch) {
  for (size_t i = 0; i < n; ++i) {
    dossier::TagResult tags;
    tags.entities.push_back({EntityType::kPerson, person, 1, {person}});
    dossier::BuiltDocument built = dossier::build_document(plain_article(prefix + std::to_string(i)), &tags);
    db.replace_document(built.id_term, built.doc);
    std::vector<dossier::MetadataEntry> entries = built.metadata;
    // The builder emits an entity's entries once per thread; every database here needs them.
    for (auto& e : dossier::entity_dictionary_entries(EntityType::kPerson, person, {person})) entries.push_back(e);
    batch->add(std::move(entries));
  }
}

std::vector<std::pair<std::string, size_t>> person_top(const Xapian::Database& db, size_t limit) {
  std::vector<Xapian::docid> all;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) all.push_back(*it);
  dossier::FacetCounter counter("person");
  counter.count(db, all);
  std::vector<std::pair<std::string, size_t>> out;
  for (const auto& v : counter.top(db, limit, all)) out.emplace_back(v.value, v.count);
  return out;
}

}  // namespace

TEST_CASE("facets: an entity id two persons share is split exactly, in one database and across merged shards") {
  REQUIRE(dossier::entity_id(EntityType::kPerson, kSharedIdA) == dossier::entity_id(EntityType::kPerson, kSharedIdB));
  const std::string key = dossier::entity_id_key(EntityType::kPerson, dossier::entity_id(EntityType::kPerson, kSharedIdA));
  const fs::path dir = fs::temp_directory_path() / ("dossier-test-shared-id-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  using Top = std::vector<std::pair<std::string, size_t>>;
  auto check_db = [&](const Xapian::Database& db) {
    // The dictionary entry names both, whichever came first.
    CHECK(dossier::entity_id_names(db.get_metadata(key)) == std::vector<std::string>{kSharedIdB, kSharedIdA});
    CHECK(person_top(db, 10) == Top{{kSharedIdA, 5}, {"Other Person", 4}, {kSharedIdB, 3}});
    // The shared id's 8 articles rank it first, but Greta's own 3 do not make the cut.
    CHECK(person_top(db, 2) == Top{{kSharedIdA, 5}, {"Other Person", 4}});
    CHECK(person_top(db, 1) == Top{{kSharedIdA, 5}});
  };
  {
    // One database, one batch.
    Xapian::WritableDatabase db((dir / "one").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    dossier::MetadataBatch batch;
    add_articles(db, "b", 3, kSharedIdB, &batch);
    add_articles(db, "o", 4, "Other Person", &batch);
    add_articles(db, "a", 5, kSharedIdA, &batch);
    batch.flush(db);
    db.commit();
    check_db(Xapian::Database((dir / "one").string()));
    // A later batch meeting one of them again keeps both.
    add_articles(db, "a2-", 0, kSharedIdA, &batch);
    batch.add(dossier::entity_dictionary_entries(EntityType::kPerson, kSharedIdA, {kSharedIdA}));
    batch.flush(db);
    db.commit();
    check_db(Xapian::Database((dir / "one").string()));
  }
  {
    // Each person in its own shard, merged by compaction.
    std::vector<std::string> shards;
    const std::vector<std::tuple<std::string, size_t, std::string>> parts = {
        {"a", 5, kSharedIdA}, {"o", 4, "Other Person"}, {"b", 3, kSharedIdB}};
    for (const auto& [prefix, n, person] : parts) {
      std::string path = (dir / ("shard-" + prefix)).string();
      Xapian::WritableDatabase db(path, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
      dossier::MetadataBatch batch;
      add_articles(db, prefix, n, person, &batch);
      batch.flush(db, true);
      db.commit();
      shards.push_back(path);
    }
    fs::create_directories(dir / "scratch");
    REQUIRE(dossier::reduce_fan_in(&shards, (dir / "scratch").string(), 1).ok());
    REQUIRE(shards.size() == 1);
    check_db(Xapian::Database(shards[0]));
  }
  fs::remove_all(dir);
}

TEST_CASE("facets: dictionary entries of shared ids: merge and look-up") {
  using dossier::merge_entity_id_entry;
  // One entity: the better-reading spelling stays.
  CHECK(merge_entity_id_entry("", "FLORIDA") == "FLORIDA");
  CHECK(merge_entity_id_entry("FLORIDA", "Florida") == "Florida");
  CHECK(merge_entity_id_entry("Florida", "FLORIDA") == "Florida");
  // Two entities: both, in key order, whatever the order of arrival.
  const std::string both = merge_entity_id_entry(kSharedIdA, kSharedIdB);
  CHECK(both == kSharedIdB + "\x1f" + kSharedIdA);
  CHECK(merge_entity_id_entry(kSharedIdB, kSharedIdA) == both);
  CHECK(merge_entity_id_entry(both, "GRETA TESTPERSON759") == both);
  CHECK(merge_entity_id_entry(both, kSharedIdA) == both);
  CHECK(dossier::display_name_in_entry(both, "quentin testperson426") == kSharedIdA);
  CHECK(dossier::display_name_in_entry(both, "GRETA TESTPERSON759") == kSharedIdB);
  CHECK(dossier::display_name_in_entry(both, "Someone Else").empty());
  CHECK(dossier::display_name_in_entry("Florida", "FLORIDA") == "Florida");
  CHECK(dossier::display_name_in_entry("Florida", "Georgia").empty());
}
