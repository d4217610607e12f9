// SearchRequest / SearchResponse: what a search asks for and what it returns,
// independent of how it is displayed (the formatter's job).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/date.h"

namespace dossier {

struct SearchRequest {
  std::string query;                  // user query; empty browses everything
  std::optional<Date> from, to;       // inclusive bounds
  enum class Sort { kRelevance, kDate } sort = Sort::kRelevance;
  size_t limit = 10;
  size_t offset = 0;
  std::vector<std::string> persons, orgs, places;  // same type ORs, types AND
  std::vector<std::string> facets;    // person, org, place, source, month, year
  size_t facet_limit = 10;
  bool approx_facets = false;         // sample instead of counting every match
  size_t snippet_length = 240;        // characters
  bool snippets = true;               // query-biased snippets (the costliest part of a search)
  std::string lang = "en";            // stemming language of the query words
  std::string highlight_start = "\x02", highlight_end = "\x03";  // formatter replaces these
};

struct SearchHit {
  size_t rank = 0;
  std::string id, title, source, url, path, format;
  std::optional<std::string> date;  // YYYY-MM-DD
  std::vector<std::string> authors, persons, orgs, places;
  double score = 0;
  std::string snippet;  // with highlight markers around matched words
};

struct FacetValue {
  std::string value;
  size_t count = 0;
};

struct Facet {
  std::string name;
  std::vector<FacetValue> values;
  bool approximate = false;
};

// A person/org/place NAME the user gave, and the canonical entities it matched.
struct EntityResolution {
  std::string type;   // "person", "org", "place"
  std::string name;   // as given
  std::vector<std::string> matched;  // canonical names (empty: nothing known by that name)
};

struct SearchResponse {
  std::string query;
  size_t total = 0;            // estimate; exact when total_exact
  bool total_exact = true;
  std::vector<SearchHit> hits;
  std::optional<std::string> suggestion;  // "Did you mean"
  std::vector<Facet> facets;
  std::vector<EntityResolution> resolutions;
  double seconds = 0;
};

}  // namespace dossier
