// Maps the many names feeds give to article metadata (title/headline,
// date/published/pubDate, body/text/content, ...) onto Article fields.
// JSON objects and Markdown front matter both go through here.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "common/article.h"

namespace dossier {

enum class MetaField { kUnknown, kId, kTitle, kDate, kBody, kSource, kAuthors, kUrl, kLang };

// Case-insensitive lookup of a field name among the known synonyms.
MetaField classify_field(std::string_view name);

// Stores `value` in the article field `name` maps to; unknown fields go to
// article.extra. Returns false when the value has a shape the field cannot use
// (e.g. an object as title), in which case it is kept in extra.
bool apply_field(Article& article, std::string_view name, const nlohmann::json& value);

// Fills an article from a JSON object. Returns false if the object holds no
// title and no body (not an article).
bool article_from_json_object(const nlohmann::json& obj, Article& article);

}  // namespace dossier
