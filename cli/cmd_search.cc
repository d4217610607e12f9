// `dossier search QUERY` and `dossier stats`.
#include <iostream>
#include <sstream>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "common/entity_names.h"
#include "searcher/entity_catalog.h"
#include "searcher/facets.h"
#include "searcher/formatter.h"
#include "searcher/searcher.h"

namespace dossier {
namespace {

struct SearchArgs {
  std::string query;
  std::string db = "dossier-db";
  std::string from, to, sort = "relevance";
  size_t limit = 10, offset = 0, facet_limit = 10;
  std::vector<std::string> persons, orgs, places;
  std::string facets;
  bool facets_given = false;
  bool approx_facets = false;
  bool json = false;
  std::string color = "auto";
  std::string lang = "en";
  bool no_snippets = false;
};

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

void run_search(const SearchArgs& args) {
  SearchRequest req;
  req.query = args.query;
  if (!args.from.empty() && !(req.from = parse_date_bound(args.from, false)))
    fail("--from '" + args.from + "' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD", 2);
  if (!args.to.empty() && !(req.to = parse_date_bound(args.to, true)))
    fail("--to '" + args.to + "' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD", 2);
  if (req.from && req.to && *req.to < *req.from)
    fail("--from " + args.from + " is after --to " + args.to + "; swap them", 2);
  req.sort = args.sort == "date" ? SearchRequest::Sort::kDate : SearchRequest::Sort::kRelevance;
  req.limit = args.limit;
  req.offset = args.offset;
  req.persons = args.persons;
  req.orgs = args.orgs;
  req.places = args.places;
  // Facets are counted by default; --facets "" turns them off.
  req.facets = args.facets_given ? split_list(args.facets) : std::vector<std::string>{"person", "place", "org", "month"};
  for (const auto& f : req.facets) {
    if (!is_known_facet(f))
      fail("--facets: unknown facet '" + f + "'; choose from person, org, place, source, month, year", 2);
  }
  req.facet_limit = args.facet_limit;
  req.approx_facets = args.approx_facets;
  req.lang = args.lang;
  req.snippets = !args.no_snippets;

  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open(args.db, &searcher);
  if (!s.ok()) fail(s);
  SearchResponse resp;
  s = searcher->search(req, &resp);
  if (!s.ok()) fail(s);
  if (args.json) {
    std::cout << to_json(resp).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
  } else {
    bool color = args.color == "always" || (args.color == "auto" && stdout_is_tty());
    print_human(std::cout, resp, req, color);
  }
}

struct EntitiesArgs {
  std::string db = "dossier-db";
  std::string type, prefix;
  size_t limit = 50;
  bool json = false;
};

void run_entities(const EntitiesArgs& args) {
  std::optional<EntityType> type;
  if (!args.type.empty() && !(type = entity_type_from_name(args.type)))
    fail("--type '" + args.type + "' is not an entity type; use person, org or place", 2);
  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open(args.db, &searcher);
  if (!s.ok()) fail(s);
  std::vector<EntityInfo> list;
  try {
    list = list_entities(searcher->database(), type, args.prefix, args.limit);
  } catch (const Xapian::Error& e) {
    fail("cannot read entities from " + args.db + ": " + e.get_msg());
  }
  if (args.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& e : list)
      arr.push_back({{"name", e.name}, {"type", entity_type_name(e.type)}, {"count", e.count}, {"aliases", e.aliases}});
    std::cout << nlohmann::json{{"entities", arr}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
    return;
  }
  for (const auto& e : list) {
    std::cout << e.count << "\t" << entity_type_name(e.type) << "\t" << e.name;
    if (!e.aliases.empty()) {
      std::cout << "\t(";
      for (size_t i = 0; i < e.aliases.size(); ++i) std::cout << (i ? ", " : "") << e.aliases[i];
      std::cout << ")";
    }
    std::cout << "\n";
  }
}

void run_stats(const std::string& db, bool json) {
  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open(db, &searcher);
  if (!s.ok()) fail(s);
  DatabaseStats stats;
  s = searcher->stats(&stats);
  if (!s.ok()) fail(s);
  if (json) std::cout << stats_to_json(stats).dump(2) << std::endl;
  else print_stats_human(std::cout, stats);
}

}  // namespace

void register_search_command(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "Search the index (words, \"phrases\", AND/OR/NOT, title:, source:, date:A..B, person:, org:, place:)");
  cmd->add_option("QUERY", args->query, "Query; empty (\"\") browses newest first")->required();
  cmd->add_option("--db", args->db, "Database path")->capture_default_str();
  cmd->add_option("--from", args->from, "Earliest date: YYYY, YYYY-MM or YYYY-MM-DD (inclusive)");
  cmd->add_option("--to", args->to, "Latest date: YYYY, YYYY-MM or YYYY-MM-DD (inclusive; 2023-11 = through Nov 30)");
  cmd->add_option("--sort", args->sort, "relevance or date (newest first)")
      ->check(CLI::IsMember({"relevance", "date"}))->capture_default_str();
  cmd->add_option("--limit", args->limit, "Results to show")->check(CLI::Range(0, 10000))->capture_default_str();
  cmd->add_option("--offset", args->offset, "Results to skip")->check(CLI::Range(0, 100000000))->capture_default_str();
  cmd->add_option("--person", args->persons, "Only articles mentioning this person (repeatable; any alias or surname)");
  cmd->add_option("--org", args->orgs, "Only articles mentioning this organization (repeatable)");
  cmd->add_option("--place", args->places, "Only articles mentioning this place (repeatable)");
  cmd->add_option_function<std::string>(
      "--facets", [args](const std::string& v) { args->facets = v; args->facets_given = true; },
      "Facets to count: person,org,place,source,month,year (default person,place,org,month; \"\" for none)");
  cmd->add_option("--facet-limit", args->facet_limit, "Values per facet")->check(CLI::Range(1, 10000))->capture_default_str();
  cmd->add_flag("--approx-facets", args->approx_facets, "Count facets on a sample of large result sets (faster)");
  cmd->add_option("--lang", args->lang, "Stemming language of the query (en, es, fr, de, ...)")->capture_default_str();
  cmd->add_flag("--no-snippets", args->no_snippets, "List results without snippets (faster)");
  cmd->add_flag("--json", args->json, "Print one JSON object");
  cmd->add_option("--color", args->color, "auto, always or never")->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->callback([args] { run_search(*args); });
}

void register_entities_command(CLI::App& app) {
  auto args = std::make_shared<EntitiesArgs>();
  CLI::App* cmd = app.add_subcommand("entities", "Known persons, organizations and places, most mentioned first");
  cmd->add_option("--db", args->db, "Database path")->capture_default_str();
  cmd->add_option("--type", args->type, "person, org or place");
  cmd->add_option("--prefix", args->prefix, "Only names (or aliases) with a word starting with this");
  cmd->add_option("--limit", args->limit, "Entities to list")->check(CLI::Range(1, 1000000))->capture_default_str();
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->callback([args] { run_entities(*args); });
}

void register_stats_command(CLI::App& app) {
  auto db = std::make_shared<std::string>("dossier-db");
  auto json = std::make_shared<bool>(false);
  CLI::App* stats = app.add_subcommand("stats", "Article count, date range, formats and size of a database");
  stats->add_option("--db", *db, "Database path")->capture_default_str();
  stats->add_flag("--json", *json, "Print JSON");
  stats->callback([db, json] { run_stats(*db, *json); });
}

}  // namespace dossier
