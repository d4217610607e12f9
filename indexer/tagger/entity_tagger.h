// EntityTagger: finds persons, organizations and places in an article and resolves
// each mention to one canonical entity. Gazetteers + rules + a trained sequence
// model; thread-safe after Load() (tag() is const and keeps no shared state).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/entity_names.h"
#include "common/status.h"

namespace dossier {

struct Mention {
  EntityType type;
  std::string surface;     // text as written ("Blinken", "Japanese")
  std::string canonical;   // resolved display name ("Antony Blinken", "Japan")
  size_t begin = 0;        // byte offsets into the tagged text (see tag())
  size_t end = 0;
  std::string role;        // "Secretary of State" when a title preceded the name
  bool demonym = false;    // "Japanese" -> Japan (CoNLL would call it MISC)
};

struct TaggedEntity {
  EntityType type;
  std::string canonical;
  int mentions = 0;
  std::vector<std::string> surfaces;  // distinct surface forms seen, in order
};

struct TagResult {
  std::vector<Mention> mentions;       // in text order
  std::vector<TaggedEntity> entities;  // one per canonical entity
};

class EntityTagger {
 public:
  virtual ~EntityTagger() = default;

  // Loads gazetteers and the model from data_dir (normally DOSSIER_DATA_DIR).
  static Status Load(const std::string& data_dir, std::unique_ptr<EntityTagger>* out);

  // Starts loading in a background thread and returns at once, so that loading
  // (about a tenth of a second) overlaps with listing and reading the articles.
  // ready() waits for it and says whether it worked; tag() waits too.
  static std::unique_ptr<EntityTagger> StartLoading(const std::string& data_dir);

  // OK once the tagger can tag; the load error otherwise (then tag() finds nothing).
  virtual Status ready() const { return Status::OK(); }

  // Tags `text`, an article in language `lang` (an ISO 639 code such as "en",
  // "es" or "pt-BR"; "" when unknown, read as English). Offsets in mentions are
  // byte offsets into `text`. Indexer callers pass title + "\n\n" + body so one
  // article is one coreference scope. The sequence model learned English news:
  // in another language it takes articles and common nouns for names ("la",
  // "Gobierno", "l'OTAN"), so there only the gazetteer and the rules tag.
  virtual TagResult tag(std::string_view text, std::string_view lang) const = 0;
  TagResult tag(std::string_view text) const { return tag(text, ""); }

  // False when data/model/ner.model is absent or unreadable: Load() still succeeds
  // and the tagger runs on gazetteers and rules only (fewer persons and orgs found
  // outside the gazetteer). load_note() then says why, for callers to warn once.
  virtual bool has_model() const = 0;
  virtual const std::string& load_note() const = 0;
};

}  // namespace dossier
