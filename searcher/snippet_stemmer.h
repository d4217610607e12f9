// SnippetStemmer: a Xapian::StemImplementation that remembers the stems an
// inner Snowball stemmer returned. MSet::snippet stems every word of a hit's
// text, and news repeats its words: the memo makes a keyword query's snippets
// about a third cheaper and changes no snippet (same stemmer, same results).
// Not thread-safe, like the Searcher that owns it.
#pragma once

#include <string>
#include <unordered_map>

#include <xapian.h>

namespace dossier {

class SnippetStemmer : public Xapian::StemImplementation {
 public:
  // Past this many words the memo starts over, which bounds its memory.
  static constexpr size_t kMaxWords = 200000;

  // `lang`: a language name Xapian::Stem accepts ("none" included); throws
  // Xapian::InvalidArgumentError for others.
  explicit SnippetStemmer(const std::string& lang) : inner_(lang), lang_(lang) {}

  std::string operator()(const std::string& word) override;
  std::string get_description() const override { return lang_; }

  size_t size() const { return memo_.size(); }
  size_t misses() const { return misses_; }

 private:
  Xapian::Stem inner_;
  std::string lang_;
  std::unordered_map<std::string, std::string> memo_;
  size_t misses_ = 0;
};

// A Xapian::Stem for `lang` (a name Xapian::Stem accepts) backed by a new
// SnippetStemmer; throws Xapian::InvalidArgumentError for an unknown language.
Xapian::Stem make_snippet_stemmer(const std::string& lang);

}  // namespace dossier
