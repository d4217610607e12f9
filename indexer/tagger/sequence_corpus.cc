#include "indexer/tagger/sequence_corpus.h"

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dossier {

namespace {

bool IsInside(NerLabel l) {
  return l == NerLabel::I_PER || l == NerLabel::I_ORG || l == NerLabel::I_LOC || l == NerLabel::I_MISC;
}
NerLabel Begin(NerLabel inside) { return static_cast<NerLabel>(static_cast<int>(inside) - 1); }
NerLabel Inside(NerLabel begin) { return static_cast<NerLabel>(static_cast<int>(begin) + 1); }
// 0 PER, 1 ORG, 2 LOC, 3 MISC, -1 for O.
int TypeOf(NerLabel l) { return l == NerLabel::O ? -1 : (static_cast<int>(l) - 1) / 2; }

// Reads a whole file, transparently gunzipping it (zlib passes plain files through).
Status ReadMaybeGzip(const std::string& path, std::string* out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::NotFound("corpus file not found: " + path);
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return Status::IOError("cannot open " + path);
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, n);
  gzclose(f);
  if (n < 0) return Status::Corruption("cannot decompress " + path);
  return Status::OK();
}

std::string Latin1ToUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
    }
  }
  return out;
}

// Splits one CSV line (RFC 4180 quoting, no embedded newlines in this corpus).
std::vector<std::string> SplitCsv(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') { fields.back().push_back('"'); ++i; }
      else if (c == '"') quoted = false;
      else fields.back().push_back(c);
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back().push_back(c);
    }
  }
  return fields;
}

bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }

// Whether a GMB gpe span names a people/adjective ("Iraqi", "South Korean") rather
// than the country itself: CoNLL tags the former MISC.
bool IsDemonymSpan(const std::vector<std::string>& words, const NerLexicon& lex) {
  std::string phrase;
  for (const std::string& w : words) phrase += (phrase.empty() ? "" : " ") + w;
  if (lex.Contains(NerLexicon::kCountry, phrase) || lex.Contains(NerLexicon::kPlace, phrase)) return false;
  if (lex.Contains(NerLexicon::kDemonym, phrase)) return true;
  const std::string& last = words.back();
  if (last.empty() || !(last[0] >= 'A' && last[0] <= 'Z')) return false;
  if (EndsWith(last, "stan") || EndsWith(last, "stans")) return false;
  for (std::string_view suf : {"an", "ans", "ese", "i", "is", "ish", "ch"}) {
    if (EndsWith(last, suf)) return true;
  }
  return false;
}

}  // namespace

void NormalizeIob2(std::vector<NerLabel>* labels) {
  NerLabel prev = NerLabel::O;
  for (NerLabel& l : *labels) {
    if (IsInside(l) && TypeOf(prev) != TypeOf(l)) l = Begin(l);
    prev = l;
  }
}

Status ReadConll(const std::string& path, std::vector<LabeledSentence>* out) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("CoNLL file not found: " + path);
  std::string line;
  LabeledSentence cur;
  int doc = 0, line_no = 0;
  auto flush = [&] {
    if (!cur.tokens.empty()) {
      NormalizeIob2(&cur.labels);
      cur.doc = doc;
      out->push_back(std::move(cur));
    }
    cur = LabeledSentence();
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) { flush(); continue; }
    if (line.starts_with("-DOCSTART-")) { flush(); ++doc; continue; }
    const size_t sp = line.find(' ');
    const size_t last = line.rfind(' ');
    if (sp == std::string::npos || sp == 0) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": expected 'TOKEN ... TAG'");
    }
    NerLabel label;
    if (!ParseNerLabel(std::string_view(line).substr(last + 1), &label)) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": unknown tag '" + line.substr(last + 1) + "'");
    }
    NerToken tok;
    tok.text = line.substr(0, sp);
    cur.tokens.push_back(std::move(tok));
    cur.labels.push_back(label);
  }
  flush();
  return Status::OK();
}

