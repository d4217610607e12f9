// DocumentBuilder: turns one finalized (and optionally tagged) article into a
// Xapian document following common/schema.h: stemmed positional text terms,
// boolean filter terms, value slots for dates and facets, and the stored record
// the searcher displays. Stateless apart from per-thread stemmer caches.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <xapian.h>

#include "common/article.h"
#include "common/index_terms.h"
#include "indexer/entity_id_registry.h"
#include "indexer/tagger/entity_tagger.h"

namespace dossier {

struct BuiltDocument {
  Xapian::Document doc;
  std::string id_term;                     // "Q..." unique id term
  std::vector<std::string> spelling_words; // distinct words for the spelling table
  std::vector<MetadataEntry> metadata;     // entity dictionary entries (index_terms.h)
};

// A fresh number for each BuildOptions (see dictionary_scope).
uint64_t new_dictionary_scope();

struct BuildOptions {
  bool spelling = true;             // collect words for "Did you mean"
  size_t max_stored_body = 64 * 1024;  // body bytes kept in the record for snippets
  // Entity dictionary entries (metadata) are emitted once per scope and thread:
  // use one BuildOptions for all the documents going into one database, and a
  // new one for another database.
  uint64_t dictionary_scope = new_dictionary_scope();
  // The database's dense entity ids (schema 5), which its facet records hold;
  // null for a schema 3 or 4 database, whose records hold hashed ids. One
  // registry per scope: the ids are cached with the dictionary entries.
  EntityIdRegistry* entity_ids = nullptr;
};

BuiltDocument build_document(const Article& article, const TagResult* tags, const BuildOptions& options = {});

// The unique-id term for an article id (hashed when too long for a Xapian term).
std::string id_term_for(const std::string& id);
// The boolean term naming a source file (for incremental updates and removal).
std::string path_term_for(const std::string& path);

}  // namespace dossier
