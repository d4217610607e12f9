#include "searcher/formatter.h"

#include <cstdio>

namespace dossier {
namespace {

constexpr std::string_view kBold = "\x1b[1m", kReset = "\x1b[0m", kDim = "\x1b[2m", kMatch = "\x1b[1;31m",
                           kCyan = "\x1b[36m";

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// The most mentioned names an entity filter matched, and how many more: on a
// large archive one surname can match hundreds of tagged names.
std::string summarize_matches(const std::vector<std::string>& matched) {
  constexpr size_t kShown = 8;
  if (matched.size() <= kShown + 1) return join(matched, ", ");
  std::vector<std::string> first(matched.begin(), matched.begin() + kShown);
  return join(first, ", ") + " and " + std::to_string(matched.size() - kShown) +
         " less mentioned (--json lists all)";
}

std::string human_bytes(uint64_t b) {
  char buf[32];
  if (b >= (1ull << 30)) std::snprintf(buf, sizeof buf, "%.1f GiB", b / 1073741824.0);
  else if (b >= (1ull << 20)) std::snprintf(buf, sizeof buf, "%.1f MiB", b / 1048576.0);
  else std::snprintf(buf, sizeof buf, "%.1f KiB", b / 1024.0);
  return buf;
}

}  // namespace

std::string render_highlights(const std::string& snippet, std::string_view start, std::string_view end) {
  std::string out;
  out.reserve(snippet.size());
  for (char c : snippet) {
    if (c == '\x02') out += start;
    else if (c == '\x03') out += end;
    else out.push_back(c);
  }
  return out;
}

void print_human(std::ostream& out, const SearchResponse& r, const SearchRequest& req, bool color) {
  auto paint = [&](std::string_view code, const std::string& s) {
    return color ? std::string(code) + s + std::string(kReset) : s;
  };
  for (const auto& res : r.resolutions) {
    if (res.matched.empty())
      out << res.type << " '" << res.name << "' matched no known " << res.type << "\n";
    else if (res.matched.size() > 1 || res.matched[0] != res.name)
      out << res.type << " '" << res.name << "' matched " << summarize_matches(res.matched) << "\n";
  }
  if (r.suggestion) out << "Did you mean: " << paint(kBold, *r.suggestion) << "\n";
  size_t shown_from = r.hits.empty() ? 0 : r.hits.front().rank, shown_to = r.hits.empty() ? 0 : r.hits.back().rank;
  out << (r.total_exact ? "" : "about ") << r.total << (r.total == 1 ? " article" : " articles");
  if (!r.hits.empty()) out << ", showing " << shown_from << "-" << shown_to;
  out << "\n";
  for (const auto& h : r.hits) {
    out << "\n" << paint(kBold, std::to_string(h.rank) + ". " + h.title) << "\n";
    std::string meta = h.date ? *h.date : "undated";
    if (!h.source.empty()) meta += " · " + h.source;
    if (!h.authors.empty()) meta += " · " + join(h.authors, ", ");
    out << "   " << paint(kCyan, meta) << "\n";
    out << "   " << paint(kDim, h.path) << "\n";
    if (!h.persons.empty()) out << "   persons: " << join(h.persons, ", ") << "\n";
    std::string snippet = render_highlights(h.snippet, color ? kMatch : "[", color ? kReset : "]");
    if (!snippet.empty()) out << "   " << snippet << "\n";
  }
  for (const auto& f : r.facets) {
    out << "\n" << paint(kBold, f.name) << (f.approximate ? " (approximate: sampled)" : "") << ":";
    if (f.values.empty()) out << " (none)";
    for (const auto& v : f.values) out << "\n   " << v.count << "  " << v.value;
    out << "\n";
  }
  (void)req;
}

nlohmann::json to_json(const SearchResponse& r) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& h : r.hits) {
    results.push_back({
        {"rank", h.rank},
        {"id", h.id},
        {"title", h.title},
        {"date", h.date ? nlohmann::json(*h.date) : nlohmann::json(nullptr)},
        {"source", h.source},
        {"authors", h.authors},
        {"url", h.url},
        {"path", h.path},
        {"format", h.format},
        {"score", h.score},
        {"snippet", render_highlights(h.snippet, "", "")},
        {"persons", h.persons},
        {"orgs", h.orgs},
        {"places", h.places},
    });
  }
  nlohmann::json j = {
      {"query", r.query},
      {"total", r.total},
      {"total_exact", r.total_exact},
      {"results", results},
      {"suggestion", r.suggestion ? nlohmann::json(*r.suggestion) : nlohmann::json(nullptr)},
  };
  if (!r.facets.empty()) {
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& f : r.facets) {
      nlohmann::json values = nlohmann::json::array();
      for (const auto& v : f.values) values.push_back({{"value", v.value}, {"count", v.count}});
      facets[f.name] = values;
    }
    j["facets"] = facets;
    bool approx = false;
    for (const auto& f : r.facets) approx = approx || f.approximate;
    j["facets_approximate"] = approx;
  }
  if (!r.resolutions.empty()) {
    nlohmann::json res = nlohmann::json::array();
    for (const auto& e : r.resolutions) res.push_back({{"type", e.type}, {"name", e.name}, {"matched", e.matched}});
    j["entity_matches"] = res;
  }
  return j;
}

void print_stats_human(std::ostream& out, const DatabaseStats& s) {
  out << "database:   " << s.path << " (" << human_bytes(s.size_bytes) << ")\n";
  out << "articles:   " << s.articles << "\n";
  out << "dates:      " << (s.first_date ? *s.first_date : "-") << " .. " << (s.last_date ? *s.last_date : "-");
  if (s.undated) out << " (" << s.undated << " undated)";
  out << "\nformats:   ";
  for (const auto& [f, n] : s.formats) out << " " << f << " " << n;
  out << "\nentities:   " << s.persons << " persons, " << s.orgs << " organizations, " << s.places << " places\n";
}

nlohmann::json stats_to_json(const DatabaseStats& s) {
  return {
      {"database", s.path},
      {"size_bytes", s.size_bytes},
      {"articles", s.articles},
      {"first_date", s.first_date ? nlohmann::json(*s.first_date) : nlohmann::json(nullptr)},
      {"last_date", s.last_date ? nlohmann::json(*s.last_date) : nlohmann::json(nullptr)},
      {"undated", s.undated},
      {"formats", s.formats},
      {"persons", s.persons},
      {"orgs", s.orgs},
      {"places", s.places},
  };
}

}  // namespace dossier
