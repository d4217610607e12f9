#include "indexer/tagger/sequence_weights.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

namespace dossier {

// Byte layout of the uncompressed payload (all integers little-endian):
//   "DNERMODL"  u32 version  u32 labels  u32 desc_len  desc bytes
//   u64 feature_count  f32 step
//   feature_count times: varint key_delta  u16 label_mask  i16 weight per mask bit
//   "DNEREND!"  u32 crc32 of everything before the trailer
// A weight is stored as round(w / step); step = max |w| / 32767.
namespace {

constexpr char kMagic[8] = {'D', 'N', 'E', 'R', 'M', 'O', 'D', 'L'};
constexpr char kTrailer[8] = {'D', 'N', 'E', 'R', 'E', 'N', 'D', '!'};

void PutBytes(std::string* out, const void* p, size_t n) { out->append(static_cast<const char*>(p), n); }
void PutU16(std::string* out, uint16_t v) { char b[2] = {char(v & 0xff), char(v >> 8)}; PutBytes(out, b, 2); }
void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) { out->push_back(static_cast<char>((v & 0x7f) | 0x80)); v >>= 7; }
  out->push_back(static_cast<char>(v));
}

// Bounds-checked reader over the payload; any overrun sets failed().
class Cursor {
 public:
  explicit Cursor(const std::string& s) : p_(s.data()), end_(s.data() + s.size()) {}
  bool Bytes(void* dst, size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) return fail();
    std::memcpy(dst, p_, n);
    p_ += n;
    return true;
  }
  uint64_t Uint(int bytes) {
    unsigned char b[8] = {};
    if (!Bytes(b, bytes)) return 0;
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | b[i];
    return v;
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ >= end_) { fail(); return 0; }
      const unsigned char c = *p_++;
      v |= uint64_t{c & 0x7fu} << shift;
      if (!(c & 0x80)) return v;
    }
    fail();
    return 0;
  }
  size_t remaining() const { return end_ - p_; }
  bool failed() const { return failed_; }

 private:
  bool fail() { failed_ = true; p_ = end_; return false; }
  const char* p_;
  const char* end_;
  bool failed_ = false;
};

}  // namespace

void SequenceWeights::Grow() {
  const size_t cap = slots_.empty() ? 1024 : slots_.size() * 2;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(cap, Slot());
  mask_ = cap - 1;
  for (const Slot& o : old) {
    if (o.key == 0) continue;
    size_t i = o.key & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = o;
  }
}

void SequenceWeights::Set(uint64_t key, const float* row) {
  if (key == 0) key = 1;
  if ((count_ + 1) * 2 > slots_.size()) Grow();
  size_t i = key & mask_;
  while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
  if (slots_[i].key == 0) {
    slots_[i].key = key;
    ++count_;
  }
  std::copy(row, row + kNumNerLabels, slots_[i].row);
}

Status SequenceWeights::Save(const std::string& path, float min_abs_weight) const {
  std::vector<std::pair<uint64_t, const float*>> order;  // (key, row) of kept features
  float max_abs = 0;
  for (const Slot& slot : slots_) {
    if (slot.key == 0) continue;
    bool keep = false;
    for (int l = 0; l < kNumNerLabels; ++l) {
      const float a = std::fabs(slot.row[l]);
      if (a >= min_abs_weight && a != 0) { keep = true; max_abs = std::max(max_abs, a); }
    }
    if (keep) order.emplace_back(slot.key, slot.row);
  }
  std::sort(order.begin(), order.end());
  const float step = max_abs > 0 ? max_abs / 32767.0f : 1.0f;

  std::string out;
  PutBytes(&out, kMagic, 8);
  PutU32(&out, kFormatVersion);
  PutU32(&out, kNumNerLabels);
  PutU32(&out, static_cast<uint32_t>(description_.size()));
  out += description_;
  PutU64(&out, order.size());
  uint32_t step_bits;
  std::memcpy(&step_bits, &step, 4);
  PutU32(&out, step_bits);
  uint64_t prev = 0;
  for (const auto& [key, row] : order) {
    PutVarint(&out, key - prev);
    prev = key;
    uint16_t mask = 0;
    int16_t q[kNumNerLabels];
    for (int l = 0; l < kNumNerLabels; ++l) {
      q[l] = static_cast<int16_t>(std::lround(row[l] / step));
      if (std::fabs(row[l]) >= min_abs_weight && q[l] != 0) mask |= static_cast<uint16_t>(1u << l);
    }
    PutU16(&out, mask);
    for (int l = 0; l < kNumNerLabels; ++l) {
      if (mask & (1u << l)) PutU16(&out, static_cast<uint16_t>(q[l]));
    }
  }
  const uint32_t crc = static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(out.data()), out.size()));
  PutBytes(&out, kTrailer, 8);
  PutU32(&out, crc);

  const std::string tmp = path + ".tmp";
  gzFile f = gzopen(tmp.c_str(), "wb9");
  if (!f) return Status::IOError("cannot write model file " + tmp);
  size_t done = 0;
  while (done < out.size()) {
    const unsigned chunk = static_cast<unsigned>(std::min<size_t>(out.size() - done, 1 << 20));
    if (gzwrite(f, out.data() + done, chunk) != static_cast<int>(chunk)) {
      gzclose(f);
      return Status::IOError("write failed: " + tmp);
    }
    done += chunk;
  }
  if (gzclose(f) != Z_OK) return Status::IOError("write failed: " + tmp);
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::IOError("cannot rename " + tmp + " to " + path + ": " + ec.message());
  return Status::OK();
}

