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

// Reads a varint of at most 32 bits (5 bytes) at p, before end. Returns the
// byte after it, or nullptr when it runs past end or over 32 bits. Pointers,
// not string_views: the facet counter decodes millions of ids a query.
inline const unsigned char* read_varint(const unsigned char* p, const unsigned char* end, uint32_t* n) {
  if (p == end) return nullptr;
  uint32_t v = *p & 0x7f;
  if (*p++ & 0x80) {
    unsigned char byte;
    int shift = 7;
    do {
      if (p == end || shift > 28) return nullptr;
      byte = *p++;
      if (shift == 28 && (byte & 0x70)) return nullptr;  // over 32 bits
      v |= static_cast<uint32_t>(byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
  }
  *n = v;
  return p;
}

// Reads a varint of at most 32 bits from the front of *in and drops it. False
// (with *in unspecified) when *in ends inside it or it runs over 32 bits.
inline bool get_varint(std::string_view* in, uint32_t* n) {
  const auto* begin = reinterpret_cast<const unsigned char*>(in->data());
  const unsigned char* next = read_varint(begin, begin + in->size(), n);
  if (!next) return false;
  in->remove_prefix(static_cast<size_t>(next - begin));
  return true;
}

}  // namespace dossier
