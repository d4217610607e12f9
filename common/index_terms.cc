#include "common/index_terms.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unordered_set>

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

uint32_t entity_id(EntityType type, const std::string& canonical) {
  const char letter = type_letter(type);
  uint64_t h = fnv1a64(entity_key(canonical), fnv1a64(std::string_view(&letter, 1)));
  // FNV-1a folded to 32 bits makes related names collide in runs ("Quentin
  // X2550" / "Boris X5142", "...2552" / "...5144"): mix all bits first
  // (MurmurHash3's 64-bit finalizer).
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return static_cast<uint32_t>(h >> 32);
}

std::string entity_id_key(EntityType type, uint32_t id) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "ei:%c:%08x", type_letter(type), static_cast<unsigned>(id));
  return buf;
}

std::string pack_entity_ids(EntityType type, const std::vector<std::string>& canonicals) {
  std::string out;
  out.reserve(canonicals.size() * kEntityIdBytes);
  for (const auto& c : canonicals) {
    uint32_t id = entity_id(type, c);
    for (size_t i = 0; i < kEntityIdBytes; ++i) out.push_back(static_cast<char>((id >> (8 * i)) & 0xFF));
  }
  return out;
}

std::vector<std::string> entity_id_names(std::string_view entry) {
  std::vector<std::string> names;
  size_t start = 0;
  while (start < entry.size()) {
    size_t end = entry.find(schema::kNameSeparator, start);
    if (end == std::string_view::npos) end = entry.size();
    if (end > start) names.emplace_back(entry.substr(start, end - start));
    start = end + 1;
  }
  return names;
}

std::string display_name_in_entry(std::string_view entry, std::string_view name) {
  if (entry.find(schema::kNameSeparator) == std::string_view::npos) {
    // One entity: the usual case, and no key to compare unless asked for one.
    return entity_key(entry) == entity_key(name) ? std::string(entry) : std::string();
  }
  const std::string key = entity_key(name);
  for (auto& n : entity_id_names(entry))
    if (entity_key(n) == key) return n;
  return {};
}

std::string merge_entity_id_entry(std::string_view stored, std::string_view incoming) {
  if (stored.empty() || stored == incoming) return std::string(incoming.empty() ? stored : incoming);
  std::vector<std::string> names = entity_id_names(stored);
  if (!incoming.empty()) {
    const std::string key = entity_key(incoming);
    bool same_entity = false;
    for (auto& n : names) {
      if (entity_key(n) != key) continue;
      same_entity = true;
      if (is_better_display_name(incoming, n)) n = std::string(incoming);
    }
    if (!same_entity) names.emplace_back(incoming);
  }
  if (names.size() > 1) {
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) { return entity_key(a) < entity_key(b); });
  }
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += schema::kNameSeparator;
    out += n;
  }
  return out;
}

bool is_entity_id_key(std::string_view key) { return key.starts_with("ei:") || key.starts_with("ed:"); }

std::string dense_id_key(EntityType type, uint32_t id) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "ed:%c:%08x", type_letter(type), static_cast<unsigned>(id));
  return buf;
}

std::string dense_id_key_prefix(EntityType type) { return std::string("ed:") + type_letter(type) + ":"; }

bool parse_dense_id_key(std::string_view key, EntityType* type, uint32_t* id) {
  if (key.size() != 13 || !key.starts_with("ed:") || key[4] != ':') return false;
  switch (key[3]) {
    case 'p': *type = EntityType::kPerson; break;
    case 'o': *type = EntityType::kOrg; break;
    case 'l': *type = EntityType::kPlace; break;
    default: return false;
  }
  uint32_t v = 0;
  for (char c : key.substr(5)) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return false;
    v = v << 4 | static_cast<uint32_t>(d);
  }
  *id = v;
  return true;
}

namespace {

// 0-7: not all in capitals (4), free of brackets and quotes (2), and starting
// with a letter or digit (1): "-Bernie Sanders", the rest of "anti-Bernie
// Sanders", must not be the name a facet shows.
int display_rank(std::string_view name) {
  bool lower = false, marks = false;
  for (unsigned char c : name) {
    lower |= (c >= 'a' && c <= 'z') || c >= 0x80;  // non-ASCII: a letter of either case, most likely
    marks |= c == '(' || c == ')' || c == '[' || c == ']' || c == '"' || c == '{' || c == '}';
  }
  // Curly double quotes too ("CBS “This Morning").
  marks |= name.find("\xE2\x80\x9C") != std::string_view::npos || name.find("\xE2\x80\x9D") != std::string_view::npos;
  bool clean_start = false;
  if (!name.empty()) {
    unsigned char c = static_cast<unsigned char>(name[0]);
    bool general_punctuation = name.size() >= 2 && c == 0xE2 && static_cast<unsigned char>(name[1]) == 0x80;
    clean_start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  (c >= 0x80 && !general_punctuation);
  }
  return (lower ? 4 : 0) + (marks ? 0 : 2) + (clean_start ? 1 : 0);
}

// Words with two or more ASCII capitals and no ASCII lower-case letter or
// digit ("FOX" in "FOX News", "ERDOĞAN"; other bytes count for neither).
size_t capitalized_words(std::string_view name) {
  size_t n = 0, upper = 0;
  bool other = false;
  auto end_word = [&] {
    n += upper >= 2 && !other;
    upper = 0;
    other = false;
  };
  for (unsigned char c : name) {
    if (c == ' ' || c == '-') { end_word(); continue; }
    if (c >= 'A' && c <= 'Z') ++upper;
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) other = true;
  }
  end_word();
  return n;
}

