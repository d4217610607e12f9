#include "common/facet_record.h"

#include <cstdint>

#include "common/index_terms.h"

namespace dossier {

namespace {

void put_varint(std::string* out, size_t n) {
  while (n >= 0x80) {
    out->push_back(static_cast<char>((n & 0x7f) | 0x80));
    n >>= 7;
  }
  out->push_back(static_cast<char>(n));
}

bool get_varint(std::string_view* in, size_t* n) {
  size_t v = 0;
  for (int shift = 0; shift < 35; shift += 7) {  // at most 5 bytes: counts fit 32 bits
    if (in->empty()) return false;
    const auto byte = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    v |= static_cast<size_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) {
      *n = v;
      return true;
    }
  }
  return false;
}

constexpr size_t kMonthBytes = 7;  // "YYYY-MM"

}  // namespace

std::string encode_facet_record(const std::array<std::string, 3>& packed_ids, std::string_view month) {
  std::string out;
  out.reserve(3 + packed_ids[0].size() + packed_ids[1].size() + packed_ids[2].size() + month.size());
  for (const auto& ids : packed_ids) put_varint(&out, ids.size() / kEntityIdBytes);
  for (const auto& ids : packed_ids) out.append(ids, 0, ids.size() - ids.size() % kEntityIdBytes);
  out.append(month);
  return out;
}

bool decode_facet_record(std::string_view value, FacetRecordView* out) {
  size_t counts[3];
  for (size_t& n : counts)
    if (!get_varint(&value, &n)) return false;
  FacetRecordView view;
  for (size_t t = 0; t < 3; ++t) {
    if (counts[t] > value.size() / kEntityIdBytes) return false;
    view.ids[t] = value.substr(0, counts[t] * kEntityIdBytes);
    value.remove_prefix(view.ids[t].size());
  }
  if (!value.empty() && value.size() != kMonthBytes) return false;
  view.month = value;
  *out = view;
  return true;
}

}  // namespace dossier
