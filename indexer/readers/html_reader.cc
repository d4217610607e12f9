// HTML reader: one web page becomes one article. Gumbo parses the page (it copes
// with broken markup as browsers do); metadata comes from <meta>/<link> tags,
// JSON-LD and <time>, the body from the visible text of the main content element.
// Every tree walk is iterative, so no nesting depth can overflow the call stack.
#include "indexer/readers/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "common/text.h"
#include "indexer/readers/html_json_ld.h"
#include "indexer/readers/html_text.h"
#include "indexer/readers/reader.h"

namespace dossier {
namespace {

bool in_list(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// ---------------------------------------------------------------------------
// Gumbo tree access.

bool is_element(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

GumboTag tag_of(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

bool is_text(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE;
}

// The attribute's value, or "" when absent.
std::string_view attr(const GumboNode* n, const char* name) {
  if (!is_element(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool has_attr(const GumboNode* n, const char* name) {
  return is_element(n) && gumbo_get_attribute(&n->v.element.attributes, name) != nullptr;
}

// True when the whitespace-separated list in attribute `name` holds `token`.
bool attr_has_token(const GumboNode* n, const char* name, std::string_view token) {
  std::string_view v = attr(n, name);
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && space_length(v, i) == 1) ++i;
    size_t j = i;
    while (j < v.size() && space_length(v, j) != 1) ++j;
    if (j > i && iequals(v.substr(i, j - i), token)) return true;
    i = j;
  }
  return false;
}

// Visits the subtree under `root` in document order with an explicit stack.
// enter(node) returns whether to visit the node's children; leave(node) runs
// after the children of every element whose children were visited.
template <class Enter, class Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
  struct Frame {
    const GumboNode* node;
    bool leaving;
  };
  std::vector<Frame> stack{{root, false}};
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    if (f.leaving) {
      leave(f.node);
      continue;
    }
    if (!enter(f.node)) continue;
    const GumboVector* kids = f.node->type == GUMBO_NODE_DOCUMENT ? &f.node->v.document.children
                              : is_element(f.node)                ? &f.node->v.element.children
                                                                  : nullptr;
    if (kids == nullptr) continue;
    stack.push_back({f.node, true});
    for (unsigned i = kids->length; i-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(kids->data[i]), false});
    }
  }
}

template <class Enter>
void walk(const GumboNode* root, Enter&& enter) {
  walk(root, std::forward<Enter>(enter), [](const GumboNode*) {});
}

// Whitespace-collapsed text of a small subtree (a title, a heading, a link).
std::string node_text(const GumboNode* root) {
  TextBuilder b;
  walk(root, [&](const GumboNode* n) {
    if (is_text(n)) b.add(n->v.text.text);
    const GumboTag t = tag_of(n);
    return t != GUMBO_TAG_SCRIPT && t != GUMBO_TAG_STYLE && t != GUMBO_TAG_TEMPLATE;
  });
  return b.take();
}

// Raw text content of an element (a <script>'s JSON).
std::string raw_text(const GumboNode* n) {
  std::string out;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (is_text(k)) out += k->v.text.text;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Body text.

// Elements whose content is never article text.
bool is_excluded(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_FRAMESET:
      return true;
    default:
      return false;
  }
}

// 2: the element is a paragraph of its own; 1: it starts a new line; 0: inline.
int block_level(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_HGROUP: case GUMBO_TAG_BODY:
      return 2;
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TR: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_LEGEND: case GUMBO_TAG_OPTION:
      return 1;
    default:
      return 0;
  }
}

// Page furniture marked by its class or id: "site-footer", "nav-bar",
// "breadcrumbs", "share-tools" (tokens split at spaces, '-' and '_').
bool is_furniture_by_name(const GumboNode* n) {
  static constexpr std::string_view kWords[] = {"nav",    "navbar",      "navigation", "menu",    "breadcrumb",
                                                "breadcrumbs", "footer", "masthead",   "sidebar", "share",
                                                "social", "newsletter", "subscribe",  "cookie",  "related"};
  for (const char* name : {"class", "id"}) {
    const std::string_view v = attr(n, name);
    size_t i = 0;
    while (i < v.size()) {
      size_t j = i;
      while (j < v.size() && v[j] != ' ' && v[j] != '-' && v[j] != '_' && space_length(v, j) == 0) ++j;
      const std::string_view word = v.substr(i, j - i);
      for (std::string_view w : kWords)
        if (iequals(word, w)) return true;
      i = j + 1;
    }
  }
  return false;
}

// A block of links and nothing else, two or more: a menu or a list of other
// stories ("<td><a>Pacific Dispatch</a><td><a>Korea</a><td><a>Archive</a>").
// The walk stops at the first text outside a link, so a paragraph costs little.
bool is_link_list(const GumboNode* block) {
  int links = 0;
  bool other_text = false;
  walk(block, [&](const GumboNode* n) {
    if (other_text) return false;
    if (is_element(n) && tag_of(n) == GUMBO_TAG_A) {
      ++links;
      return false;
    }
    if (is_text(n)) {
      const std::string_view text = n->v.text.text;
      for (size_t i = 0; i < text.size() && !other_text;) {
        const size_t space = space_length(text, i);
        other_text = space == 0;
        i += space ? space : 1;
      }
      return false;
    }
    return is_element(n) && !is_excluded(tag_of(n));
  });
  return !other_text && links >= 2;
}

bool is_hidden(const GumboNode* n) {
  if (has_attr(n, "hidden") || attr(n, "aria-hidden") == "true") return true;
  std::string style = ascii_lower(attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos;
}

// True when `heading` repeats `title`, alone or followed by a site suffix
// ("Title | Site", "Title - Site").
bool heading_repeats_title(const std::string& heading, const std::string& title) {
  if (heading.empty() || title.size() < heading.size()) return false;
  if (!iequals(std::string_view(title).substr(0, heading.size()), heading)) return false;
  if (title.size() == heading.size()) return true;
  std::string_view rest = trim(std::string_view(title).substr(heading.size()));
  for (std::string_view sep : {"|", "-", "\xE2\x80\x93", "\xE2\x80\x94", ":", "\xC2\xB7", "::"}) {
    if (rest.substr(0, sep.size()) == sep) return true;
  }
  return false;
}

struct BodyOptions {
  std::string title;        // the first <h1> is dropped when it repeats this
  bool keep_forms = false;  // for pages that wrap everything in one <form>
};

// Visible text under `root`, paragraphs separated by blank lines.
std::string extract_body(const GumboNode* root, const BodyOptions& options) {
  TextBuilder b;
  int article_depth = 0, pre_depth = 0;
  bool seen_h1 = false;
  auto enter = [&](const GumboNode* n) {
    if (is_text(n)) {
      b.add(n->v.text.text, pre_depth > 0);
      return false;
    }
    if (!is_element(n)) return false;
    const GumboTag t = tag_of(n);
    if (is_excluded(t) || (t == GUMBO_TAG_FORM && !options.keep_forms) || is_hidden(n)) return false;
    if (t != GUMBO_TAG_BODY && t != GUMBO_TAG_ARTICLE && t != GUMBO_TAG_MAIN && is_furniture_by_name(n)) return false;
    if ((t == GUMBO_TAG_TABLE || t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DIV || t == GUMBO_TAG_P) &&
        is_link_list(n)) {
      return false;
    }
    // A page header (logo, menus) is noise; an article's own header holds its headline.
    if (t == GUMBO_TAG_HEADER && article_depth == 0) return false;
    if (t == GUMBO_TAG_H1 && !seen_h1) {
      seen_h1 = true;
      if (heading_repeats_title(node_text(n), options.title)) return false;
    }
    if (t == GUMBO_TAG_BR) b.line_break();
    if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) b.space();
    if (t == GUMBO_TAG_ARTICLE) ++article_depth;
    if (t == GUMBO_TAG_PRE) ++pre_depth;
    b.block_break(block_level(t));
    return true;
  };
  auto leave = [&](const GumboNode* n) {
    const GumboTag t = tag_of(n);
    if (t == GUMBO_TAG_ARTICLE) --article_depth;
    if (t == GUMBO_TAG_PRE) --pre_depth;
    if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) b.space();
    b.block_break(block_level(t));
  };
  walk(root, enter, leave);
  return b.take();
}

