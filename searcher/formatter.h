// Formatter: renders a SearchResponse for people (ranked list with highlighted
// snippets; colour only when writing to a terminal) or machines (one JSON object
// whose shape other tools rely on: keep it stable).
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "searcher/search_request.h"
#include "searcher/searcher.h"

namespace dossier {

void print_human(std::ostream& out, const SearchResponse& response, const SearchRequest& request, bool color);
nlohmann::json to_json(const SearchResponse& response);
void print_stats_human(std::ostream& out, const DatabaseStats& stats);
nlohmann::json stats_to_json(const DatabaseStats& stats);

// Replaces the searcher's highlight markers with `start`/`end` (e.g. ANSI codes or "").
std::string render_highlights(const std::string& snippet, std::string_view start, std::string_view end);

}  // namespace dossier
