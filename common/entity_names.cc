// Entity type names and the folded matching key shared by indexer and searcher.
#include "common/entity_names.h"

#include "common/text.h"

namespace dossier {

std::string_view entity_type_name(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrg: return "org";
    case EntityType::kPlace: return "place";
  }
  return "unknown";
}

std::optional<EntityType> entity_type_from_name(std::string_view s) {
  std::string n = ascii_lower(trim(s));
  if (n == "person" || n == "persons" || n == "people" || n == "per") return EntityType::kPerson;
  if (n == "org" || n == "orgs" || n == "organization" || n == "organizations" ||
      n == "organisation" || n == "organisations")
    return EntityType::kOrg;
  if (n == "place" || n == "places" || n == "location" || n == "locations" || n == "loc" ||
      n == "gpe")
    return EntityType::kPlace;
  return std::nullopt;
}

namespace {

// Punctuation that separates words without being part of a name's spelling.
// '.', '&' and the apostrophe are kept ("u.s.", "at&t", "o'neill"); curly
// apostrophes become ASCII ones so "O’Neill" and "O'Neill" meet.
bool is_separator(unsigned char c) {
  switch (c) {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case '-': case '_': case ',': case ';': case ':': case '"': case '(': case ')':
    case '[': case ']': case '{': case '}': case '/': case '\\': case '!': case '?':
    case '*': case '|': case '`':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string entity_key(std::string_view name) {
  std::string folded = fold_for_matching(name);
  // Unicode dashes and curly quotes survive folding; map the common ones.
  std::string ascii;
  ascii.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    std::string_view rest(folded.data() + i, folded.size() - i);
    if (rest.starts_with("\xE2\x80\x99") || rest.starts_with("\xE2\x80\x98")) {  // ’ ‘
      ascii += '\'';
      i += 2;
    } else if (rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xE2\x80\x94") ||
               rest.starts_with("\xE2\x80\x90") || rest.starts_with("\xE2\x80\x9C") ||
               rest.starts_with("\xE2\x80\x9D")) {  // – — ‐ “ ”
      ascii += ' ';
      i += 2;
    } else {
      ascii += folded[i];
    }
  }
  std::string key;
  key.reserve(ascii.size());
  bool pending_space = false;
  for (unsigned char c : ascii) {
    if (is_separator(c)) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key += ' ';
    pending_space = false;
    key += static_cast<char>(c);
  }
  return key;
}

}  // namespace dossier
