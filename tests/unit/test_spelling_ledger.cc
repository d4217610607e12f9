// Tests for indexer/spelling_ledger: a word enters the first shard written
// after the run has seen it in min_frequency documents, later documents arrive
// in the remainder shard, and the merged frequencies are the run's counts.
#include "indexer/spelling_ledger.h"

#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>

#include <unistd.h>

#include <doctest/doctest.h>
#include <xapian.h>

namespace fs = std::filesystem;

namespace {

std::map<std::string, unsigned> spellings(const Xapian::Database& db) {
  std::map<std::string, unsigned> out;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) out[*it] = it.get_termfreq();
  return out;
}

// A batch holding these document counts per word.
dossier::SpellingBatch batch(std::initializer_list<std::pair<const char*, unsigned>> counts) {
  dossier::SpellingBatch b;
  for (const auto& [word, n] : counts)
    for (unsigned i = 0; i < n; ++i) b.add({word});
  return b;
}

}  // namespace

TEST_CASE("spelling ledger: words enter one shard when due, and the rest of their counts come last") {
  const fs::path dir = fs::temp_directory_path() / ("dossier-test-ledger-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto shard = [&](const std::string& name) {
    return Xapian::WritableDatabase((dir / name).string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  };
  dossier::SpellingLedger ledger(2);
  CHECK_FALSE(ledger.has_remainder());

  Xapian::WritableDatabase a = shard("a");
  ledger.flush_shard(batch({{"treaty", 3}, {"embassy", 1}, {"once", 1}}), a);
  a.commit();
  CHECK(spellings(a) == std::map<std::string, unsigned>{{"treaty", 3}});  // "embassy" and "once": 1 document so far

  Xapian::WritableDatabase b = shard("b");
  ledger.flush_shard(batch({{"treaty", 4}, {"embassy", 1}}), b);
  b.commit();
  // "embassy" is due now (2 documents in the run); "treaty" is already in shard a.
  CHECK(spellings(b) == std::map<std::string, unsigned>{{"embassy", 2}});
  CHECK(ledger.has_remainder());

  Xapian::WritableDatabase rest = shard("rest");
  CHECK(ledger.flush_remainder(rest));
  rest.commit();
  CHECK(spellings(rest) == std::map<std::string, unsigned>{{"treaty", 4}});
  CHECK_FALSE(ledger.has_remainder());

  // Merged, as the shards are: every word seen in 2+ documents, with its count.
  Xapian::Database all;
  for (auto* db : {&a, &b, &rest}) {
    db->close();
  }
  for (const char* n : {"a", "b", "rest"}) all.add_database(Xapian::Database((dir / n).string()));
  all.compact((dir / "merged").string());
  CHECK(spellings(Xapian::Database((dir / "merged").string())) ==
        std::map<std::string, unsigned>{{"embassy", 2}, {"treaty", 7}});
  fs::remove_all(dir);
}
