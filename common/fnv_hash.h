// 64-bit FNV-1a: the one byte-string hash behind content hashes, entity ids and
// the tagger's in-memory key filters. Entity ids and file hashes are stored in
// databases, so this function must never change.
#pragma once

#include <cstdint>
#include <string_view>

namespace dossier {

inline constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;

// Hashes s; pass a previous result as `h` to continue a hash over several pieces.
inline uint64_t fnv1a64(std::string_view s, uint64_t h = kFnvOffsetBasis) {
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

}  // namespace dossier