// Words that start with two ASCII capitals and go on in lower case ("HIllary",
// "THe"): the shift key held a letter too long. "HIllary Clinton" is in the
// AllSides articles, and with more capitals it beat "Hillary Clinton" as the
// top person facet's name at 1M. Acronyms ("JPMorgan") and plurals ("MPs")
// have a third capital or a single lower-case letter.
size_t shift_slips(std::string_view name) {
  size_t n = 0;
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  for (size_t start = 0; start < name.size();) {
    size_t end = name.find_first_of(" -", start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view w = name.substr(start, end - start);
    n += w.size() >= 4 && upper(w[0]) && upper(w[1]) && lower(w[2]) && lower(w[3]);
    start = end + 1;
  }
  return n;
}

// Name particles that are written in lower case inside a name ("Bashar
// al-Assad", "Bill de Blasio", "Ursula von der Leyen", "Osama bin Laden").
bool is_name_particle(std::string_view w) {
  static const std::unordered_set<std::string_view> particles = {
      "al", "el", "ad", "as", "bin", "ibn", "bint", "de", "del", "della", "der", "den", "des", "di", "da", "do", "dos",
      "du", "la", "le", "von", "y", "zu", "of", "the", "and", "for", "on"};  // not "van": "Chris Van Hollen"
  return particles.count(w) > 0;
}

// Counts over the words of `name` (split at spaces and hyphens): those in lower
// case that are no particle after the first word ("Barack obama", "al
// Sharpton"), particles in lower case after it ("al-Assad"), and capitals right
// after a lower-case letter ("McConnell", "DeSantis"; not "“This", "F.\u00a0Kelly").
struct WordCase {
  size_t lowercase_words = 0, lowercase_particles = 0, inner_capitals = 0;
  size_t hyphenated_particles = 0;  // "al-Assad", as English news writes Arabic names
};

WordCase word_case(std::string_view name) {
  WordCase c;
  bool first = true;
  for (size_t start = 0; start < name.size();) {
    size_t end = name.find_first_of(" -", start);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view w = name.substr(start, end - start);
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') {
      const bool particle = !first && is_name_particle(w);
      (particle ? c.lowercase_particles : c.lowercase_words)++;
      c.hyphenated_particles += particle && end + 1 < name.size() && name[end] == '-' &&
                                ((name[end + 1] >= 'A' && name[end + 1] <= 'Z') || (name[end + 1] >= 'a' && name[end + 1] <= 'z'));
    }
    for (size_t i = 1; i < w.size(); ++i)
      c.inner_capitals += w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] >= 'a' && w[i - 1] <= 'z';
    if (!w.empty()) first = false;
    start = end + 1;
  }
  return c;
}

size_t uppercase_letters(std::string_view name) {
  size_t n = 0;
  for (unsigned char c : name) n += c >= 'A' && c <= 'Z';
  return n;
}

}  // namespace

bool reads_well_as_display_name(std::string_view name) { return display_rank(name) == 7; }

bool is_better_display_name(std::string_view a, std::string_view b) {
  const int ra = display_rank(a), rb = display_rank(b);
  if (ra != rb) return ra > rb;
  // "Fox News" over "FOX News"; then the spelling with more capitals: text
  // title-cased by a program writes "Mitch Mcconnell" (7 times in the 37,554
  // AllSides articles, against 2,511 "Mitch McConnell").
  const size_t ca = capitalized_words(a), cb = capitalized_words(b);
  if (ca != cb) return ca < cb;
  const size_t sa = shift_slips(a), sb = shift_slips(b);
  if (sa != sb) return sa < sb;
  // Title-casing programs lower the capitals inside words ("Mitch Mcconnell")
  // and raise particles ("Bashar Al Assad", "Bill De Blasio"); a word typed in
  // lower case ("Barack obama") is a slip.
  const WordCase wa = word_case(a), wb = word_case(b);
  if (wa.lowercase_words != wb.lowercase_words) return wa.lowercase_words < wb.lowercase_words;
  if (wa.inner_capitals != wb.inner_capitals) return wa.inner_capitals > wb.inner_capitals;
  if (wa.lowercase_particles != wb.lowercase_particles) return wa.lowercase_particles > wb.lowercase_particles;
  if (wa.hyphenated_particles != wb.hyphenated_particles) return wa.hyphenated_particles > wb.hyphenated_particles;
  const size_t ua = uppercase_letters(a), ub = uppercase_letters(b);
  return ua != ub ? ua > ub : a < b;
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
