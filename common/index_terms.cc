#include "common/index_terms.h"

#include <cstdio>
#include <functional>

#include "common/schema.h"
#include "common/text.h"

namespace dossier {

std::string_view entity_name_prefix(EntityType t) {
  return t == EntityType::kPerson ? schema::kPersonName : t == EntityType::kOrg ? schema::kOrgName : schema::kPlaceName;
}

std::string_view entity_alias_prefix(EntityType t) {
  return t == EntityType::kPerson ? schema::kPersonAlias : t == EntityType::kOrg ? schema::kOrgAlias : schema::kPlaceAlias;
}

std::string entity_alias_term(EntityType type, const std::string& canonical, const std::string& surface) {
  return std::string(entity_alias_prefix(type)) + canonical + schema::kNameSeparator + surface;
}

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
    for (const auto& w : words) terms.push_back(bounded_term(schema::kSource, w));
  return terms;
}

std::string entity_filter_term(EntityType type, const std::string& canonical) {
  std::string_view prefix = type == EntityType::kPerson ? schema::kPerson
                            : type == EntityType::kOrg  ? schema::kOrg
                                                        : schema::kPlace;
  return bounded_term(prefix, entity_key(canonical));
}

std::vector<std::string> entity_name_terms(EntityType type, const std::string& canonical, const std::string& surface) {
  std::vector<std::string> terms;
  for (const auto& w : split_key_words(entity_key(surface))) {
    std::string t = std::string(entity_name_prefix(type)) + w + schema::kNameSeparator + canonical;
    if (t.size() <= kMaxTermBytes) terms.push_back(std::move(t));
  }
  return terms;
}

}  // namespace dossier
