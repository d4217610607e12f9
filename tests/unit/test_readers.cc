// Tests for the text, Markdown, JSON and JSON-lines readers (indexer/readers):
// title rules, front matter, field synonyms, wrappers and per-record warnings.
// Inputs are small hand-written stories, given as strings.
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "indexer/readers/metadata_fields.h"
#include "indexer/readers/reader.h"

using dossier::ReadResult;
using dossier::Status;

namespace {

bool has_warning(const ReadResult& r, int line, const std::string& fragment) {
  for (const auto& w : r.warnings)
    if (w.line == line && w.message.find(fragment) != std::string::npos) return true;
  return false;
}

}  // namespace

// ---------------------------------------------------------------- plain text

TEST_CASE("text reader: short first line followed by a blank line is the title") {
  ReadResult r = dossier::read_text(
      "Ministers agree on grain corridor\n\nGENEVA -- Ministers agreed on Tuesday.\nTalks go on.\n", "a.txt");
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 1);
  const auto& a = r.articles[0];
  CHECK(a.title == "Ministers agree on grain corridor");
  CHECK(a.body == "GENEVA -- Ministers agreed on Tuesday.\nTalks go on.");
  CHECK(a.path == "a.txt");
  CHECK(a.format == "txt");
  CHECK(r.warnings.empty());
}

TEST_CASE("text reader: no title when the first line is long or not followed by a blank line") {
  SUBCASE("no blank line after the first line") {
    ReadResult r = dossier::read_text("Short line\nstill the same paragraph.\n\nMore text.", "b.txt");
    REQUIRE(r.status.ok());
    CHECK(r.articles[0].title.empty());
    CHECK(r.articles[0].body == "Short line\nstill the same paragraph.\n\nMore text.");
  }
  SUBCASE("first line longer than a headline") {
    std::string para(250, 'x');
    for (size_t i = 5; i < para.size(); i += 6) para[i] = ' ';
    ReadResult r = dossier::read_text(para + "\n\nSecond paragraph.", "c.txt");
    REQUIRE(r.status.ok());
    CHECK(r.articles[0].title.empty());
    CHECK(r.articles[0].body.rfind(para, 0) == 0);
  }
  SUBCASE("single line file") {
    ReadResult r = dossier::read_text("Only one line of text", "d.txt");
    REQUIRE(r.status.ok());
    CHECK(r.articles[0].title.empty());
    CHECK(r.articles[0].body == "Only one line of text");
  }
}

TEST_CASE("text reader: CRLF line endings") {
  ReadResult r = dossier::read_text("Envoy visits Seoul\r\n\r\nSEOUL -- The envoy arrived.\r\nMore.\r\n", "e.txt");
  REQUIRE(r.status.ok());
  const auto& a = r.articles[0];
  CHECK(a.title == "Envoy visits Seoul");
  CHECK(a.title.find('\r') == std::string::npos);
  CHECK(a.body.rfind("SEOUL -- The envoy arrived.", 0) == 0);
  CHECK(a.body.back() == '.');
}

TEST_CASE("text reader: leading blank lines before the title") {
  ReadResult r = dossier::read_text("\n\n\r\nSummit ends\n\nLeaders left.", "f.txt");
  REQUIRE(r.status.ok());
  CHECK(r.articles[0].title == "Summit ends");
  CHECK(r.articles[0].body == "Leaders left.");

  // Blank lines holding spaces or tabs are blank lines too.
  ReadResult s = dossier::read_text("  \n\t\n Summit ends \n   \nLeaders left.", "g.txt");
  REQUIRE(s.status.ok());
  CHECK(s.articles[0].title == "Summit ends");
  CHECK(s.articles[0].body == "Leaders left.");
}

TEST_CASE("text reader: empty or whitespace-only content is not ok") {
  for (std::string content : {"", "\n\n", "  \r\n\t \n"}) {
    CAPTURE(content);
    ReadResult r = dossier::read_text(content, "empty.txt");
    CHECK_FALSE(r.status.ok());
    CHECK(r.articles.empty());
  }
}

// ---------------------------------------------------------------- Markdown

