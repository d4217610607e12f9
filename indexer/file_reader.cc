#include "indexer/file_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <zlib.h>

#include "common/date.h"
#include "common/text.h"
#include "indexer/file_catalog.h"

namespace dossier {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && ascii_lower(s.substr(s.size() - suffix.size())) == suffix;
}

std::string human_size(size_t bytes) {
  char buf[32];
  if (bytes >= (1u << 20)) std::snprintf(buf, sizeof buf, "%.0f MB", bytes / 1048576.0);
  else std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1024.0);
  return buf;
}

// Reads a plain or gzip file, refusing to hold more than `limit` bytes.
Status read_bytes(const std::string& path, bool gz, size_t limit, std::string* out) {
  std::error_code ec;
  if (!gz && std::filesystem::file_size(path, ec) > limit && !ec)  // refuse before reading
    return Status::Unsupported("file too large (over " + human_size(limit) +
                               "); skipped, raise --max-file-size to index it");
  errno = 0;
  gzFile f = gzopen(path.c_str(), "rb");  // gzread also reads uncompressed files as-is
  if (!f) return Status::IOError(std::string("cannot open: ") + (errno ? std::strerror(errno) : "unknown error"));
  gzbuffer(f, 128 * 1024);
  out->clear();
  char buf[64 * 1024];
  for (;;) {
    int n = gzread(f, buf, sizeof buf);
    if (n < 0) {
      int err = 0;
      std::string msg = gzerror(f, &err);
      gzclose(f);
      // zlib prefixes the message with the path; the caller names the file already.
      if (size_t at = msg.rfind(": "); at != std::string::npos && msg.compare(0, path.size(), path) == 0)
        msg = msg.substr(at + 2);
      if (err == Z_ERRNO) return Status::IOError(std::string("read error: ") + std::strerror(errno));
      return Status::Corruption(std::string(gz ? "corrupt gzip data: " : "read error: ") + msg);
    }
    if (n == 0) break;
    if (out->size() + static_cast<size_t>(n) > limit) {
      gzclose(f);
      return Status::Unsupported("file too large (over " + human_size(limit) + (gz ? " uncompressed" : "") +
                                 "); skipped, raise --max-file-size to index it");
    }
    out->append(buf, static_cast<size_t>(n));
  }
  // gzread treats a gzip stream cut short as end of file; only gzclose reports it.
  if (gzclose(f) == Z_BUF_ERROR)
    return Status::Corruption("truncated gzip data (the file ends mid-stream); skipped");
  return Status::OK();
}

bool looks_binary(std::string_view s) {
  // Known binary signatures first (PDF, PNG, JPEG, GIF, ZIP, ELF).
  for (std::string_view magic : {"%PDF", "\x89PNG", "\xFF\xD8\xFF", "GIF8", "PK\x03\x04", "\x7F" "ELF"})
    if (s.substr(0, magic.size()) == magic) return true;
  size_t sample = std::min<size_t>(s.size(), 8192), controls = 0;
  for (size_t i = 0; i < sample; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) ++controls;
  }
  return sample > 0 && controls * 10 > sample;  // >10% control bytes: not text
}

// The body after its dateline ("LONDON 2023-02-01 - Britain ..." -> "Britain ..."),
// so an untitled article's display title starts with its first real sentence.
std::string_view without_dateline(std::string_view body) {
  if (!find_dateline_date(body)) return body;
  std::string_view head = body.substr(0, 200);
  for (std::string_view sep : {" -- ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " - "}) {
    size_t p = head.find(sep);
    if (p != std::string_view::npos) return body.substr(p + sep.size());
  }
  return body;
}

// First sentence (or first 100 characters) of the body, for untitled articles.
std::string derive_display_title(std::string_view body) {
  size_t head = std::min<size_t>(body.size(), 600);
  while (head > 0 && head < body.size() && (static_cast<unsigned char>(body[head]) & 0xC0) == 0x80) --head;
  std::string flat = collapse_whitespace(body.substr(0, head));
  size_t cut = std::string::npos;
  for (size_t i = 20; i < flat.size(); ++i) {
    if ((flat[i] == '.' || flat[i] == '!' || flat[i] == '?') && (i + 1 == flat.size() || flat[i + 1] == ' ')) {
      // Not after an abbreviation such as "U.S." or "Nov." (short capitalized token).
      size_t sp = flat.rfind(' ', i);
      std::string_view word = std::string_view(flat).substr(sp == std::string::npos ? 0 : sp + 1, i - (sp == std::string::npos ? 0 : sp + 1));
      if (word.size() <= 4 && !word.empty() && (std::isupper(static_cast<unsigned char>(word[0])) || word.find('.') != std::string_view::npos))
        continue;
      cut = i + 1;
      break;
    }
  }
  constexpr size_t kMax = 120;
  if (cut == std::string::npos || cut > kMax) {
    if (flat.size() <= kMax) return flat;
    size_t sp = flat.rfind(' ', kMax);
    size_t end = sp == std::string::npos || sp < 40 ? kMax : sp;
    // Never cut inside a UTF-8 sequence (CJK text has no spaces to cut at).
    while (end > 0 && (static_cast<unsigned char>(flat[end]) & 0xC0) == 0x80) --end;
    return flat.substr(0, end) + "…";
  }
  return flat.substr(0, cut);
}

}  // namespace

