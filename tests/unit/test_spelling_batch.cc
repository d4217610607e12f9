// Tests for indexer/spelling_batch: per-word document counts across many
// documents (past the table's first growth), the min_frequency cut at flush,
// and starting over after a flush.
#include "indexer/spelling_batch.h"

#include <filesystem>
#include <map>
#include <string>

#include <unistd.h>

#include <doctest/doctest.h>
#include <xapian.h>

namespace fs = std::filesystem;

TEST_CASE("spelling batch: counts documents per word, also past many distinct words") {
  dossier::SpellingBatch b;
  CHECK(b.empty());
  b.add({"treaty", "embassy"});
  b.add({"treaty"});
  b.add({"treaty", "sanctions"});
  CHECK(b.count("treaty") == 3);
  CHECK(b.count("embassy") == 1);
  CHECK(b.count("sanctions") == 1);
  CHECK(b.count("treat") == 0);  // a prefix is another word
  CHECK(b.count("") == 0);

  // 20,000 distinct words (the table grows several times); word i in i % 7 + 1 documents.
  std::map<std::string, unsigned> expected{{"treaty", 3}, {"embassy", 1}, {"sanctions", 1}};
  for (int i = 0; i < 20000; ++i) {
    std::string w(1, 'w');
    w += std::to_string(i);
    for (int d = 0; d <= i % 7; ++d) b.add({w});
    expected[w] = static_cast<unsigned>(i % 7 + 1);
  }
  std::map<std::string, unsigned> seen;
  b.for_each([&](std::string_view w, unsigned n) { CHECK(seen.emplace(std::string(w), n).second); });
  CHECK(seen == expected);
  CHECK(b.size() == expected.size());

  b.clear();
  CHECK(b.empty());
  CHECK(b.count("treaty") == 0);
  b.add({"treaty"});
  CHECK(b.count("treaty") == 1);
}

TEST_CASE("spelling batch: flush writes the words seen in min_frequency documents, with their counts") {
  const fs::path dir = fs::temp_directory_path() / ("dossier-test-spelling-batch-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
  dossier::SpellingBatch b(2);
  b.add({"ministers", "resumed"});
  b.add({"ministers", "talks"});
  b.add({"ministers", "talks", "once"});
  b.flush(db);
  CHECK(b.empty());
  db.commit();
  std::map<std::string, unsigned> got;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) got[*it] = it.get_termfreq();
  CHECK(got == std::map<std::string, unsigned>{{"ministers", 3}, {"talks", 2}});
  CHECK(db.get_spelling_suggestion("minsters") == "ministers");
  db.close();
  fs::remove_all(dir);
}
