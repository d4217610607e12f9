// EntityTagger implementation: tokenizes an article, collects candidate spans
// from the gazetteer, the title/first-name/organization rules and the sequence
// model, resolves in-article coreference, and reports mentions and entities.
#include "indexer/tagger/entity_tagger.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "common/text.h"
#include "indexer/tagger/coreference.h"
#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/guess_filters.h"
#include "indexer/tagger/headline_guesses.h"
#include "indexer/tagger/hover_cards.h"
#include "indexer/tagger/event_names.h"
#include "indexer/tagger/ner_tokenizer.h"
#include "indexer/tagger/one_word_guesses.h"
#include "indexer/tagger/org_names.h"
#include "indexer/tagger/rules.h"
#include "indexer/tagger/sequence_model.h"
#include "indexer/tagger/span_finders.h"
#include "indexer/tagger/state_abbreviations.h"
#include "indexer/tagger/tagger_span.h"

namespace dossier {
namespace {

class RuleAndModelTagger : public EntityTagger {
 public:
  Status Init(const std::string& data_dir) {
    // The model and the gazetteer load in parallel: each takes about a tenth of a
    // second, and indexing waits for both before tagging its first article.
    const std::string model_path = data_dir + "/model/ner.model";
    const bool have_model = std::filesystem::exists(model_path);
    Status model_status;
    std::thread model_loader;
    if (have_model) {
      model_loader = std::thread([&] { model_status = SequenceModel::Load(model_path, data_dir + "/gazetteer", &model_); });
    }
    Status s = gazetteer_.Load(data_dir + "/gazetteer");
    if (model_loader.joinable()) model_loader.join();
    if (!s.ok()) return s;
    if (!have_model) {
      note_ = "no NER model at " + model_path + "; tagging with gazetteers and rules only";
    } else if (!model_status.ok()) {
      model_.reset();
      note_ = "NER model " + model_path + " not loaded (" + model_status.message() +
              "); tagging with gazetteers and rules only";
    }
    return Status::OK();
  }

  using EntityTagger::tag;
  TagResult tag(std::string_view text, std::string_view lang) const override;
  bool has_model() const override { return model_ != nullptr; }
  const std::string& load_note() const override { return note_; }

 private:
  ArticleTokens prepare(std::string_view text, bool use_model) const;

