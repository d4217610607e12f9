// Helpers of the tagger's acceptance tests: the project's tagger (data/
// gazetteers and model) and what it found, by type.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "indexer/tagger/entity_tagger.h"

namespace dossier::test {

inline std::unique_ptr<EntityTagger> project_tagger() {
  std::unique_ptr<EntityTagger> t;
  Status s = EntityTagger::Load(DOSSIER_DATA_DIR, &t);
  REQUIRE_MESSAGE(s.ok(), s.message());
  if (!t->has_model()) MESSAGE("tagger without model: " << t->load_note());
  return t;
}

// The project tagger when its model is there; else null, with a message saying
// the test is skipped.
inline std::unique_ptr<EntityTagger> project_tagger_with_model() {
  auto t = project_tagger();
  if (t->has_model()) return t;
  MESSAGE("skipped: no model in " << DOSSIER_DATA_DIR);
  return nullptr;
}

inline std::set<std::string> names(const TagResult& r, EntityType type) {
  std::set<std::string> out;
  for (const auto& e : r.entities) if (e.type == type) out.insert(e.canonical);
  return out;
}

inline int count_of_type(const TagResult& r, EntityType type, std::string_view canonical) {
  for (const auto& e : r.entities)
    if (e.type == type && e.canonical == canonical) return e.mentions;
  return 0;
}

}  // namespace dossier::test
