#include "indexer/spelling_blob.h"

#include "common/varint.h"

namespace dossier {

std::string encode_spelling_counts(const SpellingCounts& counts) {
  std::string out;
  for (const auto& [word, n] : counts) {
    put_varint(&out, n);
    put_varint(&out, word.size());
    out += word;
  }
  return out;
}

bool decode_spelling_counts(std::string_view value, SpellingCounts* out) {
  out->clear();
  const auto* p = reinterpret_cast<const unsigned char*>(value.data());
  const auto* end = p + value.size();
  while (p != end) {
    uint32_t n = 0, len = 0;
    if (!(p = read_varint(p, end, &n)) || !(p = read_varint(p, end, &len)) ||
        len > static_cast<size_t>(end - p) || len == 0 || n == 0) {
      out->clear();
      return false;
    }
    out->emplace_back(std::string(reinterpret_cast<const char*>(p), len), n);
    p += len;
  }
  return true;
}

void write_spelling_blob(Xapian::WritableDatabase& db, const std::string& name, const SpellingCounts& counts) {
  if (counts.empty()) return;
  db.set_metadata(std::string(kSpellingBlobPrefix) + name, encode_spelling_counts(counts));
}

size_t apply_spelling_blobs(Xapian::WritableDatabase& db, size_t commit_every) {
  const std::string prefix(kSpellingBlobPrefix);
  std::vector<std::string> keys;  // collected first: deleting while iterating is not safe
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) keys.push_back(*it);
  size_t added = 0, since_commit = 0;
  SpellingCounts counts;
  for (const std::string& key : keys) {
    if (decode_spelling_counts(db.get_metadata(key), &counts)) {
      for (const auto& [word, n] : counts) db.add_spelling(word, n);
      added += counts.size();
      since_commit += counts.size();
    }
    db.set_metadata(key, std::string());  // an empty value deletes the key
    if (commit_every > 0 && since_commit >= commit_every) {
      db.commit();
      since_commit = 0;
    }
  }
  return added;
}

}  // namespace dossier
