// Pre-parse guard for the HTML reader: caps how deeply elements nest before Gumbo
// sees the page, so that pathological markup cannot make parsing quadratic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dossier {

// Gumbo's tree builder scans the stack of open elements for many start tags, so a
// page nesting elements N deep costs O(N^2) time (50,000 nested <div>s: seconds).
// Real pages stay far below this depth.
constexpr int kMaxHtmlNesting = 256;

// Returns a copy of `html` without the start and end tags of elements nested
// deeper than `limit` (their text stays), or nullopt when nothing is that deep.
// A lightweight tokenizer estimates the depth; where it is unsure it errs towards
// counting deeper, which can only remove tags, never text.
std::optional<std::string> flatten_deep_nesting(std::string_view html, int limit);

}  // namespace dossier