// The datetime of the first <time> under `root`, outside asides and menus
// (which list other articles and their dates).
std::string first_time_datetime(const GumboNode* root) {
  std::string found;
  walk(root, [&](const GumboNode* n) {
    if (!found.empty() || !is_element(n)) return false;
    const GumboTag t = tag_of(n);
    if (t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_NAV || t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_TEMPLATE) {
      return false;
    }
    if (t == GUMBO_TAG_TIME) found = collapse_html_space(attr(n, "datetime"));
    return found.empty();
  });
  return found;
}

// ---------------------------------------------------------------------------
// Page-wide metadata: one walk over the whole document.

struct PageScan {
  std::vector<std::pair<std::string, std::string>> meta;  // lowercased key, value
  std::string title_tag, first_h1, canonical, lang;
  std::vector<std::string> rel_authors;
  std::vector<std::string> json_ld;
  std::vector<const GumboNode*> articles;  // <article>s not inside another one
  const GumboNode* main = nullptr;
  const GumboNode* role_main = nullptr;
  const GumboNode* body = nullptr;
};

PageScan scan_page(const GumboOutput* output) {
  PageScan s;
  s.lang = attr(output->root, "lang");
  if (s.lang.empty()) s.lang = attr(output->root, "xml:lang");
  int article_depth = 0;
  bool seen_title = false, seen_h1 = false;
  auto enter = [&](const GumboNode* n) {
    if (!is_element(n)) return n->type == GUMBO_NODE_DOCUMENT;
    const GumboTag t = tag_of(n);
    const bool html_ns = n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
    std::string_view content = attr(n, "content");
    if (t == GUMBO_TAG_META) {
      for (const char* key : {"name", "property", "itemprop"}) {
        std::string_view k = attr(n, key);
        if (!k.empty()) s.meta.emplace_back(ascii_lower(trim(k)), collapse_html_space(content));
      }
      std::string_view equiv = attr(n, "http-equiv");
      if (!equiv.empty()) s.meta.emplace_back("http-equiv:" + ascii_lower(trim(equiv)), collapse_html_space(content));
    } else if (has_attr(n, "itemprop")) {  // microdata: <time itemprop="datePublished" datetime=...>
      std::string_view value = content.empty() ? attr(n, "datetime") : content;
      if (!value.empty()) s.meta.emplace_back(ascii_lower(trim(attr(n, "itemprop"))), collapse_html_space(value));
    }
    if (t == GUMBO_TAG_LINK && attr_has_token(n, "rel", "canonical") && s.canonical.empty()) {
      s.canonical = collapse_html_space(attr(n, "href"));
    }
    if (t == GUMBO_TAG_A && attr_has_token(n, "rel", "author")) s.rel_authors.push_back(node_text(n));
    if (t == GUMBO_TAG_TITLE && html_ns && !seen_title) {
      seen_title = true;
      s.title_tag = node_text(n);
    }
    if (t == GUMBO_TAG_H1 && !seen_h1) {
      seen_h1 = true;
      s.first_h1 = node_text(n);
    }
    if (t == GUMBO_TAG_SCRIPT && iequals(trim(attr(n, "type")), "application/ld+json")) {
      s.json_ld.push_back(raw_text(n));
    }
    if (t == GUMBO_TAG_ARTICLE && article_depth++ == 0) s.articles.push_back(n);
    if (t == GUMBO_TAG_MAIN && !s.main) s.main = n;
    if (attr_has_token(n, "role", "main") && !s.role_main) s.role_main = n;
    if (t == GUMBO_TAG_BODY && !s.body) s.body = n;
    return true;
  };
  auto leave = [&](const GumboNode* n) {
    if (tag_of(n) == GUMBO_TAG_ARTICLE) --article_depth;
  };
  walk(output->document, enter, leave);
  return s;
}

