// HTML whitespace for indexing: runs of whitespace collapse to one space, as
// browsers render them, and no-break and other Unicode spaces count as
// whitespace too. Used for the HTML reader's body text and its metadata fields.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace dossier {

// Bytes of the whitespace character at s[i], or 0 when there is none.
inline size_t space_length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if ((c == 0xE2 || c == 0xE3) && i + 2 < s.size()) {
    const auto c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
    if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF)) return 3;  // U+2000..200A, U+202F
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;                  // U+3000
  }
  return 0;
}

// Builds text from pieces: whitespace collapses to one space, and line breaks
// requested by block elements are written only between two pieces of text.
class TextBuilder {
 public:
  void add(std::string_view text, bool preformatted = false) {
    for (size_t i = 0; i < text.size();) {
      if (preformatted && text[i] == '\n') {
        line_break();
        ++i;
      } else if (size_t n = space_length(text, i)) {
        pending_space_ = true;
        i += n;
      } else {
        flush_separator();
        out_ += text[i++];
      }
    }
  }
  void block_break(int level) { pending_break_ = std::max(pending_break_, level); }
  void line_break() { pending_break_ = std::min(2, pending_break_ + 1); }
  void space() { pending_space_ = true; }
  std::string take() { return std::move(out_); }

 private:
  void flush_separator() {
    if (!out_.empty()) {
      if (pending_break_ > 0) {
        out_ += pending_break_ == 2 ? "\n\n" : "\n";
      } else if (pending_space_) {
        out_ += ' ';
      }
    }
    pending_break_ = 0;
    pending_space_ = false;
  }
  std::string out_;
  int pending_break_ = 0;  // 0 none, 1 new line, 2 blank line
  bool pending_space_ = false;
};

// s with whitespace collapsed (no line breaks kept).
inline std::string collapse_html_space(std::string_view s) {
  TextBuilder b;
  b.add(s);
  return b.take();
}

}  // namespace dossier
