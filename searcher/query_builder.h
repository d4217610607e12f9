// QueryBuilder: turns a user's query string and filters into a Xapian::Query,
// using one QueryParser configured from common/schema.h (fields title:, source:,
// date:, person:, org:, place:), stemming like the indexer (Z-prefixed stems),
// wildcards, and the --from/--to and entity filters.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "common/status.h"
#include "searcher/entity_resolver.h"
#include "searcher/search_request.h"

namespace dossier {

struct BuiltQuery {
  Xapian::Query query;
  std::string corrected;                     // spelling correction of the query, if any
  std::vector<EntityResolution> resolutions; // how entity NAMEs were resolved
};

// Builds the query for `request` against `db`. A syntax error or bad date in the
// query comes back as InvalidArgument naming the problem.
Status build_query(const Xapian::Database& db, const SearchRequest& request, BuiltQuery* out);

// `query` with the terms of each of its phrases also added with zero weight, so
// that MSet::snippet, which compares a tight phrase's terms with the text's
// words unstemmed, sees them as loose terms and highlights the phrase. Matches
// and ranking stay the same. build_query() applies it; the benchmark's floor
// with snippets uses it to make snippets the way Dossier does.
Xapian::Query with_phrase_words_for_snippets(const Xapian::Query& query);

}  // namespace dossier
