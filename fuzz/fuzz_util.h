// Helpers shared by the fuzz harnesses: the bytes-to-UTF-8 step that readers are
// promised has happened (file_reader.cc does it before any reader runs), and
// invariant checks that abort loudly, so that libFuzzer and the corpus replay
// both report a broken invariant as a crash with the offending input.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/article.h"
#include "common/date.h"
#include "common/text.h"
#include "indexer/file_reader.h"
#include "indexer/readers/reader.h"

namespace dossier::fuzz {

[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "FUZZ INVARIANT BROKEN: %s [%.*s]\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

inline void check(bool ok, const char* what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

// What read_article_file hands a reader: detected charset converted to UTF-8,
// invalid sequences and NULs replaced.
inline std::string reader_text(const uint8_t* data, size_t size) {
  std::string encoding;
  std::string text = to_utf8(std::string_view(reinterpret_cast<const char*>(data), size), &encoding);
  if (text.find('\0') != std::string::npos) repair_utf8(text);
  return text;
}

inline void check_date(const Date& d, const char* what) {
  check(is_valid_date(d.year, d.month, d.day), what, d.iso());
}

// A reader given valid UTF-8 must hand back valid UTF-8 in every field it fills
// (a cut inside a character would reach the index, the JSON output and the terminal).
inline void check_article_text(const Article& a) {
  for (const std::string* s : {&a.id, &a.path, &a.title, &a.display_title, &a.body, &a.source, &a.url, &a.lang, &a.raw_date})
    check(is_valid_utf8(*s), "article field is not valid UTF-8", *s);
  for (const auto& author : a.authors) check(is_valid_utf8(author), "author is not valid UTF-8", author);
}

// After finalize_article: an id always, a real and plausible date with its origin.
inline void check_finalized(const Article& a) {
  check_article_text(a);
  check(!a.id.empty(), "finalized article without id");
  if (a.date) {
    check_date(*a.date, "finalized article date is not a calendar day");
    check(is_plausible_news_date(*a.date), "finalized article date is implausible", a.date->iso());
    check(a.date_origin == "metadata" || a.date_origin == "dateline" || a.date_origin == "text",
          "date without a known origin", a.date_origin);
  } else {
    check(a.date_origin.empty(), "date origin without a date", a.date_origin);
  }
}

// Runs the resolution step read_article_file runs after a reader, and checks it.
inline void finalize_and_check(ReadResult& r, bool multi_record) {
  if (!r.status.ok()) {
    check(!r.status.message().empty(), "failed read without a message");
    return;
  }
  for (auto& a : r.articles) {
    if (a.path.empty()) a.path = "fuzz-input";
    finalize_article(a, multi_record, &r.warnings);
    check_finalized(a);
  }
  for (const auto& w : r.warnings) check(!w.message.empty(), "warning without a message");
}

}  // namespace dossier::fuzz
