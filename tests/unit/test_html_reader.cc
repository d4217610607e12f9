// Tests for the HTML reader: metadata sources and their precedence, body text
// extraction (noise removed, paragraphs kept) and hostile input (deep nesting,
// NUL bytes, huge scripts, framesets). Fixture pages live in tests/data/html/.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "indexer/readers/html_reader.h"
#include "indexer/readers/reader.h"

using dossier::Article;
using dossier::ReadResult;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

ReadResult read_fixture(const std::string& name) {
  const std::string path = std::string(DOSSIER_SOURCE_DIR) + "/tests/data/html/" + name;
  return dossier::read_html(slurp(path), path);
}

// The single article a page must produce.
Article only_article(const ReadResult& r) {
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].format == "html");
  return r.articles[0];
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

bool has_warning(const ReadResult& r, const std::string& text) {
  for (const auto& w : r.warnings) {
    if (contains(w.message, text)) return true;
  }
  return false;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("html: news page with og tags keeps the story and drops the page furniture") {
  const ReadResult r = read_fixture("news_og.html");
  const Article a = only_article(r);
  CHECK(a.title == "Ministers Agree Grain Corridor Extension");
  CHECK(a.raw_date == "2023-03-18T09:45:00Z");  // article:published_time beats name="date"
  CHECK(a.source == "Northgate Post");
  CHECK(a.url == "https://northgate.example/world/grain-corridor");  // canonical beats og:url
  CHECK(a.lang == "en");
  // article:author is a URL here, so only the name from meta author counts.
  CHECK(a.authors == std::vector<std::string>{"Ines Moreau"});
  CHECK(a.extra["section"] == "World");
  CHECK(a.extra["modified"] == "2023-03-18T12:00:00Z");
  CHECK(r.warnings.empty());

  CHECK(contains(a.body, "ISTANBUL \xE2\x80\x94 Negotiators from four governments agreed on Saturday to extend a "
                         "maritime grain corridor by 120 days, officials at the talks said."));
  CHECK(contains(a.body, "three ports & their approaches"));
  CHECK(contains(a.body, "A bulk carrier waits near the strait."));
  CHECK(contains(a.body, "By Ines Moreau"));  // the article's own header stays
  CHECK(contains(a.body, "officials at the talks said.\n\nThe deal keeps"));
  for (const char* noise : {"SCRIPT TEXT", "STYLE TEXT", "LATE SCRIPT", "World news menu", "Logo",
                            "Unrelated aside", "Newsletter signup", "Site footer", "Share on social",
                            "enable JavaScript", "Copyright notice"}) {
    CHECK_MESSAGE(!contains(a.body, noise), noise);
  }
  // The <h1> repeats the title, so the body starts with the byline.
  CHECK(a.body.rfind("By Ines Moreau\n\nISTANBUL", 0) == 0);
}

TEST_CASE("html: JSON-LD @graph gives date, authors by @id and publisher, and bad JSON-LD is ignored") {
  const ReadResult r = read_fixture("jsonld_graph.html");
  const Article a = only_article(r);
  // No og:title: the <title> is taken as it is.
  CHECK(a.title == "Border talks resume after two-year pause - Harbourline");
  CHECK(a.raw_date == "2022-07-05T06:30:00+05:30");  // the NewsArticle's, not the WebPage's
  CHECK(a.authors == std::vector<std::string>{"Ravi Chandran", "Meera Pillai"});
  CHECK(a.source == "Harbourline Media Group");
  CHECK(a.lang == "en");  // <html lang> beats inLanguage
  CHECK(a.extra["modified"] == "2022-07-05T10:00:00+05:30");
  CHECK(a.body ==
        "Delegations from the two neighbours met on Tuesday for the first round of boundary talks since "
        "2020, according to a joint statement.\n\n"
        "The statement said both sides agreed to keep working-level channels open.");
}

TEST_CASE("html: JSON-LD array inside a comment wrapper, identifier, authors deduplicated") {
  const Article a = only_article(read_fixture("jsonld_array.html"));
  CHECK(a.title == "Vertice a Roma sui migranti");  // headline: no og, twitter or <title>
  CHECK(a.raw_date == "2023-07-23");
  CHECK(a.authors == std::vector<std::string>{"Giulia Bianchi", "Marco Neri"});
  CHECK(a.source == "Corriere Esempio");
  CHECK(a.url == "https://corriere.example/vertice-roma");
  CHECK(a.lang == "it");  // from og:locale it_IT
  CHECK(a.id == "ce-2023-0723-vertice");
  CHECK(a.has_own_id);
  CHECK(contains(a.body, "per una conferenza sulle migrazioni.\n\nL'incontro"));
}

TEST_CASE("html: date from the first <time> in the article, skipping asides, and rel=author names") {
  const Article a = only_article(read_fixture("time_element.html"));
  CHECK(a.title == "Cumbre regional termina sin declaración conjunta");
  CHECK(a.raw_date == "2024-09-21T18:10:00-03:00");
  CHECK(a.authors == std::vector<std::string>{"Lucía Ferrer"});  // <link rel=author> has no name
  CHECK(a.source == "Diario del Cono");  // application-name
  CHECK(a.lang == "es");                 // es-419
  CHECK(!contains(a.body, "Otra nota relacionada"));
  CHECK(!contains(a.body, "site banner"));
  // &nbsp; counts as a space.
  CHECK(contains(a.body, "se celebrará en Asunción el año que viene."));
}

TEST_CASE("html: broken markup (unclosed tags, stray end tags, upper case) still gives paragraphs") {
  const Article a = only_article(read_fixture("broken_markup.html"));
  CHECK(a.title == "Port strike enters second week");  // whitespace collapsed
  CHECK(a.raw_date == "1998-06-12");                   // DC.date.issued
  CHECK(a.authors == std::vector<std::string>{"T. Okonkwo"});
  CHECK(a.lang.empty());
  CHECK(contains(a.body, "Dock workers stayed off the job for an eighth day, the union said.\n\n"
                         "Talks with the port authority broke down late on Thursday\n\n"
                         "A spokesman said ships were waiting offshore."));
  CHECK(contains(a.body, "Unclosed bold run to the end\n\nLast paragraph"));
  CHECK(contains(a.body, "& stray ampersand &unknownentity; <kept>"));
  CHECK(contains(a.body, "Menu cell one Menu cell two"));  // table cells get a space
}

TEST_CASE("html: page without <article> or <main> falls back to <body> minus header, nav, footer") {
  const ReadResult r = read_fixture("no_article.html");
  const Article a = only_article(r);
  CHECK(a.title == "Acordo comercial avança no Senado");
  CHECK(a.raw_date == "20240412");  // pubdate
  CHECK(a.lang == "pt");            // http-equiv Content-Language
  CHECK(a.authors == std::vector<std::string>{"Ana Souza", "Bruno Lima"});
  CHECK(a.body ==
        "Relator apresenta parecer favorável\n\n"
        "O relator apresentou nesta sexta-feira parecer favorável ao acordo comercial.\n\n"
        "A votação em plenário deve ocorrer na próxima semana.");
}

TEST_CASE("html: role=main element, twitter:title, microdata datePublished before parsely date") {
  const Article a = only_article(read_fixture("role_main.html"));
  CHECK(a.title == "Regierung legt Budgetentwurf vor");
  CHECK(a.raw_date == "2023-10-11T07:00:00+02:00");
  CHECK(a.url == "https://alpenblatt.example/budget-entwurf");
  CHECK(a.lang == "de");
  CHECK(a.body ==
        "Der Finanzminister hat am Mittwoch den Budgetentwurf im Nationalrat vorgestellt.\n\n"
        "Die Opposition kritisierte die geplanten Ausgaben.");
}

TEST_CASE("html: the largest of several <article>s is the story, and the h1 differing in case is dropped") {
  const Article a = only_article(read_fixture("multiple_articles.html"));
  CHECK(a.title == "Parliament approves defence spending bill");
  CHECK(a.raw_date == "2021-11-29");  // DC.date.issued comes before sailthru.date
  CHECK(a.body.rfind("Lawmakers approved the defence spending bill", 0) == 0);
  CHECK(contains(a.body, "Reader comment nested in the story."));
  CHECK(!contains(a.body, "Teaser"));
}

TEST_CASE("html: frameset page gives an article with empty body and a warning") {
  const ReadResult r = read_fixture("frameset.html");
  const Article a = only_article(r);
  CHECK(a.title == "Archive frames");
  CHECK(a.body.empty());
  CHECK(has_warning(r, "no article text found"));
}

TEST_CASE("html: page wrapped in one <form> still has its text") {
  const Article a = only_article(read_fixture("form_wrapped.html"));
  CHECK(a.body ==
        "The election commission certified the results on Monday, ending weeks of disputes.\n\n"
        "Observers said the count had been orderly.");
}

TEST_CASE("html: lists, tables, line breaks, pre and hidden elements") {
  const Article a = only_article(read_fixture("lists_tables.html"));
  CHECK(a.body ==
        "Leaders agreed on three points:\n\n"
        "a joint fund for reconstruction\na monitoring mission\ntalks to resume in May\n\n"
        "We have made real progress today.\n\n"
        "Country Pledge\nNorway 200\n\n"
        "Address line one\nAddress line two\n\nAfter a double break\n\n"
        "line one\nline two\n\n"
        "Inlinejoined words and bold text");
}

TEST_CASE("html: sample corpus pages match the expected titles, dates and ids") {
  const auto expected = nlohmann::json::parse(slurp(std::string(DOSSIER_SOURCE_DIR) + "/tests/data/corpus_expected.json"));
  int pages = 0;
  for (const auto& e : expected) {
    const std::string file = e["file"];
    if (!file.starts_with("web/")) continue;
    ++pages;
    CAPTURE(file);
    const std::string path = std::string(DOSSIER_SOURCE_DIR) + "/corpus/" + file;
    const Article a = only_article(dossier::read_html(slurp(path), path));
    CHECK(a.title == e["title"].get<std::string>());
    CHECK(a.raw_date.substr(0, 10) == e["date"].get<std::string>());
    if (e["id"].is_string()) CHECK(a.id == e["id"].get<std::string>());
    CHECK(a.body.size() > 1000);
    CHECK(a.body.find(a.title) == std::string::npos);
  }
  // Every page in corpus/web has its expected entry.
  int on_disk = 0;
  for (const auto& f : std::filesystem::directory_iterator(std::string(DOSSIER_SOURCE_DIR) + "/corpus/web"))
    on_disk += f.path().extension() == ".html" || f.path().extension() == ".htm";
  CHECK(on_disk >= 5);
  CHECK(pages == on_disk);
}

TEST_CASE("html: deep nesting neither overflows the stack nor takes quadratic time") {
  for (const std::string tag : {"div", "b", "table", "svg"}) {
    CAPTURE(tag);
    const int depth = 100000;
    std::string page = "<html><body><article><p>Top text.</p>";
    page.reserve(page.size() + depth * (2 * tag.size() + 8));
    for (int i = 0; i < depth; ++i) page += "<" + tag + ">";
    page += "Deepest text.";
    for (int i = 0; i < depth; ++i) page += "</" + tag + ">";
    page += "<p>After text.</p></article></body></html>";
    const auto start = std::chrono::steady_clock::now();
    const ReadResult r = dossier::read_html(page, "deep.html");
    const double secs = seconds_since(start);
    MESSAGE(tag << " x" << depth << ": " << secs << " s");
    CHECK(secs < 5.0);  // quadratic parsing would take minutes
    const Article a = only_article(r);
    CHECK(contains(a.body, "Top text."));
    if (tag != "svg") CHECK(contains(a.body, "Deepest text."));  // svg content is excluded
    CHECK(contains(a.body, "After text."));
    CHECK(has_warning(r, "nested deeper than"));
  }
}

TEST_CASE("html: flatten_deep_nesting removes only deep tags and leaves ordinary pages alone") {
  CHECK_FALSE(dossier::flatten_deep_nesting("<html><body><div><p>a<p>b</div></body></html>", 3));
  // Unclosed <p> and <li> do not pile up.
  std::string sloppy;
  for (int i = 0; i < 1000; ++i) sloppy += "<p>para<li>item";
  CHECK_FALSE(dossier::flatten_deep_nesting(sloppy, 10));
  // Tags inside comments, scripts and quoted attributes are not counted.
  CHECK_FALSE(dossier::flatten_deep_nesting(
      "<!-- <div><div><div> --><script>'<div><div><div>'</script><a title='<div><div>'>x</a>", 2));

  const auto flat = dossier::flatten_deep_nesting("<div><div><div>x</div><span>y</span></div>z</div>w", 2);
  REQUIRE(flat);
  CHECK(*flat == "<div><div>xy</div>z</div>w");  // the 3rd div and the span are too deep
}

TEST_CASE("html: NUL bytes, invalid UTF-8, BOM, empty and non-HTML input never fail") {
  const std::string with_nul = std::string("<p>before") + '\0' + "after</p>";
  Article a = only_article(dossier::read_html(with_nul, "nul.html"));
  CHECK(contains(a.body, "before"));
  CHECK(contains(a.body, "after"));

  a = only_article(dossier::read_html("<p>caf\xC3\x28 \xFF\xFE ok</p>", "bad.html"));
  CHECK(contains(a.body, "ok"));

  a = only_article(dossier::read_html("\xEF\xBB\xBF<title>BOM page</title><p>Text.</p>", "bom.html"));
  CHECK(a.title == "BOM page");
  CHECK(a.body == "Text.");

  const ReadResult empty = dossier::read_html("", "empty.html");
  CHECK(only_article(empty).body.empty());
  CHECK(has_warning(empty, "no article text found"));

  a = only_article(dossier::read_html("Just a line of text.\nAnd another.", "plain.html"));
  CHECK(a.body == "Just a line of text. And another.");

  // JSON-LD nested far deeper than any real page is parsed or skipped without recursion.
  const std::string deep_json = std::string(100000, '[') + std::string(100000, ']');
  a = only_article(dossier::read_html(
      "<script type='application/ld+json'>" + deep_json + "</script><p>Body.</p>", "deepjson.html"));
  CHECK(a.body == "Body.");

  // Unterminated constructs at the end of the input.
  a = only_article(dossier::read_html("<p>Kept text<!-- never closed <div", "eof.html"));
  CHECK(a.body == "Kept text");
}

TEST_CASE("html: a huge inline script stays out of the body and parsing stays fast") {
  std::string page = "<html><head><title>T</title></head><body><article><p>Story text.</p><script>";
  for (int i = 0; i < 200000; ++i) page += "var x = '<div>' + y;\n";
  page += "</script><p>More story.</p></article></body></html>";
  const auto start = std::chrono::steady_clock::now();
  const Article a = only_article(dossier::read_html(page, "script.html"));
  MESSAGE("page of " << page.size() << " bytes: " << seconds_since(start) << " s");
  CHECK(a.body == "Story text.\n\nMore story.");
}

TEST_CASE("html: menus of links and furniture named by class or id stay out of the body") {
  // A legacy page: a table of links for a menu, the story, a footer paragraph.
  const std::string page =
      "<HTML><HEAD><TITLE>Yoon Lifts Martial Law</TITLE></HEAD><BODY>"
      "<table width=100%><tr><td><a href=/>Pacific Dispatch</a> <td><a href=/korea>Korea</a>"
      " <td><a href=/archive>Archive</a></table>"
      "<div class=story><p><b>SEOUL --</b> President Yoon lifted martial law, <a href=/x>the parliament</a> said."
      "<p>Read <a href=/r>the full statement</a>.</div>"
      "<ul class=list><li><a href=/1>Other story one</a><li><a href=/2>Other story two</a></ul>"
      "<div id=site-footer>About us</div><div class=\"social-share\">Share this</div>"
      "<div class=\"newsletter_signup\">Sign up</div>"
      "<p class=footer>&copy; Pacific Dispatch &middot; <a href=/c>Corrections</a>"
      "</BODY></HTML>";
  const Article a = only_article(dossier::read_html(page, "legacy.htm"));
  CHECK(a.body ==
        "SEOUL -- President Yoon lifted martial law, the parliament said.\n\n"
        "Read the full statement.");
  // Words that merely contain a furniture word, and one link in a sentence, stay.
  const std::string kept =
      "<html><body><article><div class=\"article-body menuitemlike\"><p>Talks resumed in Geneva.</p>"
      "<p><a href=/a>Envoys</a> met for six hours.</p></div></article></body></html>";
  CHECK(only_article(dossier::read_html(kept, "kept.html")).body == "Talks resumed in Geneva.\n\nEnvoys met for six hours.");
}
