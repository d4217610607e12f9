#include "searcher/snippet_stemmer.h"

namespace dossier {

std::string SnippetStemmer::operator()(const std::string& word) {
  auto it = memo_.find(word);
  if (it != memo_.end()) return it->second;
  ++misses_;
  if (memo_.size() >= kMaxWords) memo_.clear();
  std::string stem = inner_(word);
  memo_.emplace(word, stem);
  return stem;
}

Xapian::Stem make_snippet_stemmer(const std::string& lang) {
  // Xapian::Stem takes ownership through its reference count.
  return Xapian::Stem(new SnippetStemmer(lang));
}

}  // namespace dossier