Status ReadGmb(const std::string& path, const NerLexicon& lexicon, std::vector<LabeledSentence>* out) {
  std::string raw;
  Status s = ReadMaybeGzip(path, &raw);
  if (!s.ok()) return s;
  const std::string text = Latin1ToUtf8(raw);
  raw.clear();
  std::vector<std::string> tags;  // raw GMB tags of the current sentence
  LabeledSentence cur;
  int sentence_no = 0;
  auto flush = [&] {
    if (cur.tokens.empty()) return;
    cur.labels.assign(cur.tokens.size(), NerLabel::O);
    for (size_t i = 0; i < tags.size(); ++i) {
      const std::string& t = tags[i];
      if (t.size() < 5 || t[1] != '-') continue;
      const std::string kind = t.substr(2);
      NerLabel b = NerLabel::O;
      if (kind == "per") b = NerLabel::B_PER;
      else if (kind == "org") b = NerLabel::B_ORG;
      else if (kind == "geo") b = NerLabel::B_LOC;
      else if (kind == "art" || kind == "eve" || kind == "nat") b = NerLabel::B_MISC;
      else if (kind == "gpe") b = NerLabel::B_LOC;  // demonyms fixed below, per span
      if (b == NerLabel::O) continue;
      cur.labels[i] = t[0] == 'I' ? Inside(b) : b;
    }
    NormalizeIob2(&cur.labels);
    // gpe spans: country -> LOC, demonym -> MISC.
    for (size_t i = 0; i < tags.size(); ++i) {
      if (tags[i] != "B-gpe") continue;
      size_t j = i + 1;
      while (j < tags.size() && tags[j] == "I-gpe") ++j;
      std::vector<std::string> words;
      for (size_t k = i; k < j; ++k) words.push_back(cur.tokens[k].text);
      if (IsDemonymSpan(words, lexicon) && cur.labels[i] == NerLabel::B_LOC) {
        cur.labels[i] = NerLabel::B_MISC;
        for (size_t k = i + 1; k < j; ++k) cur.labels[k] = NerLabel::I_MISC;
      }
    }
    cur.doc = sentence_no;
    out->push_back(std::move(cur));
    cur = LabeledSentence();
    tags.clear();
  };
  size_t pos = 0;
  bool header = true;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    if (header) { header = false; continue; }
    if (line.empty() || line == "\r") continue;
    std::vector<std::string> f = SplitCsv(line);
    if (f.size() < 4) continue;
    if (!f[0].empty()) { flush(); ++sentence_no; }
    NerToken tok;
    tok.text = f[1];
    if (tok.text.empty()) continue;
    cur.tokens.push_back(std::move(tok));
    tags.push_back(f[3]);
  }
  flush();
  if (out->empty()) return Status::Corruption("no sentences in GMB file " + path);
  return Status::OK();
}

namespace {
struct Span { size_t begin, end; int type; };
std::vector<Span> Spans(const std::vector<NerLabel>& labels) {
  std::vector<Span> spans;
  for (size_t i = 0; i < labels.size();) {
    const int t = TypeOf(labels[i]);
    if (t < 0) { ++i; continue; }
    size_t j = i + 1;
    while (j < labels.size() && IsInside(labels[j]) && TypeOf(labels[j]) == t) ++j;
    spans.push_back({i, j, t});
    i = j;
  }
  return spans;
}
}  // namespace

void SpanScorer::Add(const std::vector<NerLabel>& gold, const std::vector<NerLabel>& predicted) {
  const std::vector<Span> g = Spans(gold), p = Spans(predicted);
  size_t gi = 0;
  std::vector<bool> matched(g.size(), false);
  for (const Span& s : p) {
    bool hit = false;
    while (gi < g.size() && g[gi].begin < s.begin) ++gi;
    if (gi < g.size() && g[gi].begin == s.begin && g[gi].end == s.end && g[gi].type == s.type) {
      hit = true;
      matched[gi] = true;
    }
    if (hit) ++by_type_[s.type].tp; else ++by_type_[s.type].fp;
  }
  for (size_t k = 0; k < g.size(); ++k) {
    if (!matched[k]) ++by_type_[g[k].type].fn;
  }
}

SpanScorer::Prf SpanScorer::overall() const {
  Prf sum;
  for (const Prf& p : by_type_) { sum.tp += p.tp; sum.fp += p.fp; sum.fn += p.fn; }
  return sum;
}

SpanScorer::Prf SpanScorer::per_org_loc() const {
  Prf sum;
  for (Type t : {kPer, kOrg, kLoc}) { sum.tp += by_type_[t].tp; sum.fp += by_type_[t].fp; sum.fn += by_type_[t].fn; }
  return sum;
}

std::string SpanScorer::Report() const {
  std::ostringstream os;
  char line[160];
  auto row = [&](const char* name, const Prf& p) {
    std::snprintf(line, sizeof line, "%-12s P %.4f  R %.4f  F1 %.4f  (tp %ld fp %ld fn %ld)\n", name,
                  p.precision(), p.recall(), p.f1(), p.tp, p.fp, p.fn);
    os << line;
  };
  const char* names[kNumTypes] = {"PER", "ORG", "LOC", "MISC"};
  for (int t = 0; t < kNumTypes; ++t) row(names[t], by_type_[t]);
  row("PER+ORG+LOC", per_org_loc());
  row("overall", overall());
  return os.str();
}

}  // namespace dossier
