#include "indexer/readers/metadata_fields.h"

#include <string>

#include "common/text.h"

namespace dossier {
namespace {

// Text of a scalar or of an object's "name"/"@value" member ("author": {"name": ..}).
std::string scalar_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number()) return v.dump();
  if (v.is_object()) {
    for (const char* k : {"name", "@value", "value", "text", "#text"}) {
      auto it = v.find(k);
      if (it != v.end() && it->is_string()) return it->get<std::string>();
    }
  }
  return {};
}

void add_authors(Article& a, const nlohmann::json& v) {
  if (v.is_array()) {
    for (const auto& item : v) add_authors(a, item);
    return;
  }
  std::string s = collapse_whitespace(scalar_text(v));
  if (s.empty()) return;
  // "By Jane Doe and John Roe" / "Jane Doe, John Roe" in one string.
  if (s.size() > 3 && ascii_lower(s.substr(0, 3)) == "by ") s = s.substr(3);
  std::string current;
  auto flush = [&] {
    std::string t(trim(current));
    if (!t.empty()) a.authors.push_back(t);
    current.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',' || s[i] == ';') { flush(); continue; }
    if (s.compare(i, 5, " and ") == 0) { flush(); i += 4; continue; }
    current.push_back(s[i]);
  }
  flush();
}

}  // namespace

MetaField classify_field(std::string_view name) {
  std::string n = ascii_lower(trim(name));
  if (n == "id" || n == "guid" || n == "uuid" || n == "_id" || n == "article_id") return MetaField::kId;
  if (n == "title" || n == "headline" || n == "name") return MetaField::kTitle;
  if (n == "date" || n == "published" || n == "published_at" || n == "pubdate" || n == "datepublished" ||
      n == "publish_date" || n == "publication_date" || n == "published_date" || n == "created_at" ||
      n == "time" || n == "timestamp")
    return MetaField::kDate;
  if (n == "body" || n == "text" || n == "content" || n == "content_original" || n == "article" ||
      n == "articlebody" || n == "story" || n == "full_text")
    return MetaField::kBody;
  if (n == "source" || n == "publisher" || n == "outlet" || n == "site_name" || n == "site") return MetaField::kSource;
  if (n == "author" || n == "authors" || n == "byline" || n == "creator") return MetaField::kAuthors;
  if (n == "url" || n == "link" || n == "canonical_url" || n == "permalink") return MetaField::kUrl;
  if (n == "lang" || n == "language" || n == "inlanguage") return MetaField::kLang;
  return MetaField::kUnknown;
}

bool apply_field(Article& a, std::string_view name, const nlohmann::json& value) {
  MetaField f = classify_field(name);
  auto keep = [&] {
    a.extra[std::string(name)] = value;
    return f == MetaField::kUnknown;
  };
  if (value.is_null()) return true;
  switch (f) {
    case MetaField::kUnknown: return keep();
    case MetaField::kId: {
      std::string s(trim(scalar_text(value)));
      if (s.empty()) return keep();
      a.id = s;
      a.has_own_id = true;
      return true;
    }
    case MetaField::kTitle: {
      std::string s = collapse_whitespace(scalar_text(value));
      if (s.empty() && !value.is_string()) return keep();
      if (a.title.empty()) a.title = s;
      return true;
    }
    case MetaField::kDate: {
      std::string s(trim(scalar_text(value)));
      if (s.empty() && !value.is_string()) return keep();
      if (a.raw_date.empty()) a.raw_date = s;
      return true;
    }
    case MetaField::kBody: {
      if (!value.is_string()) {
        if (value.is_array()) {  // paragraphs as an array of strings
          std::string joined;
          for (const auto& p : value)
            if (p.is_string()) joined += p.get<std::string>() + "\n\n";
          if (!joined.empty() && a.body.empty()) { a.body = joined; return true; }
        }
        return keep();
      }
      if (a.body.empty()) a.body = value.get<std::string>();
      return true;
    }
    case MetaField::kSource: {
      std::string s = collapse_whitespace(scalar_text(value));
      if (s.empty()) return keep();
      if (a.source.empty()) a.source = s;
      return true;
    }
    case MetaField::kAuthors: add_authors(a, value); return true;
    case MetaField::kUrl: {
      std::string s(trim(scalar_text(value)));
      if (s.empty()) return keep();
      if (a.url.empty()) a.url = s;
      return true;
    }
    case MetaField::kLang: {
      std::string s = ascii_lower(trim(scalar_text(value)));
      if (auto dash = s.find_first_of("-_"); dash != std::string::npos) s.resize(dash);
      if (s.empty()) return keep();
      a.lang = s;
      return true;
    }
  }
  return keep();
}

bool article_from_json_object(const nlohmann::json& obj, Article& a) {
  if (!obj.is_object()) return false;
  for (const auto& [key, value] : obj.items()) apply_field(a, key, value);
  return !trim(a.body).empty() || !trim(a.title).empty();
}

}  // namespace dossier
