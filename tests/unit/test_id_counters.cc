// Tests for the facet counters of searcher/facets.h: IdCounter (a flat hash
// table of counts) and DenseIdCounter (a table, then an array indexed by id)
// count every key exactly, across growth, the switch and merges.
#include <cstdint>
#include <map>
#include <random>

#include <doctest/doctest.h>

#include "searcher/facets.h"

TEST_CASE("facet counters: IdCounter counts every key exactly, across growth and reserve") {
  std::mt19937_64 rng(7);
  std::map<uint64_t, uint32_t> expected;
  dossier::IdCounter<uint64_t> counter;
  counter.reserve(100);
  for (int i = 0; i < 50000; ++i) {
    // Few distinct high bits and key 0 included: keys that share a home slot.
    uint64_t key = (i % 3 == 0) ? (rng() % 5000) << 40 : rng() % 20000;
    counter.add(key);
    ++expected[key];
  }
  std::map<uint64_t, uint32_t> got;
  counter.for_each([&](uint64_t k, uint32_t c) { got[k] = c; });
  CHECK(got == expected);
  CHECK(counter.size() == expected.size());

  // 32-bit keys (entity ids), through several doublings from the smallest
  // table; their home slot is their low bits, which four in five share.
  std::map<uint32_t, uint32_t> expected32;
  dossier::IdCounter<uint32_t> counter32;
  for (int i = 0; i < 200000; ++i) {
    uint32_t key = (i % 5 == 0) ? static_cast<uint32_t>(rng()) : static_cast<uint32_t>(rng() % 3000) << 20;
    counter32.add(key, 1 + i % 3);
    expected32[key] += 1 + i % 3;
  }
  std::map<uint32_t, uint32_t> got32;
  counter32.for_each([&](uint32_t k, uint32_t c) { got32[k] = c; });
  CHECK(got32 == expected32);
  CHECK(counter32.size() == expected32.size());
}

TEST_CASE("facet counters: DenseIdCounter counts exactly in its table, its array, and across the switch and merges") {
  std::mt19937 rng(11);
  // Skewed small ids as dense ids are (the common entities come first), a few
  // beyond any array (from a damaged record), and a counter that stays small.
  auto fill = [&](dossier::DenseIdCounter* c, std::map<uint32_t, uint32_t>* expected, int n, uint32_t range) {
    for (int i = 0; i < n; ++i) {
      uint32_t id = (i % 3 == 0) ? static_cast<uint32_t>(rng() % 200) : static_cast<uint32_t>(rng() % range);
      if (i % 5000 == 4999) id = 0xFFFFFFF0u - static_cast<uint32_t>(i);
      c->add(id);
      ++(*expected)[id];
    }
  };
  auto counts = [](const dossier::DenseIdCounter& c) {
    std::map<uint32_t, uint32_t> m;
    c.for_each([&](uint32_t id, uint32_t n) { m[id] += n; });
    return m;
  };
  dossier::DenseIdCounter big, small, other_big;
  std::map<uint32_t, uint32_t> e_big, e_small, e_other;
  fill(&big, &e_big, 200000, 90000);    // well past the switch to an array
  fill(&small, &e_small, 3000, 1000000);  // fewer distinct ids than the switch
  fill(&other_big, &e_other, 50000, 150000);
  CHECK(counts(big) == e_big);
  CHECK(counts(small) == e_small);
  CHECK(counts(other_big) == e_other);
  // Merges in every combination: array into table, table into array, array into array.
  dossier::DenseIdCounter merged = small;
  merged.merge(big);
  merged.merge(other_big);
  merged.merge(small);
  std::map<uint32_t, uint32_t> e_merged = e_big;
  for (const auto* e : {&e_small, &e_other, &e_small})
    for (const auto& [id, n] : *e) e_merged[id] += n;
  CHECK(counts(merged) == e_merged);
}