// The first non-empty value among meta keys, tried in the order given.
std::string meta_value(const PageScan& s, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    for (const auto& [k, v] : s.meta) {
      if (k == key && !v.empty()) return v;
    }
  }
  return {};
}

// ---------------------------------------------------------------------------
// Field clean-up.

bool looks_like_url(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//") ||
         s.starts_with("www.");
}

// Adds each name in `names` ("By A, B and C") unless already present.
void add_authors(std::vector<std::string>& authors, std::string_view names) {
  names = trim(names);
  if (names.size() > 3 && iequals(names.substr(0, 3), "by ")) names.remove_prefix(3);
  if (looks_like_url(names)) return;
  while (!names.empty()) {
    size_t cut = names.size(), skip = 0;
    for (std::string_view sep : {",", ";", "|", " and ", " & "}) {
      size_t at = names.find(sep);
      if (at < cut) cut = at, skip = sep.size();
    }
    std::string_view name = trim(names.substr(0, cut));
    names.remove_prefix(std::min(names.size(), cut + skip));
    if (name.empty() || name.size() > 100) continue;
    if (std::none_of(authors.begin(), authors.end(), [&](const std::string& a) { return iequals(a, name); })) {
      authors.emplace_back(name);
    }
  }
}

struct BodyChoice {
  const GumboNode* root = nullptr;  // where the text came from (or would have)
  std::string text;
};