Status SequenceWeights::Load(const std::string& path, SequenceWeights* out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound("NER model file not found: " + path);
  }
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return Status::IOError("cannot open NER model file " + path);
  std::string data;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) data.append(buf, n);
  int err = Z_OK;
  gzerror(f, &err);
  gzclose(f);
  const std::string bad = "NER model file " + path + " is damaged or not a model (";
  if (n < 0 || (err != Z_OK && err != Z_STREAM_END)) return Status::Corruption(bad + "decompression failed)");
  if (data.size() < 8 + 12 + 12 || std::memcmp(data.data(), kMagic, 8) != 0) {
    return Status::Corruption(bad + "bad magic)");
  }
  const size_t body = data.size() - 12;
  if (std::memcmp(data.data() + body, kTrailer, 8) != 0) return Status::Corruption(bad + "truncated)");
  const std::string trailer = data.substr(body + 8);
  Cursor tc(trailer);
  const uint32_t want_crc = static_cast<uint32_t>(tc.Uint(4));
  if (want_crc != static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(data.data()), body))) {
    return Status::Corruption(bad + "checksum mismatch)");
  }
  data.resize(body);
  Cursor c(data);
  char magic[8];
  c.Bytes(magic, 8);
  const uint32_t version = static_cast<uint32_t>(c.Uint(4));
  if (version != kFormatVersion) {
    return Status::Corruption(bad + "format version " + std::to_string(version) + ", expected " +
                              std::to_string(kFormatVersion) + "; retrain with train_ner)");
  }
  if (c.Uint(4) != kNumNerLabels) return Status::Corruption(bad + "label count)");
  const uint64_t desc_len = c.Uint(4);
  if (desc_len > c.remaining()) return Status::Corruption(bad + "description)");
  std::string desc(desc_len, '\0');
  c.Bytes(desc.data(), desc_len);
  const uint64_t count = c.Uint(8);
  const uint32_t step_bits = static_cast<uint32_t>(c.Uint(4));
  float step;
  std::memcpy(&step, &step_bits, 4);
  if (c.failed() || count > c.remaining() / 3 || !(step > 0)) return Status::Corruption(bad + "header)");
  SequenceWeights w;
  w.description_ = std::move(desc);
  uint64_t key = 0;
  float row[kNumNerLabels];
  for (uint64_t i = 0; i < count && !c.failed(); ++i) {
    key += c.Varint();
    const uint64_t mask = c.Uint(2);
    for (int l = 0; l < kNumNerLabels; ++l) {
      row[l] = (mask & (1u << l)) ? static_cast<int16_t>(c.Uint(2)) * step : 0.0f;
    }
    w.Set(key, row);
  }
  if (c.failed() || c.remaining() != 0) return Status::Corruption(bad + "feature table)");
  *out = std::move(w);
  return Status::OK();
}

}  // namespace dossier