TEST_CASE("markdown reader: front matter fields, quoted values and inline author list") {
  const std::string md =
      "---\n"
      "title: \"Talks: a new round begins\"\n"
      "date: 2023-11-14\n"
      "source: 'Kyodo News'\n"
      "authors: [Jane Doe, \"Roe, John\"]\n"
      "lang: en-GB\n"
      "id: kyodo-2023-1114-001\n"
      "---\n"
      "TOKYO -- Negotiators met [in Tokyo](https://example.com/tokyo) on **Tuesday**.\n";
  ReadResult r = dossier::read_markdown(md, "talks.md");
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 1);
  const auto& a = r.articles[0];
  CHECK(a.title == "Talks: a new round begins");
  CHECK(a.raw_date == "2023-11-14");
  CHECK(a.source == "Kyodo News");
  CHECK(a.lang == "en");
  CHECK(a.id == "kyodo-2023-1114-001");
  CHECK(a.has_own_id);
  CHECK(a.format == "md");
  REQUIRE(a.authors.size() >= 2);
  CHECK(a.authors[0] == "Jane Doe");
  CHECK(a.body == "TOKYO -- Negotiators met in Tokyo on Tuesday.");
  CHECK(a.body.find("example.com") == std::string::npos);
  CHECK(r.warnings.empty());
}

TEST_CASE("markdown reader: author given as a '- item' list") {
  const std::string md =
      "---\n"
      "title: Border talks\n"
      "author:\n"
      "  - Jane Doe\n"
      "  - \"John Roe\"\n"
      "---\n"
      "Body text here.\n";
  ReadResult r = dossier::read_markdown(md, "b.md");
  REQUIRE(r.status.ok());
  const auto& a = r.articles[0];
  CHECK(a.authors == std::vector<std::string>{"Jane Doe", "John Roe"});
  CHECK(a.title == "Border talks");
  CHECK(a.body == "Body text here.");
}

TEST_CASE("markdown reader: unknown keys are kept in extra, lists intact") {
  const std::string md =
      "---\r\n"
      "title: Trade row\r\n"
      "tags: [U.S.-China, Xi's visit, trade]\r\n"
      "desk: Asia\r\n"
      "places: [\"Washington, D.C.\", 'Tokyo', Xi'an]\r\n"
      "---\r\n"
      "The row deepened.\r\n";
  ReadResult r = dossier::read_markdown(md, "c.md");
  REQUIRE(r.status.ok());
  const auto& a = r.articles[0];
  CHECK(a.title == "Trade row");
  CHECK(a.extra["desk"] == "Asia");
  CHECK(a.extra["places"] == nlohmann::json::array({"Washington, D.C.", "Tokyo", "Xi'an"}));
  CHECK(a.extra["tags"] == nlohmann::json::array({"U.S.-China", "Xi's visit", "trade"}));
  CHECK(a.extra.find("title") == a.extra.end());
  CHECK(a.body == "The row deepened.");
}

TEST_CASE("markdown reader: unclosed front matter is read as body with a warning") {
  const std::string md = "---\ntitle: Lost header\ndate: 2023-01-02\n\nThe text goes on without a closing line.\n";
  ReadResult r = dossier::read_markdown(md, "open.md");
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 1);
  CHECK(has_warning(r, 1, "never closed"));
  CHECK(r.articles[0].title.empty());
  CHECK(r.articles[0].raw_date.empty());
  CHECK(r.articles[0].body.find("The text goes on") != std::string::npos);
}

TEST_CASE("markdown reader: no front matter, first '# Heading' is the title") {
  const std::string md =
      "# Ceasefire holds in the north\n"
      "\n"
      "By **staff** -- The ceasefire [held](http://x.test/a) overnight, officials said.\n"
      "\n"
      "## Background\n"
      "\n"
      "![map of the region](map.png) Fighting began in `March`.\n";
  ReadResult r = dossier::read_markdown(md, "h.md");
  REQUIRE(r.status.ok());
  const auto& a = r.articles[0];
  CHECK(a.title == "Ceasefire holds in the north");
  CHECK(a.body.find("# Ceasefire") == std::string::npos);
  CHECK(a.body.find("By staff -- The ceasefire held overnight, officials said.") != std::string::npos);
  CHECK(a.body.find("Background") != std::string::npos);
  CHECK(a.body.find("##") == std::string::npos);
  CHECK(a.body.find("map of the region Fighting began in March.") != std::string::npos);
  CHECK(a.body.find("map.png") == std::string::npos);
  CHECK(a.body.find("http") == std::string::npos);
}

TEST_CASE("markdown reader: empty file is not ok") {
  CHECK_FALSE(dossier::read_markdown("", "e.md").status.ok());
  CHECK_FALSE(dossier::read_markdown("\n\n  \n", "e.md").status.ok());
  CHECK_FALSE(dossier::read_markdown("---\nsource: X\n---\n", "e.md").status.ok());
}

// ---------------------------------------------------------------- JSON