// The article body: the largest <article>, else <main>, else role="main", else
// <body>, each tried only when the ones before gave no text.
BodyChoice choose_body(const PageScan& scan, BodyOptions options) {
  BodyChoice best;
  for (const GumboNode* a : scan.articles) {
    std::string text = extract_body(a, options);
    if (!best.root || text.size() > best.text.size()) best = {a, std::move(text)};
  }
  for (const GumboNode* root : {scan.main, scan.role_main, scan.body}) {
    if (!best.text.empty()) return best;
    if (!root) continue;
    best.text = extract_body(root, options);
    if (!best.root || !best.text.empty()) best.root = root;
  }
  if (best.text.empty() && scan.body) {
    options.keep_forms = true;
    best.text = extract_body(scan.body, options);
    if (!best.text.empty()) best.root = scan.body;
  }
  return best;
}

}  // namespace

// ---------------------------------------------------------------------------

ReadResult read_html(std::string_view content, const std::string& path) {
  ReadResult result;
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  std::optional<std::string> flattened = flatten_deep_nesting(content, kMaxHtmlNesting);
  if (flattened) {
    content = *flattened;
    result.warnings.push_back({path, 0,
                               "markup nested deeper than " + std::to_string(kMaxHtmlNesting) +
                                   " elements; the deeper tags were ignored"});
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // recording errors copies the open-element stack each time
  GumboOutput* output = gumbo_parse_with_options(&options, content.data(), content.size());
  const PageScan scan = scan_page(output);
  const JsonLd ld = read_json_ld(scan.json_ld);

  Article a;
  a.path = path;
  a.format = "html";
  for (const std::string& t : {meta_value(scan, {"og:title", "twitter:title"}), scan.title_tag,
                               ld.headline, scan.first_h1}) {
    if (a.title.empty()) a.title = t;
  }
  a.raw_date = meta_value(scan, {"article:published_time", "datepublished", "pubdate", "publishdate",
                                 "date", "dc.date.issued", "sailthru.date", "parsely-pub-date"});
  if (a.raw_date.empty()) a.raw_date = ld.date;

  BodyChoice body = choose_body(scan, BodyOptions{a.title, false});
  a.body = std::move(body.text);
  if (a.raw_date.empty() && body.root) a.raw_date = first_time_datetime(body.root);

  for (const auto& [k, v] : scan.meta) {
    if (in_list(k, {"author", "article:author", "dc.creator", "parsely-author", "sailthru.author"})) {
      add_authors(a.authors, v);
    }
  }
  for (const std::string& name : ld.authors) add_authors(a.authors, name);
  for (const std::string& name : scan.rel_authors) add_authors(a.authors, name);

  a.source = meta_value(scan, {"og:site_name", "application-name"});
  if (a.source.empty()) a.source = ld.publisher;
  if (a.source.empty()) a.source = meta_value(scan, {"publisher", "source"});
  a.url = scan.canonical.empty() ? meta_value(scan, {"og:url"}) : scan.canonical;
  for (const std::string& tag : {scan.lang, meta_value(scan, {"http-equiv:content-language"}),
                                 meta_value(scan, {"og:locale"}), ld.lang}) {
    if (a.lang.empty()) a.lang = primary_language(tag);
  }
  if (!ld.id.empty()) {
    a.id = ld.id;
    a.has_own_id = true;
  }
  if (std::string d = meta_value(scan, {"og:description", "description"}); !d.empty()) a.extra["description"] = d;
  if (std::string s = meta_value(scan, {"article:section"}); !s.empty()) a.extra["section"] = s;
  std::string modified = meta_value(scan, {"article:modified_time", "datemodified"});
  if (modified.empty()) modified = ld.modified;
  if (!modified.empty()) a.extra["modified"] = modified;

  if (a.body.empty()) result.warnings.push_back({path, 0, "no article text found"});
  gumbo_destroy_output(&options, output);
  result.articles.push_back(std::move(a));
  return result;
}

}  // namespace dossier
