// Little-endian base-128 varints (7 bits a byte, high bit set on all but the
// last): the counts and lengths of facet records and the dense entity ids
// they hold (common/facet_record.h), where a small id takes one or two bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier {

inline void put_varint(std::string* out, uint64_t n) {
  while (n >= 0x80) {
    out->push_back(static_cast<char>((n & 0x7f) | 0x80));
    n >>= 7;
  }
  out->push_back(static_cast<char>(n));
}

// Reads a varint of at most 32 bits from the front of *in and drops it. False
// (with *in unspecified) when *in ends inside it or it runs over 5 bytes.
inline bool get_varint(std::string_view* in, uint32_t* n) {
  uint64_t v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (in->empty()) return false;
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) {
      if (v > UINT32_MAX) return false;
      *n = static_cast<uint32_t>(v);
      return true;
    }
  }
  return false;
}

}  // namespace dossier
