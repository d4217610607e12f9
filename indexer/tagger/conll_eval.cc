// CoNLL reading, document re-tagging and conlleval-style span scoring.
#include "indexer/tagger/conll_eval.h"

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>

namespace dossier {

Status read_conll_file(const std::string& path, std::vector<ConllDocument>* docs) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open CoNLL file");
  docs->clear();
  ConllDocument doc;
  std::vector<std::string> tokens, tags;
  auto end_sentence = [&] {
    if (tokens.empty()) return;
    doc.tokens.push_back(std::move(tokens));
    doc.tags.push_back(std::move(tags));
    tokens.clear();
    tags.clear();
  };
  auto end_document = [&] {
    end_sentence();
    if (!doc.tokens.empty()) docs->push_back(std::move(doc));
    doc = ConllDocument();
  };
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::istringstream fields(line);
    std::vector<std::string> cols;
    for (std::string f; fields >> f;) cols.push_back(f);
    if (cols.empty()) {
      end_sentence();
      continue;
    }
    if (cols[0] == "-DOCSTART-") {
      end_document();
      continue;
    }
    const std::string& tag = cols.back();
    bool valid = cols.size() >= 2 &&
                 (tag == "O" || (tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-'));
    if (!valid) {
      return Status::Corruption(path + ":" + std::to_string(line_no) +
                                ": not a CoNLL line (expected 'TOKEN ... TAG' with TAG O, B-X or I-X)");
    }
    tokens.push_back(cols[0]);
    tags.push_back(tag);
  }
  end_document();
  if (docs->empty()) return Status::Corruption(path + ": no CoNLL tokens found");
  return Status::OK();
}

std::vector<ConllSpan> conll_chunks(const std::vector<std::string>& tags, int sent) {
  std::vector<ConllSpan> out;
  std::string current;
  for (size_t i = 0; i <= tags.size(); ++i) {
    std::string type = i < tags.size() && tags[i] != "O" ? tags[i].substr(2) : "";
    bool begins = !type.empty() && (tags[i][0] == 'B' || type != current);
    if (!current.empty() && (type.empty() || begins)) {
      out.back().end = static_cast<int>(i);
      current.clear();
    }
    if (begins) {
      out.push_back(ConllSpan{sent, static_cast<int>(i), static_cast<int>(i), type});
      current = type;
    }
  }
  return out;
}

std::vector<ConllSpan> tag_conll_document(const EntityTagger& tagger, const ConllDocument& doc) {
  // Tokens joined by spaces, sentences by a blank line (a hard sentence break for
  // the tokenizer), remembering where each token starts and ends.
  std::string text;
  struct Pos {
    int sent, token;
    size_t begin, end;
  };
  std::vector<Pos> positions;
  for (size_t s = 0; s < doc.tokens.size(); ++s) {
    if (s > 0) text += "\n\n";
    for (size_t t = 0; t < doc.tokens[s].size(); ++t) {
      if (t > 0) text += ' ';
      positions.push_back(Pos{static_cast<int>(s), static_cast<int>(t), text.size(), 0});
      text += doc.tokens[s][t];
      positions.back().end = text.size();
    }
  }
  TagResult result = tagger.tag(text);
  std::set<ConllSpan> spans;
  size_t p = 0;
  for (const Mention& m : result.mentions) {
    while (p > 0 && positions[p].begin > m.begin) --p;
    while (p < positions.size() && positions[p].end <= m.begin) ++p;
    if (p == positions.size()) break;
    size_t q = p;
    while (q + 1 < positions.size() && positions[q + 1].begin < m.end && positions[q + 1].sent == positions[p].sent) ++q;
    // A mention inside one CoNLL token ("Israel" of "Israel-PLO") is not a CoNLL span.
    if (positions[p].begin != m.begin || positions[q].end != m.end) continue;
    std::string type = m.demonym ? "MISC"
                       : m.type == EntityType::kPerson ? "PER"
                       : m.type == EntityType::kOrg    ? "ORG"
                                                       : "LOC";
    spans.insert(ConllSpan{positions[p].sent, positions[p].token, positions[q].token + 1, type});
  }
  return {spans.begin(), spans.end()};
}

NerEvaluation evaluate_conll(const EntityTagger& tagger, const std::vector<ConllDocument>& docs) {
  NerEvaluation eval;
  for (const char* t : {"PER", "ORG", "LOC"}) eval.by_type[t] = NerScore();
  double seconds = 0;
  for (const ConllDocument& doc : docs) {
    ++eval.documents;
    std::set<ConllSpan> gold;
    for (size_t s = 0; s < doc.tags.size(); ++s) {
      ++eval.sentences;
      eval.tokens += static_cast<int>(doc.tokens[s].size());
      for (const ConllSpan& c : conll_chunks(doc.tags[s], static_cast<int>(s))) {
        if (c.type != "MISC") gold.insert(c);
      }
    }
    auto start = std::chrono::steady_clock::now();
    std::vector<ConllSpan> predicted = tag_conll_document(tagger, doc);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const ConllSpan& g : gold) {
      if (eval.by_type.count(g.type)) ++eval.by_type[g.type].gold;
    }
    for (const ConllSpan& pr : predicted) {
      if (!eval.by_type.count(pr.type)) continue;
      ++eval.by_type[pr.type].predicted;
      if (gold.count(pr)) ++eval.by_type[pr.type].correct;
    }
  }
  for (const auto& [type, score] : eval.by_type) {
    eval.overall.gold += score.gold;
    eval.overall.predicted += score.predicted;
    eval.overall.correct += score.correct;
  }
  eval.seconds = seconds;
  return eval;
}

}  // namespace dossier
