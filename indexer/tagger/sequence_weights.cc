#include "indexer/tagger/sequence_weights.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <utility>

#include <sys/mman.h>

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

SequenceWeights::SequenceWeights() = default;
SequenceWeights::~SequenceWeights() { FreeFrozen(); }

SequenceWeights::SequenceWeights(SequenceWeights&& o) noexcept { *this = std::move(o); }

SequenceWeights& SequenceWeights::operator=(SequenceWeights&& o) noexcept {
  if (this == &o) return *this;
  FreeFrozen();
  slots_ = std::move(o.slots_);
  mask_ = std::exchange(o.mask_, 0);
  frozen_ = std::exchange(o.frozen_, nullptr);
  frozen_bytes_ = std::exchange(o.frozen_bytes_, 0);
  frozen_mask_ = std::exchange(o.frozen_mask_, 0);
  step_ = o.step_;
  count_ = std::exchange(o.count_, 0);
  description_ = std::move(o.description_);
  return *this;
}

void SequenceWeights::FreeFrozen() {
  if (frozen_) munmap(frozen_, frozen_bytes_);
  frozen_ = nullptr;
  frozen_bytes_ = 0;
  frozen_mask_ = 0;
}

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
  if (frozen_) {
    // Thaw a loaded table: copy its rows into the training table.
    const FrozenSlot* frozen = frozen_;
    const size_t n = frozen_mask_ + 1;
    frozen_ = nullptr;  // so Set() below writes the training table
    count_ = 0;
    for (size_t i = 0; i < n; ++i) {
      if (frozen[i].key == 0) continue;
      float r[kNumNerLabels];
      for (int l = 0; l < kNumNerLabels; ++l) r[l] = static_cast<float>(frozen[i].q[l]) * step_;
      Set(frozen[i].key, r);
    }
    frozen_ = const_cast<FrozenSlot*>(frozen);
    FreeFrozen();
  }
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

const float* SequenceWeights::Find(uint64_t key) const {
  if (!frozen_) {
    if (slots_.empty()) return nullptr;
    if (key == 0) key = 1;
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.key == key) return slot.row;
      if (slot.key == 0) return nullptr;
    }
  }
  thread_local float row[kNumNerLabels];
  std::fill(row, row + kNumNerLabels, 0.0f);
  return AddTo(key, row) ? row : nullptr;
}

Status SequenceWeights::Save(const std::string& path, float min_abs_weight) const {
  std::vector<std::pair<uint64_t, const float*>> order;  // (key, row) of kept features
  std::vector<Slot> decoded;  // rows of a loaded table, as floats
  if (frozen_) {
    for (size_t i = 0; i <= frozen_mask_; ++i) {
      if (frozen_[i].key == 0) continue;
      Slot& d = decoded.emplace_back();
      d.key = frozen_[i].key;
      for (int l = 0; l < kNumNerLabels; ++l) d.row[l] = static_cast<float>(frozen_[i].q[l]) * step_;
    }
  }
  float max_abs = 0;
  for (const Slot& slot : frozen_ ? decoded : slots_) {
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
  w.step_ = step;
  // Table size: a power of two at most 60% full (short linear probes).
  size_t cap = 1024;
  while (cap * 3 < count * 5) cap *= 2;
  constexpr size_t kHugePage = size_t{2} << 20;
  const size_t bytes = (cap * sizeof(FrozenSlot) + kHugePage - 1) / kHugePage * kHugePage;
  void* mem = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) return Status::IOError("out of memory loading NER model " + path);
  madvise(mem, bytes, MADV_HUGEPAGE);  // a hint: without huge pages it still works
  w.frozen_ = static_cast<FrozenSlot*>(mem);  // zero-filled: every slot empty
  w.frozen_bytes_ = bytes;
  w.frozen_mask_ = cap - 1;
  uint64_t key = 0;
  for (uint64_t i = 0; i < count && !c.failed(); ++i) {
    key += c.Varint();
    const uint64_t mask = c.Uint(2);
    FrozenSlot row{};
    row.key = key == 0 ? 1 : key;
    for (int l = 0; l < kNumNerLabels; ++l) {
      row.q[l] = (mask & (1u << l)) ? static_cast<int16_t>(c.Uint(2)) : int16_t{0};
    }
    size_t slot = row.key & w.frozen_mask_;
    while (w.frozen_[slot].key != 0 && w.frozen_[slot].key != row.key) slot = (slot + 1) & w.frozen_mask_;
    if (w.frozen_[slot].key == 0) ++w.count_;
    w.frozen_[slot] = row;
  }
  if (c.failed() || c.remaining() != 0) return Status::Corruption(bad + "feature table)");
  *out = std::move(w);
  return Status::OK();
}

}  // namespace dossier
