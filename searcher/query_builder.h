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

}  // namespace dossier
