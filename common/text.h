// Text normalization shared by indexing, tagging and searching: one place decides
// what "the same word" means (NFKC, case folding, diacritic folding) and how raw
// bytes become valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace dossier {

// NFKC then full Unicode case folding: "Ｆｕｌｌ" -> "full", "Straße" -> "strasse".
std::string fold_case(std::string_view utf8);

// Removes diacritics and maps Latin letters to ASCII where a reader would
// (ğ -> g, ø -> o, ł -> l, ß -> ss); leaves other scripts alone. Case is kept.
std::string fold_diacritics(std::string_view utf8);

// fold_case + fold_diacritics: the key under which "Erdoğan" and "erdogan" meet.
std::string fold_for_matching(std::string_view utf8);

// True when every byte is ASCII (fast path for the folds above).
bool is_ascii(std::string_view s);

// Valid UTF-8 without NULs: invalid sequences and NUL bytes become U+FFFD.
// Returns the number of replacements made.
size_t repair_utf8(std::string& s);

// True when s is valid UTF-8.
bool is_valid_utf8(std::string_view s);

// Converts bytes that are not valid UTF-8 from their detected legacy encoding
// (ICU charset detection: Windows-1252, Latin-1, ...) to UTF-8. Leaves valid UTF-8
// alone (after stripping a BOM); UTF-16 with a byte-order mark is converted. Sets *encoding to the charset used ("UTF-8",
// "windows-1252", ...). Undecodable bytes are repaired as by repair_utf8.
std::string to_utf8(std::string_view bytes, std::string* encoding);

// True when bytes start with a UTF-16 byte-order mark (FF FE or FE FF).
bool has_utf16_bom(std::string_view bytes);

// Collapses runs of whitespace to one space and trims both ends.
std::string collapse_whitespace(std::string_view s);

// Trims ASCII whitespace at both ends.
std::string_view trim(std::string_view s);

// ASCII lowercase (for field names, extensions and codes, not for text).
std::string ascii_lower(std::string_view s);

// A language tag's primary subtag in lowercase ("en-US" -> "en", "pt_BR" ->
// "pt"); "" when the tag does not start with a 2-3 letter language code.
std::string primary_language(std::string_view tag);

// Number of Unicode code points in the first `byte_offset` bytes of s.
size_t utf8_char_offset(std::string_view s, size_t byte_offset);

}  // namespace dossier