TEST_CASE("json reader: single article object") {
  ReadResult r = dossier::read_json(
      R"({"title": "Envoy named", "date": "2023-05-01", "body": "The envoy was named.", "url": "https://n.test/1"})",
      "one.json");
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 1);
  const auto& a = r.articles[0];
  CHECK(a.title == "Envoy named");
  CHECK(a.raw_date == "2023-05-01");
  CHECK(a.body == "The envoy was named.");
  CHECK(a.url == "https://n.test/1");
  CHECK(a.record == 0);
  CHECK_FALSE(a.has_own_id);
}

TEST_CASE("json reader: array of articles numbered by record") {
  ReadResult r = dossier::read_json(
      R"([{"title": "First", "text": "One."}, {"title": "Second", "text": "Two."}, {"headline": "Third"}])",
      "arr.json");
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 3);
  for (int i = 0; i < 3; ++i) CHECK(r.articles[i].record == i);
  CHECK(r.articles[1].title == "Second");
  CHECK(r.articles[1].body == "Two.");
  CHECK(r.articles[2].title == "Third");
}

TEST_CASE("json reader: wrapper object around the article list") {
  ReadResult r = dossier::read_json(
      R"({"status": "ok", "totalResults": 2, "articles": [
           {"title": "A", "content": "Alpha."}, {"title": "B", "content": "Beta."}]})",
      "wrap.json");
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].body == "Alpha.");
  CHECK(r.articles[1].title == "B");
}

TEST_CASE("json reader: an article that has an array field named like a wrapper is still one article") {
  ReadResult r = dossier::read_json(
      R"({"title": "Sanctions widened", "body": "The list grew.", "items": ["steel", "oil"]})", "art.json");
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].title == "Sanctions widened");
  CHECK(r.articles[0].extra["items"] == nlohmann::json::array({"steel", "oil"}));
}

TEST_CASE("json reader: field synonyms in odd case, author objects and bylines") {
  ReadResult r = dossier::read_json(R"({
      "Headline": "Foreign ministers meet",
      "PubDate": "Tue, 14 Nov 2023 09:00:00 +0900",
      "content_original": "Ministers met in Tokyo.",
      "Byline": "By Jane Doe and John Roe",
      "Publisher": "Kyodo News",
      "Language": "EN",
      "GUID": "abc-123",
      "section": "Asia",
      "wordCount": 412
    })",
                                    "syn.json");
  REQUIRE(r.status.ok());
  const auto& a = r.articles[0];
  CHECK(a.title == "Foreign ministers meet");
  CHECK(a.raw_date == "Tue, 14 Nov 2023 09:00:00 +0900");
  CHECK(a.body == "Ministers met in Tokyo.");
  CHECK(a.authors == std::vector<std::string>{"Jane Doe", "John Roe"});
  CHECK(a.source == "Kyodo News");
  CHECK(a.lang == "en");
  CHECK(a.id == "abc-123");
  CHECK(a.has_own_id);
  CHECK(a.extra["section"] == "Asia");
  CHECK(a.extra["wordCount"] == 412);
  CHECK(a.extra.size() == 2);

  ReadResult o = dossier::read_json(
      R"({"title": "T", "body": "B", "author": {"@type": "Person", "name": "Kim Min-jun"}})", "obj.json");
  REQUIRE(o.status.ok());
  CHECK(o.articles[0].authors == std::vector<std::string>{"Kim Min-jun"});

  ReadResult l = dossier::read_json(
      R"({"title": "T", "body": "B", "authors": [{"name": "Ana Lima"}, "Ben Ode"]})", "list.json");
  REQUIRE(l.status.ok());
  CHECK(l.articles[0].authors == std::vector<std::string>{"Ana Lima", "Ben Ode"});
}

TEST_CASE("json reader: metadata field classification") {
  using dossier::MetaField;
  CHECK(dossier::classify_field("HEADLINE") == MetaField::kTitle);
  CHECK(dossier::classify_field(" datePublished ") == MetaField::kDate);
  CHECK(dossier::classify_field("articleBody") == MetaField::kBody);
  CHECK(dossier::classify_field("site_name") == MetaField::kSource);
  CHECK(dossier::classify_field("inLanguage") == MetaField::kLang);
  CHECK(dossier::classify_field("canonical_url") == MetaField::kUrl);
  CHECK(dossier::classify_field("sentiment") == MetaField::kUnknown);
}

TEST_CASE("json reader: invalid JSON is not ok and says why") {
  ReadResult r = dossier::read_json(R"({"title": "Broken", "body": "no closing brace")", "bad.json");
  CHECK_FALSE(r.status.ok());
  CHECK(r.articles.empty());
  CHECK(r.status.message().find("invalid JSON") != std::string::npos);
  CHECK(r.status.message().find("line 1") != std::string::npos);

  CHECK_FALSE(dossier::read_json("", "e.json").status.ok());
  CHECK_FALSE(dossier::read_json("42", "n.json").status.ok());
  CHECK_FALSE(dossier::read_json("[]", "a.json").status.ok());
}

