// PhraseTable (indexer/tagger/phrase_table.h): exact phrase lookup over token keys,
// the index behind the gazetteer's alias and title matching.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/tagger/phrase_table.h"

using dossier::fnv1a64;
using dossier::kFnvOffsetBasis;
using dossier::PhraseTable;

namespace {

int Lookup(const PhraseTable& t, const std::vector<std::string>& keys, size_t start, size_t len) {
  uint64_t hashes[PhraseTable::kMaxTokens];
  PhraseTable::PrefixHashes(keys, start, len, hashes);
  CHECK(hashes[len - 1] == PhraseTable::Hash(keys, start, len));
  return t.Find(hashes[len - 1], keys, start, len);
}

}  // namespace

TEST_CASE("phrase table: whole phrases only, at any offset") {
  PhraseTable t;
  CHECK(t.empty());
  t.Insert("secretary of state", 7);
  t.Insert("state", 3);
  t.Insert("state", 9);  // a second insert keeps the first value
  const std::vector<std::string> keys = {"the", "secretary", "of", "state", "said"};
  CHECK(Lookup(t, keys, 1, 3) == 7);
  CHECK(Lookup(t, keys, 1, 2) == -1);  // a prefix of an entry is no entry
  CHECK(Lookup(t, keys, 3, 1) == 3);
  CHECK(Lookup(t, keys, 0, 4) == -1);
  CHECK(Lookup(t, keys, 3, 2) == -1);
  // Same words, different spacing: "secretaryof state" is another phrase.
  const std::vector<std::string> glued = {"secretaryof", "state"};
  CHECK(Lookup(t, glued, 0, 2) == -1);
}

TEST_CASE("phrase table: stays exact as it grows past its first size") {
  PhraseTable t;
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back(std::to_string(i) + "w");
  for (int i = 0; i + 1 < 5000; i += 2) {
    std::string phrase = keys[i];
    phrase += ' ';
    phrase += keys[i + 1];
    t.Insert(phrase, i);
  }
  for (int i = 0; i + 1 < 5000; i += 2) {
    REQUIRE(Lookup(t, keys, i, 2) == i);
    REQUIRE(Lookup(t, keys, i + 1, 1) == -1);
  }
  CHECK(Lookup(t, keys, 1, 2) == -1);
}

TEST_CASE("phrase table: Upsert gives one value per phrase to combine, and Extend hashes as Hash does") {
  PhraseTable t;
  t.Upsert("north korea", 0) |= 1;
  t.Upsert("north korea", 0) |= 4;
  t.Upsert("north", 0);
  const std::vector<std::string_view> words = {"in", "north", "korea"};
  CHECK(t.Find(PhraseTable::Hash(words, 1, 2), words, 1, 2) == 5);
  CHECK(t.Find(PhraseTable::Hash(words, 1, 1), words, 1, 1) == 0);  // a prefix, with no value bits
  CHECK(t.Find(PhraseTable::Hash(words, 0, 1), words, 0, 1) == -1);
  uint64_t h = PhraseTable::Extend(kFnvOffsetBasis, "north", true);
  h = PhraseTable::Extend(h, "korea", false);
  CHECK(h == fnv1a64("north korea"));
}