  Gazetteer gazetteer_;
  std::unique_ptr<SequenceModel> model_;
  std::string note_;
};

ArticleTokens RuleAndModelTagger::prepare(std::string_view text, bool use_model) const {
  ArticleTokens article;
  article.text = text;
  article.sentences = tokenize_for_ner(text, gazetteer_.hyphen_splitter());
  article.keys.resize(article.sentences.size());
  article.all_caps.resize(article.sentences.size());
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    int letters_words = 0, caps_words = 0;
    article.keys[s].reserve(article.sentences[s].size());
    for (const NerToken& t : article.sentences[s]) {
      // token_key() of an ASCII token is its lowercase: done in place here.
      std::string& key = article.keys[s].emplace_back(t.text);
      bool ascii = true, lower = false;
      for (char& c : key) {
        const unsigned char u = c;
        ascii &= u < 0x80;
        lower |= static_cast<unsigned>(u - 'a') < 26u;
        if (static_cast<unsigned>(u - 'A') < 26u) c = static_cast<char>(u + ('a' - 'A'));
      }
      if (!ascii) key = token_key(t.text);
      unsigned char c = t.text[0];
      if (t.text.size() > 1 && std::isalpha(c)) {
        ++letters_words;
        // An ASCII word starting with a letter is all caps when it has no lowercase.
        caps_words += ascii ? !lower : is_all_caps(t.text);
      }
    }
    article.all_caps[s] = letters_words >= 2 && caps_words * 10 >= letters_words * 7;
  }
  if (model_ && use_model) {
    article.labels.reserve(article.sentences.size());
    for (const NerSentence& s : article.sentences) article.labels.push_back(model_->predict(s));
  }
  return article;
}

TagResult RuleAndModelTagger::tag(std::string_view text, std::string_view lang) const {
  // "en", "en-GB" or unknown: the sequence model's language.
  const std::string language = primary_language(lang);
  const bool english = language.empty() || language == "en";
  ArticleTokens article = prepare(text, english);
  std::vector<TaggerSpan> spans;
  for (size_t s = 0; s < article.sentences.size(); ++s) {
    std::vector<TaggerSpan> local;
    int sent = static_cast<int>(s);
    find_gazetteer_spans(article, sent, gazetteer_, &local);
    if (!english) gazetteer_.localized().find_spans(article, sent, language, &local);
    find_title_spans(article, sent, gazetteer_, &local);
    find_first_name_spans(article, sent, gazetteer_, &local);
    merge_model_spans(article, sent, gazetteer_, &local);
    find_org_rule_spans(article, sent, &local);
    join_organizations_ending_in_of(article, sent, &local);
    extend_organizations_through_for_and_on(article, sent, gazetteer_, &local);
    // Gazetteer spans a longer model span replaced stay (dropped) in case the
    // guess is dropped later (drop_headline_and_common_word_guesses).
    for (TaggerSpan& t : local) {
      if (!t.dropped || t.source == SpanSource::kGazetteer) spans.push_back(std::move(t));
    }
  }
  qualify_ministries(article, gazetteer_, &spans);
  resolve_state_abbreviations(article, gazetteer_, &spans);
  resolve_acronyms(article, &spans);
  repair_glued_person_spans(article, gazetteer_, &spans);
  trim_ordinary_words_off_person_guesses(article, gazetteer_, &spans);
  trim_headline_words_off_guesses(article, gazetteer_, &spans);
  end_person_guesses_at_run_together_headlines(article, gazetteer_, &spans);
  retype_person_guesses_by_head_word(article, gazetteer_, &spans);
  drop_hover_card_names(article, &spans);
  drop_event_names(article, gazetteer_, &spans);
  retype_family_names_used_as_modifiers(article, &spans);
  retype_named_persons_read_as_organizations(article, gazetteer_, &spans);
  correct_one_word_guesses_by_context(article, gazetteer_, &spans);
  resolve_person_coreference(article, gazetteer_, &spans);
  drop_headline_and_common_word_guesses(article, gazetteer_, &spans);
  resolve_one_word_organizations(article, &spans);

  // Text order; spans are big, so sort pointers to them.
  std::vector<const TaggerSpan*> order;
  order.reserve(spans.size());
  for (const TaggerSpan& s : spans) order.push_back(&s);
  std::sort(order.begin(), order.end(), [](const TaggerSpan* a, const TaggerSpan* b) {
    if (a->sent != b->sent) return a->sent < b->sent;
    return a->begin != b->begin ? a->begin < b->begin : a < b;  // ties in the order found
  });
  TagResult result;
  std::map<std::pair<EntityType, std::string>, size_t> entity_index;
  for (const TaggerSpan* sp : order) {
    const TaggerSpan& s = *sp;
    if (s.dropped || s.misc || s.begin >= s.end) continue;
    const NerSentence& tokens = article.sentences[s.sent];
    Mention m;
    m.type = s.type;
    m.surface = span_surface(text, tokens, s.begin, s.end);
    if (m.surface.empty()) continue;
    m.canonical = m.type == EntityType::kOrg ? organization_name(article, s)
                  : s.canonical.empty()        ? m.surface
                                               : s.canonical;
    m.begin = tokens[s.begin].begin;
    size_t last = s.end - 1;
    if (last > s.begin && (tokens[last].text == "'s" || tokens[last].text == "\xE2\x80\x99s")) --last;
    m.end = tokens[last].end;
    m.role = s.role;
    m.demonym = s.demonym;
    const std::string& key = cached_entity_key(m.canonical);
    if (key.empty()) continue;
    auto [it, inserted] = entity_index.emplace(std::make_pair(m.type, key), result.entities.size());
    if (inserted) result.entities.push_back(TaggedEntity{m.type, m.canonical, 0, {}});
    TaggedEntity& e = result.entities[it->second];
    ++e.mentions;
    if (std::find(e.surfaces.begin(), e.surfaces.end(), m.surface) == e.surfaces.end()) e.surfaces.push_back(m.surface);
    result.mentions.push_back(std::move(m));
  }
  return result;
}

// A tagger loading in the background (EntityTagger::StartLoading).
class BackgroundLoadedTagger : public EntityTagger {
 public:
  explicit BackgroundLoadedTagger(const std::string& data_dir)
      : loader_([this, data_dir] { status_ = EntityTagger::Load(data_dir, &inner_); }) {}
  ~BackgroundLoadedTagger() override { wait(); }

  Status ready() const override {
    wait();
    return status_;
  }
  using EntityTagger::tag;
  TagResult tag(std::string_view text, std::string_view lang) const override {
    wait();
    return inner_ ? inner_->tag(text, lang) : TagResult{};
  }
  bool has_model() const override {
    wait();
    return inner_ && inner_->has_model();
  }
  const std::string& load_note() const override {
    wait();
    return inner_ ? inner_->load_note() : status_.message();
  }

 private:
  void wait() const {
    std::call_once(joined_, [this] { loader_.join(); });
  }

  Status status_;
  std::unique_ptr<EntityTagger> inner_;
  mutable std::once_flag joined_;
  mutable std::thread loader_;  // last: starts once the members it writes exist
};

}  // namespace

std::unique_ptr<EntityTagger> EntityTagger::StartLoading(const std::string& data_dir) {
  return std::make_unique<BackgroundLoadedTagger>(data_dir);
}

Status EntityTagger::Load(const std::string& data_dir, std::unique_ptr<EntityTagger>* out) {
  auto tagger = std::make_unique<RuleAndModelTagger>();
  Status s = tagger->Init(data_dir);
  if (!s.ok()) return s;
  *out = std::move(tagger);
  return Status::OK();
}

}  // namespace dossier
