#include "common/index_terms.h"

#include <cstdio>
#include <functional>

#include "common/fnv_hash.h"
#include "common/schema.h"
#include "common/text.h"

namespace dossier {

std::vector<std::string> split_key_words(const std::string& key) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= key.size()) {
    size_t sp = key.find(' ', start);
    if (sp == std::string::npos) sp = key.size();
    if (sp > start) words.push_back(key.substr(start, sp - start));
    start = sp + 1;
  }
  return words;
}

std::string bounded_term(std::string_view prefix, const std::string& value) {
  std::string term = std::string(prefix) + value;
  if (term.size() <= kMaxTermBytes) return term;
  char hash[20];
  std::snprintf(hash, sizeof hash, "#%016zx", std::hash<std::string>{}(value));
  std::string head = term.substr(0, kMaxTermBytes - 17);
  repair_utf8(head);  // the cut may split a character
  return head + hash;
}

std::vector<std::string> source_terms_for(const std::string& source) {
  std::vector<std::string> terms;
  std::string key = entity_key(source);
  if (key.empty()) return terms;
  terms.push_back(bounded_term(schema::kSource, key));
  std::vector<std::string> words = split_key_words(key);
  if (words.size() > 1)
    for (const auto& w : words) terms.push_back(bounded_term(schema::kSourceWord, w));
  return terms;
}

std::string entity_filter_term(EntityType type, const std::string& canonical) {
  std::string_view prefix = type == EntityType::kPerson ? schema::kPerson
                            : type == EntityType::kOrg  ? schema::kOrg
                                                        : schema::kPlace;
  return bounded_term(prefix, entity_key(canonical));
}

namespace {
char type_letter(EntityType t) { return t == EntityType::kPerson ? 'p' : t == EntityType::kOrg ? 'o' : 'l'; }
constexpr size_t kMaxMetadataKeyBytes = 200;
}  // namespace

std::string entity_word_prefix(EntityType type, const std::string& word) {
  return std::string("ew:") + type_letter(type) + ":" + word + schema::kNameSeparator;
}

std::string entity_alias_prefix(EntityType type) { return std::string("ea:") + type_letter(type) + ":"; }

uint64_t entity_id(EntityType type, const std::string& canonical) {
  const char letter = type_letter(type);
  return fnv1a64(entity_key(canonical), fnv1a64(std::string_view(&letter, 1)));
}

std::string entity_id_key(EntityType type, uint64_t id) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "ei:%c:%016llx", type_letter(type), static_cast<unsigned long long>(id));
  return buf;
}

std::string pack_entity_ids(EntityType type, const std::vector<std::string>& canonicals) {
  std::string out;
  out.reserve(canonicals.size() * 8);
  for (const auto& c : canonicals) {
    uint64_t id = entity_id(type, c);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((id >> (8 * i)) & 0xFF));
  }
  return out;
}

bool is_entity_id_key(std::string_view key) { return key.starts_with("ei:"); }

namespace {

int display_rank(std::string_view name) {
  bool lower = false, marks = false;
  for (unsigned char c : name) {
    lower |= (c >= 'a' && c <= 'z') || c >= 0x80;  // non-ASCII: a letter of either case, most likely
    marks |= c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == '{' || c == '}';
  }
  return (lower ? 2 : 0) + (marks ? 0 : 1);
}

size_t lowercase_letters(std::string_view name) {
  size_t n = 0;
  for (unsigned char c : name) n += c >= 'a' && c <= 'z';
  return n;
}

}  // namespace

bool reads_well_as_display_name(std::string_view name) { return display_rank(name) == 3; }

bool is_better_display_name(std::string_view a, std::string_view b) {
  const int ra = display_rank(a), rb = display_rank(b);
  if (ra != rb) return ra > rb;
  const size_t la = lowercase_letters(a), lb = lowercase_letters(b);  // "Fox News" over "FOX News"
  return la != lb ? la > lb : a < b;
}

namespace {

void add_entry(std::vector<MetadataEntry>& out, std::string key, std::string value = "1") {
  if (key.size() <= kMaxMetadataKeyBytes) out.push_back({std::move(key), std::move(value)});
}

void add_word_entries(std::vector<MetadataEntry>& out, EntityType type, const std::string& canonical,
                      const std::string& name) {
  for (const auto& w : split_key_words(entity_key(name))) add_entry(out, entity_word_prefix(type, w) + canonical);
}

}  // namespace

void entity_name_entries(EntityType type, const std::string& canonical, std::vector<MetadataEntry>* out) {
  add_entry(*out, entity_id_key(type, entity_id(type, canonical)), canonical);
  add_word_entries(*out, type, canonical, canonical);
}

void entity_surface_entries(EntityType type, const std::string& canonical, const std::string& surface,
                            std::vector<MetadataEntry>* out) {
  if (surface != canonical) add_word_entries(*out, type, canonical, surface);
  add_entry(*out, entity_alias_prefix(type) + canonical + schema::kNameSeparator + surface);
}

std::vector<MetadataEntry> entity_dictionary_entries(EntityType type, const std::string& canonical,
                                                     const std::vector<std::string>& surfaces) {
  std::vector<MetadataEntry> out;
  entity_name_entries(type, canonical, &out);
  for (const auto& s : surfaces) entity_surface_entries(type, canonical, s, &out);
  return out;
}

}  // namespace dossier
