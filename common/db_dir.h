// What a --db directory holds before its first database is published: an
// indexer takes its lock file and writes a first generation folder, and only
// then names it in the Xapian stub (indexer/db_layout.h). A run killed in
// between leaves just those, which is no database yet, not a foreign folder.
#pragma once

#include <string>

namespace dossier {

// The indexer's lock file in every --db directory.
inline constexpr const char* kIndexerLockName = "dossier-indexer.lock";

// True when `dir` is a directory holding nothing but the indexer's lock file
// and generation folders ("gen-..."): a first index run begun and not yet
// published (running, or stopped before it could).
bool database_not_yet_created(const std::string& dir);

}  // namespace dossier
