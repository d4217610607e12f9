// Nesting limiter (see html_nesting.h). It finds tags, comments and raw text the
// way the HTML tokenizer does and keeps a rough stack of open elements. Where the
// tree builder would keep elements open (misnested formatting, end tags blocked by
// special elements or tables) the stack keeps them too, so the estimate errs deep.
#include "indexer/readers/html_nesting.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

#include "common/text.h"

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

bool is_void_tag(std::string_view name) {
  return in_list(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                        "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame",
                        "image"});
}

// Elements the parser closes implicitly (<p>, <li>, <td>...) never pile up, so
// counting them would overstate the depth of ordinary sloppy pages.
bool closes_implicitly(std::string_view name) {
  return in_list(name, {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
                        "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html",
                        "head", "body"});
}

bool is_raw_text_tag(std::string_view name) {
  return in_list(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                        "noframes"});
}

// Formatting elements are reopened by the parser after a misnested end tag.
bool is_formatting(std::string_view name) {
  return in_list(name, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
                        "strong", "tt", "u"});
}

// Elements an end tag cannot close across (scope boundaries).
bool is_scope_boundary(std::string_view name) {
  return in_list(name, {"table", "applet", "marquee", "object", "template", "svg", "math", "mi", "mo",
                        "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc"});
}

// The "special" elements of the HTML parsing spec (the countable ones): an
// ordinary end tag such as </span> is ignored when one of these is in the way.
bool is_special(std::string_view name) {
  return is_scope_boundary(name) ||
         in_list(name, {"address", "article", "aside", "blockquote", "button", "center", "details", "dir",
                        "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1",
                        "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "listing", "main", "menu", "nav",
                        "noscript", "ol", "pre", "section", "select", "summary", "ul"});
}

// Position of the "</name" that ends raw text starting at `from`, or npos.
size_t skip_raw_text(std::string_view html, size_t from, std::string_view name) {
  for (size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (iequals(html.substr(i + 2, name.size()), name)) return i;
  }
  return std::string_view::npos;
}

// Finds `needle` at or after ascending positions, searching each stretch of the
// text once (a page of many comments without "--!>" would otherwise be quadratic).
struct ForwardFinder {
  std::string_view hay, needle;
  size_t found = 0;
  bool searched = false;
  size_t next(size_t from) {
    if (!searched || (found != std::string_view::npos && found < from)) found = hay.find(needle, from);
    searched = true;
    return found;
  }
};

struct OpenElement {
  std::string name;
  bool dropped;  // its tags are cut from the output
};

// Index of the open element an end tag `name` closes, or -1 when the parser would
// ignore it. Only the top entries are searched, which keeps this linear; a miss
// leaves elements open, the safe direction.
int closed_by_end_tag(const std::vector<OpenElement>& open, const std::string& name) {
  const int lowest = std::max(0, static_cast<int>(open.size()) - 8);
  for (int d = static_cast<int>(open.size()) - 1; d >= lowest; --d) {
    const std::string& e = open[d].name;
    if (e == name) {
      // A misnested formatting end tag makes the parser clone the element.
      return is_formatting(name) && d + 1 != static_cast<int>(open.size()) ? -1 : d;
    }
    if (is_scope_boundary(e) || (!is_special(name) && is_special(e))) return -1;
  }
  return -1;
}

}  // namespace

std::optional<std::string> flatten_deep_nesting(std::string_view html, int limit) {
  std::vector<OpenElement> open;
  int foreign = 0;  // open <svg>/<math>: no raw-text elements inside
  std::string out;
  size_t copied = 0;  // html[0, copied) is already in `out`
  auto cut = [&](size_t from, size_t to) {
    out.append(html.substr(copied, from - copied));
    copied = to;
  };
  auto pop_to = [&](size_t d) {
    while (open.size() > d) {
      foreign -= open.back().name == "svg" || open.back().name == "math";
      open.pop_back();
    }
  };
  ForwardFinder find_comment_end{html, "-->"}, find_comment_bang_end{html, "--!>"};
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      if (html.substr(i + 4, 1) == ">" || html.substr(i + 4, 2) == "->") {  // "<!-->", "<!--->"
        i += 5;
        continue;
      }
      const size_t e1 = find_comment_end.next(i + 4), e2 = find_comment_bang_end.next(i + 4);
      if (e1 == std::string_view::npos && e2 == std::string_view::npos) break;
      i = e1 < e2 ? e1 + 3 : e2 + 4;
      continue;
    }
    if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {  // doctype, bogus comment
      i = html.find('>', i);
      if (i == std::string_view::npos) break;
      continue;
    }
    const bool end_tag = i + 1 < html.size() && html[i + 1] == '/';
    size_t k = i + 1 + end_tag;
    if (k >= html.size() || !std::isalpha(static_cast<unsigned char>(html[k]))) {
      ++i;
      continue;
    }
    const size_t name_start = k;
    while (k < html.size() && !std::isspace(static_cast<unsigned char>(html[k])) && html[k] != '/' &&
           html[k] != '>') {
      ++k;
    }
    const std::string name = ascii_lower(html.substr(name_start, k - name_start));
    while (k < html.size() && html[k] != '>') {  // the tag's '>', skipping quoted values
      if (html[k++] != '=') continue;
      while (k < html.size() && std::isspace(static_cast<unsigned char>(html[k]))) ++k;
      if (k < html.size() && (html[k] == '"' || html[k] == '\'')) {
        const size_t close = html.find(html[k], k + 1);
        k = close == std::string_view::npos ? html.size() : close + 1;
      }
    }
    if (k >= html.size()) break;  // unterminated tag: the tokenizer drops it
    const size_t tag_end = k + 1;
    if (end_tag && name == "form") {  // the parser removes the form alone
      for (size_t d = open.size(); d-- > 0 && open.size() - d <= 8;) {
        if (open[d].name != "form") continue;
        if (open[d].dropped) cut(i, tag_end);
        open.erase(open.begin() + d);
        break;
      }
    } else if (end_tag) {
      if (int d = closed_by_end_tag(open, name); d >= 0) {
        if (open[d].dropped) cut(i, tag_end);
        // After an ordinary end tag (</span>) the parser reopens the formatting
        // elements it closed, at a place no later end tag closes.
        std::vector<OpenElement> reopened;
        if (!is_special(name) && !is_formatting(name)) {
          std::copy_if(open.begin() + d + 1, open.end(), std::back_inserter(reopened),
                       [](const OpenElement& e) { return is_formatting(e.name); });
        }
        pop_to(d);
        open.insert(open.end(), reopened.begin(), reopened.end());
      }
    } else if (foreign == 0 && (is_raw_text_tag(name) || name == "plaintext")) {
      if (name == "plaintext") break;
      i = skip_raw_text(html, tag_end, name);
      if (i == std::string_view::npos) break;
      continue;
    } else if (name == "td" || name == "th" || name == "tr") {  // closes the previous cell
      for (size_t d = open.size(); d-- > 0 && open.size() - d <= 8;) {
        if (open[d].name == "table") {
          pop_to(d + 1);
          break;
        }
      }
    } else if (!is_void_tag(name) && !closes_implicitly(name)) {
      const bool drop = static_cast<int>(open.size()) >= limit;
      open.push_back({name, drop});
      foreign += name == "svg" || name == "math";
      if (drop) cut(i, tag_end);
    }
    i = tag_end;
  }
  if (copied == 0) return std::nullopt;
  out.append(html.substr(copied));
  return out;
}

}  // namespace dossier