std::string format_for_path(const std::string& path) {
  std::string p = path;
  if (ends_with(p, ".gz")) p.resize(p.size() - 3);
  if (ends_with(p, ".txt") || ends_with(p, ".text")) return "txt";
  if (ends_with(p, ".md") || ends_with(p, ".markdown")) return "md";
  if (ends_with(p, ".jsonl") || ends_with(p, ".ndjson")) return "jsonl";
  if (ends_with(p, ".json")) return "json";
  if (ends_with(p, ".html") || ends_with(p, ".htm") || ends_with(p, ".xhtml")) return "html";
  return {};
}

void finalize_article(Article& a, bool multi_record, std::vector<ReadWarning>* warnings) {
  size_t replaced = repair_utf8(a.title) + repair_utf8(a.body) + repair_utf8(a.source) + repair_utf8(a.id);
  (void)replaced;
  if (!a.has_own_id) a.id = multi_record ? a.path + "#" + std::to_string(a.record + 1) : a.path;

  a.date.reset();
  a.date_origin.clear();
  auto warn = [&](const std::string& msg) {
    if (warnings) warnings->push_back({a.path, a.line, msg});
  };
  if (!a.raw_date.empty()) {
    std::optional<Date> d = parse_date_string(a.raw_date);
    if (!d) {
      warn("unreadable date '" + a.raw_date + "' in metadata; looking for a date in the text");
    } else if (!is_plausible_news_date(*d)) {
      warn("implausible date '" + a.raw_date + "' in metadata; looking for a date in the text");
    } else {
      a.date = d;
      a.date_origin = "metadata";
    }
  }
  if (!a.date) {
    if (auto d = find_dateline_date(a.body); d && is_plausible_news_date(*d)) {
      a.date = d;
      a.date_origin = "dateline";
    }
  }
  if (!a.date) {
    if (auto d = find_first_text_date(a.title); d) {
      a.date = d;
      a.date_origin = "text";
    } else if (auto d2 = find_first_text_date(std::string_view(a.body).substr(0, 64 * 1024)); d2) {
      a.date = d2;
      a.date_origin = "text";
    }
  }
  a.display_title = a.title.empty() ? derive_display_title(without_dateline(a.body)) : a.title;
}

ReadResult read_article_file(const std::string& path, const FileReadOptions& options, const std::string& display_path) {
  ReadResult out;
  const std::string& shown = display_path.empty() ? path : display_path;
  std::string format = format_for_path(path);
  if (format.empty()) {
    out.status = Status::Unsupported("unsupported format (expected .txt .md .json .jsonl .ndjson .html .htm, optionally .gz)");
    return out;
  }
  bool gz = ends_with(path, ".gz");
  std::string bytes;
  size_t limit = format == "jsonl" ? options.max_feed_bytes : options.max_file_bytes;
  out.status = read_bytes(path, gz, limit, &bytes);
  if (!out.status.ok()) return out;
  uint64_t hash = content_hash(bytes);
  if (trim(bytes).empty()) {
    out.status = Status::Unsupported("empty file");
    return out;
  }
  if (!has_utf16_bom(bytes) && looks_binary(bytes)) {
    out.status = Status::Unsupported("binary content, not " + format + " text; skipped as unsupported format");
    return out;
  }
  if (size_t nuls = has_utf16_bom(bytes) ? 0 : std::count(bytes.begin(), bytes.end(), '\0'))
    out.warnings.push_back({shown, 0, std::to_string(nuls) + " NUL bytes replaced with U+FFFD"});
  std::string encoding;
  std::string text = to_utf8(bytes, &encoding);
  bytes.clear();
  bytes.shrink_to_fit();
  if (encoding != "UTF-8") {
    out.warnings.push_back({shown, 0, encoding == "UTF-8 (repaired)"
                                          ? "invalid UTF-8 bytes replaced with U+FFFD"
                                          : "not UTF-8; converted from " + encoding});
  }
  if (text.find('\0') != std::string::npos) repair_utf8(text);

  std::vector<ReadWarning> file_warnings = std::move(out.warnings);
  if (format == "txt") out = read_text(text, shown);
  else if (format == "md") out = read_markdown(text, shown);
  else if (format == "json") out = read_json(text, shown);
  else if (format == "jsonl") out = read_jsonl(text, shown);
  else out = read_html(text, shown);
  out.warnings.insert(out.warnings.begin(), file_warnings.begin(), file_warnings.end());
  out.content_hash = hash;

  // Records with neither title nor text (a page of scripts, an empty JSON object)
  // are not articles.
  size_t before = out.articles.size();
  std::erase_if(out.articles, [](const Article& a) { return trim(a.title).empty() && trim(a.body).empty(); });
  if (out.status.ok() && out.articles.empty() && before > 0) {
    out.status = Status::Unsupported("no article text found");
    std::erase_if(out.warnings, [](const ReadWarning& w) { return w.message == "no article text found"; });
    return out;
  }

  bool multi = format == "jsonl" || out.articles.size() > 1 || (format == "json" && !text.empty() && trim(text).front() == '[');
  for (auto& a : out.articles) {
    a.format = format;
    if (a.path.empty()) a.path = shown;
    if (a.body.size() > options.max_body_bytes) {
      // Cut at a character boundary: repairing a split character would add a
      // U+FFFD to the text and take the body past the limit.
      size_t cut = options.max_body_bytes;
      while (cut > 0 && (static_cast<unsigned char>(a.body[cut]) & 0xC0) == 0x80) --cut;
      a.body.resize(cut);
      out.warnings.push_back({shown, a.line, "article text longer than " + human_size(options.max_body_bytes) + "; cut there"});
    }
    finalize_article(a, multi, &out.warnings);
  }
  return out;
}

}  // namespace dossier