TEST_CASE("json reader: 10,000 levels of nesting are refused without a crash") {
  std::string deep = std::string(10000, '[') + std::string(10000, ']');
  ReadResult r = dossier::read_json(deep, "deep.json");
  CHECK_FALSE(r.status.ok());
  CHECK(r.status.message().find("nested") != std::string::npos);

  std::string objects;
  for (int i = 0; i < 10000; ++i) objects += "{\"a\":";
  objects += "1" + std::string(10000, '}');
  CHECK_FALSE(dossier::read_json(objects, "deep2.json").status.ok());

  // Brackets inside strings do not count as nesting.
  std::string quoted = R"({"title": "Brackets", "body": ")" + std::string(5000, '[') + R"("})";
  ReadResult q = dossier::read_json(quoted, "q.json");
  REQUIRE(q.status.ok());
  CHECK(q.articles[0].body.size() == 5000);
}

TEST_CASE("json reader: non-object items in an array are skipped with a warning") {
  ReadResult r = dossier::read_json(
      R"([{"title": "Kept one", "body": "x"}, "stray string", 17, {"title": "Kept two", "body": "y"}, {"views": 3}])",
      "mixed.json");
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].title == "Kept one");
  CHECK(r.articles[1].title == "Kept two");
  CHECK(r.articles[1].record == 1);
  CHECK(r.warnings.size() == 3);
  CHECK(has_warning(r, 0, "not a JSON object"));
  CHECK(has_warning(r, 0, "no title or text"));
}

// ---------------------------------------------------------------- JSON lines

TEST_CASE("jsonl reader: good and bad lines mixed, bad line numbers reported") {
  const std::string feed =
      "{\"title\": \"One\", \"body\": \"First story.\"}\n"
      "{\"title\": \"Two\", \"body\": \"missing brace\"\n"
      "\n"
      "   \n"
      "{\"title\": \"Three\", \"body\": \"Third story.\", \"id\": \"s3\"}\r\n"
      "not json at all\r\n"
      "[1, 2]\n"
      "{\"title\": \"Four\", \"body\": \"Fourth story.\"}";  // no final newline
  ReadResult r = dossier::read_jsonl(feed, "feed.jsonl");
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 3);
  CHECK(r.articles[0].title == "One");
  CHECK(r.articles[0].line == 1);
  CHECK(r.articles[1].title == "Three");
  CHECK(r.articles[1].line == 5);
  CHECK(r.articles[1].id == "s3");
  CHECK(r.articles[2].title == "Four");
  CHECK(r.articles[2].line == 8);
  for (int i = 0; i < 3; ++i) CHECK(r.articles[i].record == i);
  REQUIRE(r.warnings.size() == 3);
  CHECK(has_warning(r, 2, "invalid JSON"));
  CHECK(has_warning(r, 6, "invalid JSON"));
  CHECK(has_warning(r, 7, "not a JSON object"));
  for (const auto& w : r.warnings) CHECK(w.path == "feed.jsonl");
}

TEST_CASE("jsonl reader: CRLF lines and blank lines") {
  ReadResult r = dossier::read_jsonl(
      "\r\n{\"title\": \"A\", \"text\": \"a\"}\r\n\r\n{\"title\": \"B\", \"text\": \"b\"}\r\n\r\n", "crlf.jsonl");
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].line == 2);
  CHECK(r.articles[1].line == 4);
  CHECK(r.warnings.empty());
}

TEST_CASE("jsonl reader: all lines bad or empty file is not ok") {
  ReadResult bad = dossier::read_jsonl("{oops\n[\n\"just a string\"\n", "bad.jsonl");
  CHECK_FALSE(bad.status.ok());
  CHECK(bad.articles.empty());
  CHECK(bad.status.message().find("3 bad") != std::string::npos);
  CHECK(bad.warnings.size() == 3);

  ReadResult empty = dossier::read_jsonl("\n\n", "empty.jsonl");
  CHECK_FALSE(empty.status.ok());
  CHECK(empty.warnings.empty());

  std::string deep = std::string(5000, '[') + std::string(5000, ']');
  ReadResult d = dossier::read_jsonl(deep + "\n{\"title\": \"ok\"}\n", "deep.jsonl");
  REQUIRE(d.status.ok());
  CHECK(d.articles.size() == 1);
  CHECK(has_warning(d, 1, "nested"));
}
