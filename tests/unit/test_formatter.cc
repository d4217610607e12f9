// Tests for searcher/formatter: what a person reads about entity filters, and
// the JSON that keeps every match.
#include "searcher/formatter.h"

#include <sstream>
#include <string>

#include <doctest/doctest.h>

namespace {

dossier::SearchResponse response_with_matches(size_t n) {
  dossier::SearchResponse r;
  dossier::EntityResolution res{"person", "Trump", {}};
  for (size_t i = 0; i < n; ++i) res.matched.push_back("Name " + std::to_string(i));
  r.resolutions.push_back(res);
  r.total = 3;
  r.total_exact = true;
  return r;
}

std::string human(const dossier::SearchResponse& r) {
  std::ostringstream out;
  dossier::print_human(out, r, dossier::SearchRequest(), false);
  return out.str();
}

}  // namespace

TEST_CASE("formatter: an entity filter's matches, most mentioned first, bounded for people") {
  std::string few = human(response_with_matches(3));
  CHECK(few.find("person 'Trump' matched Name 0, Name 1, Name 2\n") != std::string::npos);

  std::string nine = human(response_with_matches(9));  // one more than shown is shown, not summarized
  CHECK(nine.find("Name 8\n") != std::string::npos);
  CHECK(nine.find("less mentioned") == std::string::npos);

  std::string many = human(response_with_matches(922));
  CHECK(many.find("person 'Trump' matched Name 0, Name 1, Name 2, Name 3, Name 4, Name 5, Name 6, Name 7 and 914 "
                  "less mentioned (--json lists all)\n") != std::string::npos);
  CHECK(many.find("Name 8,") == std::string::npos);

  nlohmann::json j = dossier::to_json(response_with_matches(922));
  REQUIRE(j["entity_matches"].size() == 1);
  CHECK(j["entity_matches"][0]["matched"].size() == 922);
  CHECK(j["entity_matches"][0]["matched"][0] == "Name 0");
}
