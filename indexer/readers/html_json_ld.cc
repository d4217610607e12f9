#include "indexer/readers/html_json_ld.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "indexer/readers/html_text.h"

namespace dossier {
namespace {

using Json = nlohmann::json;

bool is_article_type(const Json& type) {
  auto match = [](const Json& t) {
    if (!t.is_string()) return false;
    std::string_view s = t.get_ref<const std::string&>();
    return s.ends_with("Article") || s.ends_with("Posting") || s == "Report";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), match);
  return match(type);
}

std::string json_string(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return {};
  if (it->is_string()) return collapse_html_space(it->get_ref<const std::string&>());
  if (it->is_number()) return it->dump();
  return {};
}

}  // namespace

JsonLd read_json_ld(const std::vector<std::string>& scripts) {
  std::vector<Json> docs;
  for (const std::string& text : scripts) {
    // Tolerate wrappers such as <!-- --> or CDATA markers around the JSON.
    size_t start = text.find_first_of("{["), end = text.find_last_of("}]");
    if (start == std::string::npos || end == std::string::npos || end < start) continue;
    Json doc = Json::parse(text.begin() + start, text.begin() + end + 1, nullptr, false, true);
    if (!doc.is_discarded()) docs.push_back(std::move(doc));
  }
  // Every object in document order (covers top-level arrays and @graph).
  std::vector<const Json*> objects;
  std::vector<const Json*> stack;
  for (auto it = docs.rbegin(); it != docs.rend(); ++it) stack.push_back(&*it);
  while (!stack.empty()) {
    const Json* v = stack.back();
    stack.pop_back();
    if (v->is_object()) objects.push_back(v);
    if (v->is_structured()) {
      std::vector<const Json*> kids;
      for (const Json& k : *v) kids.push_back(&k);
      stack.insert(stack.end(), kids.rbegin(), kids.rend());
    }
  }
  std::unordered_map<std::string, const Json*> by_id;
  for (const Json* o : objects) {
    std::string id = json_string(*o, "@id");
    if (!id.empty() && o->size() > 1) by_id.emplace(id, o);
  }
  // {"@id": ...} references point at a node elsewhere in the @graph.
  auto resolve = [&](const Json& v) -> const Json& {
    if (v.is_object() && !v.contains("name")) {
      auto it = by_id.find(json_string(v, "@id"));
      if (it != by_id.end()) return *it->second;
    }
    return v;
  };
  auto name_of = [&](const Json& v) -> std::string {
    const Json& r = resolve(v);
    if (r.is_string()) return collapse_html_space(r.get_ref<const std::string&>());
    if (r.is_object()) return json_string(r, "name");
    return {};
  };

  JsonLd out;
  const Json* article = nullptr;
  for (const Json* o : objects) {
    if (o->contains("@type") && is_article_type((*o)["@type"])) {
      article = o;
      break;
    }
  }
  for (const Json* o : objects) {
    if (out.date.empty()) out.date = json_string(*o, "datePublished");
    if (!article && o->contains("datePublished")) article = o;
  }
  if (!article) return out;
  if (std::string d = json_string(*article, "datePublished"); !d.empty()) out.date = d;
  out.modified = json_string(*article, "dateModified");
  out.headline = json_string(*article, "headline");
  out.lang = json_string(*article, "inLanguage");
  out.id = json_string(*article, "identifier");
  if (auto it = article->find("identifier"); out.id.empty() && it != article->end() && it->is_object()) {
    out.id = json_string(*it, "value");
  }
  auto names_in = [&](const char* key) {  // a name, an object with one, or an array of them
    std::vector<std::string> names;
    if (auto it = article->find(key); it != article->end()) {
      if (!it->is_array()) names.push_back(name_of(*it));
      for (const Json& v : it->is_array() ? *it : Json::array()) names.push_back(name_of(v));
    }
    return names;
  };
  out.authors = names_in("author");
  for (const std::string& p : names_in("publisher")) {
    if (out.publisher.empty()) out.publisher = p;
  }
  return out;
}

}  // namespace dossier
