// Spelling counts carried through shards as metadata, applied once at the merge.
//
// Xapian builds a word's n-gram fragments whenever the word is new to a
// database's spelling table, and writes and deflates each changed fragment
// list at every commit; the compactor then merges the lists of every shard
// again. With shards of 250 articles that was about a tenth of a bulk run's
// CPU (37,554 articles: the same 80,093 words built into one new database take
// 0.8 s). So a bulk run's shards hold their spelling counts as one metadata
// value each (a "blob"), which compaction carries into the merged database,
// and apply_spelling_blobs() adds them there, each word's fragments once, and
// deletes the blobs before the database is published. A blob lives in a
// complete shard, so a resumed run still applies it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <xapian.h>

namespace dossier {

using SpellingCounts = std::vector<std::pair<std::string, unsigned>>;  // word, documents

inline constexpr std::string_view kSpellingBlobPrefix = "dossier:spelling-counts:";

std::string encode_spelling_counts(const SpellingCounts& counts);
// False (and `out` cleared) for a value not written by encode_spelling_counts.
bool decode_spelling_counts(std::string_view value, SpellingCounts* out);

// Stores `counts` (if any) under kSpellingBlobPrefix + `name`; the name must be
// unique among the shards one merge sees (the shard's file name is).
void write_spelling_blob(Xapian::WritableDatabase& db, const std::string& name, const SpellingCounts& counts);

// Adds every blob's counts to db's spelling table and deletes the blobs,
// committing every `commit_every` words to bound Xapian's in-memory changes
// (the caller commits the rest). Returns the number of words added. A blob
// that does not decode is deleted unread: spelling data is a convenience,
// never a reason to fail a merge. Throws Xapian::Error.
size_t apply_spelling_blobs(Xapian::WritableDatabase& db, size_t commit_every = 200000);

}  // namespace dossier
