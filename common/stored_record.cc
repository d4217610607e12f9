#include "common/stored_record.h"

#include <zstd.h>

#include "common/schema.h"

namespace dossier {
namespace {

// Field, list-item and section separators: ASCII control characters that never
// occur in cleaned text (clean() replaces them).
constexpr char kField = '\x1f';
constexpr char kItem = '\x1d';
constexpr char kSection = '\x1e';
// R1: the text and extra-fields sections stored as is. R2: those two sections
// as one zstd frame after the first section separator, once they reach
// kMinCompressBytes. Records written before the text slot (stored_record.h)
// hold the text there; now the text section is empty and R2 only serves
// articles with many extra fields. Both versions are read.
constexpr std::string_view kVersion = "R1";
constexpr std::string_view kVersionCompressed = "R2";
constexpr size_t kMinCompressBytes = 200;   // shorter sections gain nothing
constexpr int kZstdLevel = 3;
constexpr size_t kMaxTextBytes = size_t{256} << 20;  // a bound against damaged frames

// One compression and one decompression context per thread: creating them is
// the costly part of compressing a few kilobytes.
struct ZstdContexts {
  ZSTD_CCtx* c = ZSTD_createCCtx();
  ZSTD_DCtx* d = ZSTD_createDCtx();
  ZstdContexts() {
    ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, kZstdLevel);
    ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1);  // a damaged frame reads as no text, not garbage
  }
  ~ZstdContexts() {
    ZSTD_freeCCtx(c);
    ZSTD_freeDCtx(d);
  }
};
ZstdContexts& zstd_contexts() {
  thread_local ZstdContexts contexts;
  return contexts;
}

// Appends the zstd frame of `in` to `out`; false (out unchanged) on failure.
bool append_compressed(std::string& out, std::string_view in) {
  const size_t start = out.size();
  out.resize(start + ZSTD_compressBound(in.size()));
  size_t n = ZSTD_compress2(zstd_contexts().c, out.data() + start, out.size() - start, in.data(), in.size());
  if (ZSTD_isError(n)) {
    out.resize(start);
    return false;
  }
  out.resize(start + n);
  return true;
}

// The content of the zstd frame `in`, or "" when it is damaged.
std::string decompress(std::string_view in) {
  unsigned long long size = ZSTD_getFrameContentSize(in.data(), in.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxTextBytes) return {};
  std::string out(static_cast<size_t>(size), '\0');
  size_t n = ZSTD_decompressDCtx(zstd_contexts().d, out.data(), out.size(), in.data(), in.size());
  if (ZSTD_isError(n) || n != out.size()) return {};
  return out;
}

void append_clean(std::string& out, std::string_view s) {
  static constexpr char kSeparators[] = {kItem, kSection, kField, '\0'};
  size_t start = out.size();
  out.append(s);  // separators are rare: copy at once, then patch them
  for (size_t p = out.find_first_of(kSeparators, start); p != std::string::npos; p = out.find_first_of(kSeparators, p + 1))
    out[p] = ' ';
}

void append_list(std::string& out, const std::vector<std::string>& items) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out.push_back(kItem);
    append_clean(out, items[i]);
  }
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t p = s.find(kItem);
    out.emplace_back(s.substr(0, p));
    if (p == std::string_view::npos) break;
    s.remove_prefix(p + 1);
  }
  return out;
}

// Text slot values: a tag byte, then the text as is (short texts) or a zstd frame.
constexpr char kPlainText = 'T';
constexpr char kZstdText = 'Z';
constexpr size_t kMinCompressTextBytes = 64;

}  // namespace

std::string encode_text_value(std::string_view text) {
  std::string out;
  if (text.empty()) return out;
  if (text.size() >= kMinCompressTextBytes) {
    out.push_back(kZstdText);
    if (append_compressed(out, text) && out.size() < text.size() + 1) return out;
    out.clear();
  }
  out.push_back(kPlainText);
  out.append(text);
  return out;
}

std::string stored_text(const Xapian::Document& doc, const StoredRecord& record) {
  if (!record.text.empty()) return record.text;  // written before the text slot
  const std::string value = doc.get_value(schema::kSlotText);
  if (value.empty()) return {};
  std::string_view body = std::string_view(value).substr(1);
  if (value[0] == kPlainText) return std::string(body);
  if (value[0] == kZstdText) return decompress(body);
  return {};
}

std::string encode_stored_record(const StoredRecord& r) {
  std::string out;
  out.reserve(256 + r.text.size() + r.extra_json.size());
  out.append(kVersion);
  for (const std::string* f : {&r.id, &r.title, &r.display_title, &r.date, &r.date_origin, &r.source, &r.url,
                               &r.path, &r.format, &r.lang}) {
    out.push_back(kField);
    append_clean(out, *f);
  }
  for (const auto* list : {&r.authors, &r.persons, &r.orgs, &r.places}) {
    out.push_back(kField);
    append_list(out, *list);
  }
  out.push_back(kSection);
  const size_t tail = out.size();
  append_clean(out, r.text);
  out.push_back(kSection);
  append_clean(out, r.extra_json);
  if (out.size() - tail >= kMinCompressBytes) {
    std::string compressed = out.substr(0, tail);
    compressed.replace(0, kVersionCompressed.size(), kVersionCompressed);
    if (append_compressed(compressed, std::string_view(out).substr(tail)) && compressed.size() < out.size())
      return compressed;
  }
  return out;
}

StoredRecord decode_stored_record(std::string_view data, bool with_text) {
  StoredRecord r;
  const bool compressed = data.substr(0, kVersionCompressed.size()) == kVersionCompressed;
  if (!compressed && data.substr(0, kVersion.size()) != kVersion) return r;
  size_t section = data.find(kSection);
  std::string_view head = data.substr(kVersion.size(), section == std::string_view::npos ? std::string_view::npos
                                                                                          : section - kVersion.size());
  std::string* scalars[] = {&r.id, &r.title, &r.display_title, &r.date, &r.date_origin,
                            &r.source, &r.url, &r.path, &r.format, &r.lang};
  std::vector<std::string>* lists[] = {&r.authors, &r.persons, &r.orgs, &r.places};
  size_t index = 0;
  while (!head.empty() && head.front() == kField) {
    head.remove_prefix(1);
    size_t end = head.find(kField);
    std::string_view value = head.substr(0, end);
    if (index < 10) *scalars[index] = std::string(value);
    else if (index < 14) *lists[index - 10] = split_list(value);
    ++index;
    if (end == std::string_view::npos) break;
    head.remove_prefix(end);
  }
  if (with_text && section != std::string_view::npos) {
    std::string_view rest = data.substr(section + 1);
    std::string inflated;
    if (compressed) {
      inflated = decompress(rest);
      rest = inflated;
    }
    size_t second = rest.find(kSection);
    r.text = std::string(rest.substr(0, second));
    if (second != std::string_view::npos) r.extra_json = std::string(rest.substr(second + 1));
  }
  return r;
}

}  // namespace dossier
