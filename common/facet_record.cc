#include "common/facet_record.h"

#include <algorithm>
#include <cstdint>

#include "common/index_terms.h"
#include "common/varint.h"

namespace dossier {

namespace {

constexpr size_t kMonthBytes = 2;      // year * 12 + month - 1
constexpr size_t kTextMonthBytes = 7;  // schema 3: "YYYY-MM"
constexpr int kMinYear = 1000, kMaxYear = 4999;  // 4999 * 12 + 11 < 65536

// The number the decimal digits of `s` spell, or -1.
int parse_digits(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

// The month code of "YYYY-MM", or -1.
int month_code(std::string_view month) {
  if (month.size() != kTextMonthBytes || month[4] != '-') return -1;
  const int year = parse_digits(month.substr(0, 4)), m = parse_digits(month.substr(5));
  if (year < kMinYear || year > kMaxYear || m < 1 || m > 12) return -1;
  return year * 12 + m - 1;
}

void put_digits(int n, char* out, int width) {
  for (int i = width - 1; i >= 0; --i, n /= 10) out[i] = static_cast<char>('0' + n % 10);
}

}  // namespace

std::string encode_facet_record(const std::array<std::string, 3>& packed_ids, std::string_view month,
                                RecordIds encoding) {
  std::string out;
  out.reserve(3 + packed_ids[0].size() + packed_ids[1].size() + packed_ids[2].size() + month.size());
  // Hashed ids are whole 4-byte groups; dense ones are whatever their varints took.
  auto id_bytes = [&](const std::string& ids) {
    return encoding == RecordIds::kDense ? ids.size() : ids.size() - ids.size() % kEntityIdBytes;
  };
  for (const auto& ids : packed_ids)
    put_varint(&out, encoding == RecordIds::kDense ? ids.size() : ids.size() / kEntityIdBytes);
  for (const auto& ids : packed_ids) out.append(ids, 0, id_bytes(ids));
  const int code = month_code(month);
  if (code >= 0) {
    out.push_back(static_cast<char>(code & 0xff));
    out.push_back(static_cast<char>(code >> 8));
  }
  return out;
}

std::string FacetRecordView::month_text(int code) {
  std::string text(kTextMonthBytes, '-');
  put_digits(code / 12, text.data(), 4);
  put_digits(code % 12 + 1, text.data() + 5, 2);
  return text;
}

bool decode_facet_record(std::string_view value, RecordIds encoding, FacetRecordView* out) {
  uint32_t counts[3];
  for (uint32_t& n : counts)
    if (!get_varint(&value, &n)) return false;
  FacetRecordView view;
  view.encoding = encoding;
  for (size_t t = 0; t < 3; ++t) {
    const size_t width = encoding == RecordIds::kDense ? 1 : kEntityIdBytes;
    if (counts[t] > value.size() / width) return false;
    view.ids[t] = value.substr(0, counts[t] * width);
    // A dense id list must not end inside a varint.
    if (encoding == RecordIds::kDense && !view.ids[t].empty() && (view.ids[t].back() & 0x80)) return false;
    value.remove_prefix(view.ids[t].size());
  }
  if (value.size() == kMonthBytes) {
    const int code = static_cast<unsigned char>(value[0]) | static_cast<unsigned char>(value[1]) << 8;
    if (code < kMinYear * 12 || code > kMaxYear * 12 + 11) return false;
    view.month_code = code;
  } else if (value.size() == kTextMonthBytes) {
    view.month_code = month_code(value);
    if (view.month_code < 0) return false;
  } else if (!value.empty()) {
    return false;
  }
  *out = view;
  return true;
}

}  // namespace dossier
