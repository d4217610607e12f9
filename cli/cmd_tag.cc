// `dossier tag [FILE|-] [--json]`: shows the persons, organizations and places the
// entity tagger finds in one article file, with canonical names, character
// offsets and per-entity counts: the tagger's view of what the indexer stores.
#include <iostream>
#include <iterator>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "common/text.h"
#include "indexer/file_reader.h"
#include "indexer/tagger/entity_tagger.h"

namespace dossier {
namespace {

struct TagArgs {
  std::string file = "-";
  bool json = false;
};

// The text the indexer tags: title and body as one coreference scope.
std::string tagged_text(const Article& a) {
  if (a.title.empty()) return a.body;
  if (a.body.empty()) return a.title;
  return a.title + "\n\n" + a.body;
}

ReadResult read_input(const std::string& file) {
  if (file != "-") return read_article_file(file);
  std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  std::string encoding;
  std::string text = to_utf8(bytes, &encoding);
  ReadResult r = read_text(text, "-");
  for (Article& a : r.articles) finalize_article(a, false, &r.warnings);
  return r;
}

// Converts mention byte offsets (ascending begins) to code point offsets.
struct CharOffsets {
  std::string_view text;
  size_t byte = 0, chars = 0;
  size_t at(size_t target) {
    if (target < byte) byte = chars = 0;
    for (; byte < target && byte < text.size(); ++byte) {
      if ((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80) ++chars;
    }
    return chars;
  }
};

nlohmann::ordered_json article_json(const Article& a, const TagResult& r, const std::string& text) {
  nlohmann::ordered_json out;
  out["file"] = a.path;
  if (!a.title.empty()) out["title"] = a.title;
  out["date"] = a.date ? nlohmann::ordered_json(a.date->iso()) : nlohmann::ordered_json(nullptr);
  if (a.date) out["date_origin"] = a.date_origin;
  out["mentions"] = nlohmann::ordered_json::array();
  CharOffsets begins{text}, ends{text};
  for (const Mention& m : r.mentions) {
    nlohmann::ordered_json j = {{"type", entity_type_name(m.type)}, {"surface", m.surface}, {"canonical", m.canonical},
                        {"begin", begins.at(m.begin)}, {"end", ends.at(m.end)}};
    if (!m.role.empty()) j["role"] = m.role;
    if (m.demonym) j["demonym"] = true;
    out["mentions"].push_back(std::move(j));
  }
  out["entities"] = nlohmann::ordered_json::array();
  for (const TaggedEntity& e : r.entities) {
    out["entities"].push_back({{"type", entity_type_name(e.type)}, {"name", e.canonical},
                               {"mentions", e.mentions}, {"surfaces", e.surfaces}});
  }
  return out;
}

void print_human(const Article& a, const TagResult& r, const std::string& text) {
  std::cout << "file: " << a.path << "\n";
  if (!a.title.empty()) std::cout << "title: " << a.title << "\n";
  std::cout << "date: " << (a.date ? a.date->iso() + " (from " + a.date_origin + ")" : "none found") << "\n";
  std::cout << "\nmentions (" << r.mentions.size() << "; offsets in characters of title + blank line + body):\n";
  CharOffsets begins{text}, ends{text};
  for (const Mention& m : r.mentions) {
    std::string type(entity_type_name(m.type));
    type.resize(7, ' ');
    std::string range = "[" + std::to_string(begins.at(m.begin)) + "," + std::to_string(ends.at(m.end)) + ")";
    range.resize(12, ' ');
    std::cout << "  " << type << range << m.surface;
    if (m.canonical != m.surface) std::cout << " -> " << m.canonical;
    if (!m.role.empty()) std::cout << "  (role: " << m.role << ")";
    if (m.demonym) std::cout << "  (demonym)";
    std::cout << "\n";
  }
  std::cout << "\nentities (" << r.entities.size() << "):\n";
  for (EntityType t : {EntityType::kPerson, EntityType::kOrg, EntityType::kPlace}) {
    for (const TaggedEntity& e : r.entities) {
      if (e.type != t) continue;
      std::string type(entity_type_name(e.type));
      type.resize(7, ' ');
      std::cout << "  " << type << e.canonical << "  x" << e.mentions;
      if (e.surfaces.size() > 1 || (e.surfaces.size() == 1 && e.surfaces[0] != e.canonical)) {
        std::cout << "  (as ";
        for (size_t i = 0; i < e.surfaces.size(); ++i) std::cout << (i ? ", " : "") << e.surfaces[i];
        std::cout << ")";
      }
      std::cout << "\n";
    }
  }
}

void run_tag(const TagArgs& args) {
  ReadResult read = read_input(args.file);
  if (!read.status.ok()) {
    const std::string& msg = read.status.message();
    fail(msg.find(args.file) == std::string::npos ? args.file + ": " + msg : msg);
  }
  for (const ReadWarning& w : read.warnings) {
    std::cerr << "dossier: warning: " << w.path << (w.line ? ":" + std::to_string(w.line) : "") << ": "
              << w.message << "\n";
  }
  if (read.articles.empty()) fail(args.file + ": no article found in the file");
  std::unique_ptr<EntityTagger> tagger;
  Status s = EntityTagger::Load(data_dir(), &tagger);
  if (!s.ok()) fail(s);
  if (!tagger->has_model()) std::cerr << "dossier: warning: " << tagger->load_note() << "\n";

  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (size_t i = 0; i < read.articles.size(); ++i) {
    const Article& a = read.articles[i];
    std::string text = tagged_text(a);
    TagResult r = tagger->tag(text, a.lang);
    if (args.json) {
      all.push_back(article_json(a, r, text));
    } else {
      if (i > 0) std::cout << "\n----\n\n";
      print_human(a, r, text);
    }
  }
  if (args.json) std::cout << (all.size() == 1 ? all[0] : all).dump(2) << "\n";
}

}  // namespace

void register_tag_command(CLI::App& app) {
  auto args = std::make_shared<TagArgs>();
  CLI::App* cmd = app.add_subcommand(
      "tag", "Show the persons, organizations and places found in an article file");
  cmd->add_option("file", args->file, "Article file (.txt .md .json .jsonl .html, optionally .gz), or - for stdin")
      ->default_val("-");
  cmd->add_flag("--json", args->json,
                "JSON output: {file, date, mentions[{type, surface, canonical, begin, end, role?}], "
                "entities[{type, name, mentions, surfaces}]}; an array when the file holds several articles. "
                "begin/end are code point offsets into title + \"\\n\\n\" + body");
  cmd->footer(
      "Offsets count Unicode characters (code points) in the article's title, a blank line, then the body.\n"
      "Without data/model/ner.model the tagger uses gazetteers and rules only (a warning says so).");
  cmd->callback([args] { run_tag(*args); });
}

}  // namespace dossier
