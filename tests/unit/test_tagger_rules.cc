// Tests for the entity tagger's rule families on hand-written sentences, with the
// small test gazetteer in tests/data/tagger (no model: gazetteer + rules only).
#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <set>
#include <string>

#include "common/entity_names.h"
#include "indexer/tagger/entity_tagger.h"
#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/guess_filters.h"
#include "indexer/tagger/ner_tokenizer.h"
#include "indexer/tagger/span_finders.h"
#include "indexer/tagger/state_abbreviations.h"

using namespace dossier;

namespace {

const EntityTagger& test_tagger() {
  static std::unique_ptr<EntityTagger> tagger = [] {
    std::unique_ptr<EntityTagger> t;
    Status s = EntityTagger::Load(std::string(DOSSIER_SOURCE_DIR) + "/tests/data/tagger", &t);
    REQUIRE_MESSAGE(s.ok(), s.message());
    return t;
  }();
  return *tagger;
}

std::set<std::string> names(const TagResult& r, EntityType type) {
  std::set<std::string> out;
  for (const auto& e : r.entities) if (e.type == type) out.insert(e.canonical);
  return out;
}

const Mention* find_mention(const TagResult& r, std::string_view surface, size_t nth = 0) {
  for (const auto& m : r.mentions) {
    if (m.surface == surface && nth-- == 0) return &m;
  }
  return nullptr;
}

int count_of(const TagResult& r, std::string_view canonical) {
  for (const auto& e : r.entities) if (e.canonical == canonical) return e.mentions;
  return 0;
}

}  // namespace

TEST_CASE("tagger: loads without a model and says so") {
  const EntityTagger& t = test_tagger();
  CHECK_FALSE(t.has_model());
  CHECK(t.load_note().find("ner.model") != std::string::npos);
  std::unique_ptr<EntityTagger> missing;
  CHECK_FALSE(EntityTagger::Load("/nonexistent/dossier-data", &missing).ok());
}

TEST_CASE("tagger: titles give a role and are stripped from the name") {
  TagResult r = test_tagger().tag(
      "U.S. Secretary of State Antony Blinken met reporters. Mr. Blinken said talks went well. "
      "Foreign Minister Mary Hanlon agreed.");
  const Mention* full = find_mention(r, "Antony Blinken");
  REQUIRE(full);
  CHECK(full->role == "Secretary of State");
  const Mention* short_form = find_mention(r, "Blinken");
  REQUIRE(short_form);
  CHECK(short_form->canonical == "Antony Blinken");
  CHECK(short_form->role.empty());
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Antony Blinken", "Mary Hanlon"});
  CHECK(find_mention(r, "Mary Hanlon")->role == "Foreign Minister");
  CHECK(names(r, EntityType::kPlace) == std::set<std::string>{"United States"});
}

TEST_CASE("tagger: a lone family name is a known foreign politician only where the article names the country") {
  // President Erdogan of Turkey (TR) in the test gazetteer.
  TagResult us = test_tagger().tag("Mr. Erdogan, a Dallas dentist, spoke to the school board on Monday.");
  const Mention* alone = find_mention(us, "Erdogan");
  REQUIRE(alone);
  CHECK(alone->canonical == "Erdogan");
  TagResult tr = test_tagger().tag("Mr. Erdogan said Turkey would not yield.");
  const Mention* in_turkey = find_mention(tr, "Erdogan");
  REQUIRE(in_turkey);
  CHECK(in_turkey->canonical == "Recep Tayyip Erdoğan");
  TagResult demonym = test_tagger().tag("Mr. Erdogan told Turkish reporters he would stay.");
  CHECK(find_mention(demonym, "Erdogan")->canonical == "Recep Tayyip Erdoğan");
  // A person of the United States needs no mention of it.
  TagResult biden = test_tagger().tag("Mr. Biden spoke on Monday.");
  CHECK(find_mention(biden, "Biden")->canonical == "Joe Biden");
}

TEST_CASE("tagger: family-name-first names join their short mentions") {
  TagResult r = test_tagger().tag(
      "South Korean Foreign Minister Park Jin arrived on Monday. Park said the talks were useful. "
      "Chinese President Xi Jinping sent a letter, and Mr. Xi called for calm.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Park Jin", "Xi Jinping"});
  CHECK(count_of(r, "Park Jin") == 2);
  CHECK(count_of(r, "Xi Jinping") == 2);
  // Western order: the last name joins.
  TagResult w = test_tagger().tag("President John Halvorsen spoke. Halvorsen then left.");
  CHECK(count_of(w, "John Halvorsen") == 2);
}

TEST_CASE("tagger: a short name matching two full names is not guessed") {
  TagResult r = test_tagger().tag("Kim Jong Un met Kim Yo Jong in Pyongyang. Kim said the meeting was useful.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"Kim Jong Un", "Kim Yo Jong"});
  CHECK(count_of(r, "Kim Jong Un") == 1);
  CHECK(count_of(r, "Kim Yo Jong") == 1);
  CHECK(find_mention(r, "Kim") == nullptr);
}

TEST_CASE("tagger: demonyms resolve to their country, longest first") {
  TagResult r = test_tagger().tag("South Korean and Japanese officials met North Korean envoys.");
  const Mention* sk = find_mention(r, "South Korean");
  REQUIRE(sk);
  CHECK(sk->canonical == "South Korea");
  CHECK(sk->demonym);
  CHECK(find_mention(r, "Korean") == nullptr);
  CHECK(find_mention(r, "Japanese")->canonical == "Japan");
  CHECK(find_mention(r, "North Korean")->canonical == "North Korea");
  CHECK(names(r, EntityType::kPerson).empty());
}

TEST_CASE("tagger: possessives and ministries") {
  TagResult r = test_tagger().tag(
      "Japan's Foreign Ministry condemned North Korea\xE2\x80\x99s launch. "
      "The Japanese Foreign Ministry later issued a statement.");
  const Mention* japan = find_mention(r, "Japan");
  REQUIRE(japan);
  CHECK(japan->canonical == "Japan");
  CHECK(find_mention(r, "North Korea")->canonical == "North Korea");
  CHECK(names(r, EntityType::kOrg) == std::set<std::string>{"Foreign Ministry of Japan"});
  CHECK(count_of(r, "Foreign Ministry of Japan") == 2);
  CHECK(count_of(r, "Japan") == 2);  // "Japan's" and the demonym "Japanese"
}

TEST_CASE("tagger: acronyms and organization aliases") {
  TagResult r = test_tagger().tag(
      "The Group of Seven nations met. G-7 ministers and the G7 presidency agreed. "
      "The Shanghai Cooperation Organisation (SCO) also met; SCO members disagreed.");
  CHECK(count_of(r, "Group of Seven") == 3);
  CHECK(count_of(r, "Shanghai Cooperation Organisation") == 3);
  CHECK(names(r, EntityType::kOrg) == std::set<std::string>{"Group of Seven", "Shanghai Cooperation Organisation"});
}

TEST_CASE("tagger: gazetteer aliases map to one canonical across articles") {
  TagResult a = test_tagger().tag("Tony Blinken flew to Kyiv to meet Zelensky.");
  CHECK(names(a, EntityType::kPerson) == std::set<std::string>{"Antony Blinken", "Volodymyr Zelenskyy"});
  TagResult b = test_tagger().tag("The humanitarian crisis in Gaza deepened as Hamas fighters regrouped.");
  CHECK(names(b, EntityType::kPlace) == std::set<std::string>{"Gaza Strip"});
  CHECK(names(b, EntityType::kOrg) == std::set<std::string>{"Hamas"});
}

TEST_CASE("tagger: diacritics fold for matching but display as written") {
  CHECK(entity_key("Recep Tayyip Erdo\xC4\x9F" "an") == "recep tayyip erdogan");
  CHECK(entity_key("  Recep  Tayyip-Erdogan ") == "recep tayyip erdogan");
  CHECK(entity_key("U.S.") == "u.s.");
  CHECK(entity_key("O\xE2\x80\x99Neill") == entity_key("O'Neill"));
  TagResult r = test_tagger().tag("President Recep Tayyip Erdogan met T\xC3\xBCrkiye's allies.");
  const Mention* m = find_mention(r, "Recep Tayyip Erdogan");
  REQUIRE(m);
  CHECK(m->canonical == "Recep Tayyip Erdo\xC4\x9F" "an");
  CHECK(find_mention(r, "T\xC3\xBCrkiye")->canonical == "Turkey");
}

TEST_CASE("tagger: capitalised common words and lowercase aliases are not entities") {
  TagResult r = test_tagger().tag(
      "Photo shows the delegates. Related coverage: Strategic talks resume. Let us see what the photo shows.");
  CHECK(r.entities.empty());
  TagResult us = test_tagger().tag("US officials said the US would respond.");
  CHECK(count_of(us, "United States") == 2);
}

TEST_CASE("tagger: mention offsets are byte offsets of the surface") {
  std::string text = "Tokyo.\n\nJapan\xE2\x80\x99s envoy met U.S. Secretary of State Antony Blinken in San Francisco.";
  TagResult r = test_tagger().tag(text);
  REQUIRE(r.mentions.size() == 4);
  for (const Mention& m : r.mentions) CHECK(text.substr(m.begin, m.end - m.begin) == m.surface);
  CHECK(r.mentions[0].surface == "Japan");
  CHECK(r.mentions[3].canonical == "San Francisco");
}

TEST_CASE("tagger: short all-caps aliases do not match inside capitalised headlines") {
  TagResult r = test_tagger().tag("TALKS WITH US OFFICIALS COLLAPSE IN SAN FRANCISCO\n\nUS officials left.");
  CHECK(count_of(r, "United States") == 1);
  CHECK(count_of(r, "San Francisco") == 1);
}

TEST_CASE("tagger: British honorifics without a period join the full name") {
  TagResult r = test_tagger().tag("John Thomas met reporters. Mr Thomas said the vote was close.");
  CHECK(names(r, EntityType::kPerson) == std::set<std::string>{"John Thomas"});
  CHECK(count_of(r, "John Thomas") == 2);
  CHECK(find_mention(r, "Thomas")->role.empty());
}

// Headline and common-word guesses: the filter on the model's spans, given the
// spans by hand (the test gazetteer has no model).
namespace {

struct GuessFixture {
  Gazetteer gaz;
  ArticleTokens article;
  std::string text;

  explicit GuessFixture(std::string t) : text(std::move(t)) {
    Status s = gaz.Load(std::string(DOSSIER_SOURCE_DIR) + "/tests/data/tagger/gazetteer");
    REQUIRE_MESSAGE(s.ok(), s.message());
    article.text = text;
    article.sentences = tokenize_for_ner(text, gaz.hyphen_splitter());
    for (const NerSentence& sent : article.sentences) {
      auto& keys = article.keys.emplace_back();
      for (const NerToken& tok : sent) keys.push_back(token_key(tok.text));
      article.labels.emplace_back(sent.size(), NerLabel::O);  // a model ran
      article.all_caps.push_back(false);
    }
  }
  // The model's span over the words `words` (first occurrence in sentence `sent`).
  TaggerSpan guess(int sent, std::string_view words, EntityType type) const {
    const NerSentence& tokens = article.sentences[sent];
    std::vector<NerToken> want = tokenize_phrase(words);
    for (size_t b = 0; b + want.size() <= tokens.size(); ++b) {
      bool same = true;
      for (size_t k = 0; k < want.size(); ++k) same &= tokens[b + k].text == want[k].text;
      if (!same) continue;
      TaggerSpan s;
      s.sent = sent;
      s.begin = b;
      s.end = b + want.size();
      s.type = type;
      s.source = SpanSource::kModel;
      return s;
    }
    FAIL("no '" << words << "' in sentence " << sent);
    return {};
  }
  struct Want {
    int sent;
    std::string_view words;
    EntityType type;
  };
  // The text a span covers.
  std::string surface(const TaggerSpan& s) const {
    const NerSentence& t = article.sentences[s.sent];
    return text.substr(t[s.begin].begin, t[s.end - 1].end - t[s.begin].begin);
  }
  // The model's spans, one guess() each.
  std::vector<TaggerSpan> guesses(std::initializer_list<Want> wants) const {
    std::vector<TaggerSpan> out;
    for (const Want& w : wants) out.push_back(guess(w.sent, w.words, w.type));
    return out;
  }
};

}  // namespace

TEST_CASE("guess filters: title-case headlines are told from results lines and name lists") {
  GuessFixture f(
      "Blinken, Kamikawa and Park Close Ranks on North Korea Ahead of Summit\n\n"
      "The three ministers met ahead of the summit. Celtic 3 Rangers 1\n\n"
      "Harry Milling, Energy Desk\n\n"
      "Officials said the talks would close soon.");
  const std::vector<bool> headline = find_headline_sentences(f.article);
  REQUIRE(headline.size() == 5);
  CHECK(headline[0]);        // ordinary words "Close", "Ahead", "Summit", "North"
  CHECK_FALSE(headline[1]);  // lowercase words
  CHECK_FALSE(headline[2]);  // "Celtic 3 Rangers 1": names only
  CHECK_FALSE(headline[3]);  // "Harry Milling, Energy Desk": one ordinary word at most
  CHECK_FALSE(headline[4]);
}

TEST_CASE("guess filters: model-only entities seen only in headlines are dropped") {
  GuessFixture f(
      "Blinken, Kamikawa and Park Close Ranks on North Korea Ahead of Kamikawa Group Summit\n\n"
      "The ministers will close ranks, officials said. The Kamikawa Group hosted them ahead of the summit.");
  std::vector<TaggerSpan> spans = {f.guess(0, "Park Close Ranks", EntityType::kPerson),
                                   f.guess(0, "North Korea Ahead", EntityType::kPlace),
                                   f.guess(0, "Kamikawa Group", EntityType::kOrg)};
  // The gazetteer's "North Korea", replaced by the longer guess.
  TaggerSpan korea = f.guess(0, "North Korea", EntityType::kPlace);
  korea.source = SpanSource::kGazetteer;
  korea.dropped = true;
  spans.push_back(korea);
  drop_headline_and_common_word_guesses(f.article, f.gaz, &spans);
  CHECK(spans[0].dropped);        // "Close Ranks": only in the headline
  CHECK(spans[1].dropped);        // "North Korea Ahead"
  CHECK_FALSE(spans[2].dropped);  // "Kamikawa Group" is written as a name in the body
  CHECK_FALSE(spans[3].dropped);  // and the swallowed "North Korea" comes back

  // The same guess with a gazetteer entry, a title or a body mention stays.
  std::vector<TaggerSpan> backed = {f.guess(0, "Park Close Ranks", EntityType::kPerson)};
  backed[0].honorific = true;
  drop_headline_and_common_word_guesses(f.article, f.gaz, &backed);
  CHECK_FALSE(backed[0].dropped);
}

TEST_CASE("guess filters: person spans over glued and repeated names are repaired") {
  GuessFixture f(
      "Speaker Nancy Pelosi Nancy PelosiOn The Money said so. "
      "Hillary Clinton Hillary Diane Rodham ClintonGiuliani replied. "
      "President Trump Donald John TrumpSessions left, and Trump stayed.");
  const EntityType person = EntityType::kPerson;
  std::vector<TaggerSpan> spans = f.guesses({{0, "Nancy Pelosi Nancy Pelosi On The Money", person},
                                             {1, "Hillary Clinton Hillary Diane Rodham Clinton", person},
                                             {2, "Trump Donald John Trump Sessions", person},
                                             {2, "Trump", person}});
  spans[0].role = "Speaker";  // a title's span is repaired too
  repair_glued_person_spans(f.article, f.gaz, &spans);
  CHECK(f.surface(spans[0]) == "Nancy Pelosi");
  CHECK(f.surface(spans[1]) == "Hillary Clinton");
  CHECK(f.surface(spans[2]) == "Donald John Trump");
  CHECK(f.surface(spans[3]) == "Trump");
  for (const auto& s : spans) CHECK_FALSE(s.dropped);
}

TEST_CASE("guess filters: a person guess whose last word heads another kind of name") {
  GuessFixture f(
      "Trump returned to Trump Tower, and the Clinton Foundation replied. "
      "John Tower and Emanuel Tower spoke at Emanuel AME Church. "
      "The Kentucky Republican cited the Care Act and the Obama Administration.");
  const EntityType person = EntityType::kPerson;
  std::vector<TaggerSpan> spans = f.guesses({{0, "Trump Tower", person},
                                             {0, "Clinton Foundation", person},
                                             {1, "John Tower", person},
                                             {1, "Emanuel Tower", person},
                                             {1, "Emanuel AME Church", person},
                                             {2, "Kentucky Republican", person},
                                             {2, "Care Act", person},
                                             {2, "Obama Administration", person}});
  retype_person_guesses_by_head_word(f.article, f.gaz, &spans);
  CHECK(spans[0].type == EntityType::kPlace);
  CHECK(spans[1].type == EntityType::kOrg);
  // "Tower" is a family name too: after a first name the person stays;
  // "Emanuel" is not a first name in the test gazetteer.
  CHECK(spans[2].type == EntityType::kPerson);
  CHECK(spans[3].type == EntityType::kPlace);
  CHECK(spans[4].type == EntityType::kOrg);  // three words: not a first and a family name
  CHECK(spans[5].dropped);
  CHECK(spans[6].dropped);
  CHECK(spans[7].type == EntityType::kOrg);
  for (size_t i : {0, 1, 2, 3, 4, 7}) CHECK_FALSE(spans[i].dropped);

  // Gazetteer names, titled persons and one-word guesses are not touched.
  std::vector<TaggerSpan> backed = f.guesses({{0, "Trump Tower", person}, {0, "Foundation", person}});
  backed[0].honorific = true;
  retype_person_guesses_by_head_word(f.article, f.gaz, &backed);
  CHECK(backed[0].type == EntityType::kPerson);
  CHECK(backed[1].type == EntityType::kPerson);
}

TEST_CASE("guess filters: two-word person guesses over run-together headlines") {
  GuessFixture f(
      "Joe Trump spoke, John Gowdy replied and Park Jin met Antony Blinken.\n\n"
      "Inquiry into Trump More Democrats threaten. Voters doubt Trump Trump threatening aides. "
      "Case by Trump Gowdy hearings go on. Then Park Jin and Gowdy Blinken Trump met. "
      "Trump Jr. met Mary Trump Blinken and John Gowdy Jr. there, and Trump Blinken left.");
  const EntityType person = EntityType::kPerson;
  std::vector<TaggerSpan> spans = f.guesses({{0, "Joe Trump", person},
                                             {0, "John Gowdy", person},
                                             {0, "Park Jin", person},
                                             {0, "Antony Blinken", person},
                                             {1, "Trump More", person},
                                             {2, "Trump Trump", person},
                                             {3, "Trump Gowdy", person},
                                             {4, "Park Jin", person},
                                             {4, "Gowdy Blinken Trump", person},
                                             {5, "Trump Jr.", person},
                                             {5, "Mary Trump Blinken", person},
                                             {5, "Trump Blinken", person},
                                             {5, "John Gowdy Jr.", person}});
  end_person_guesses_at_run_together_headlines(f.article, f.gaz, &spans);
  CHECK(f.surface(spans[4]) == "Trump");  // an ordinary word after a family name
  CHECK(f.surface(spans[5]) == "Trump");  // the same word again
  CHECK(f.surface(spans[6]) == "Trump");  // another family name the article names in full
  // Full names, a first word that is no family name ("Park" of Park Jin, named
  // by the model alone) and longer guesses stay as they are.
  CHECK(f.surface(spans[0]) == "Joe Trump");
  CHECK(f.surface(spans[1]) == "John Gowdy");
  CHECK(f.surface(spans[7]) == "Park Jin");
  CHECK(f.surface(spans[8]) == "Gowdy Blinken Trump");
  CHECK(f.surface(spans[9]) == "Trump Jr.");  // a generation, though "Jr." ends a full name too
  CHECK(f.surface(spans[11]) == "Trump Blinken");  // a double family name the article uses in full
  for (const auto& s : spans) CHECK_FALSE(s.dropped);

  // A name the gazetteer or a title found is not a guess, and is not cut.
  std::vector<TaggerSpan> backed = f.guesses({{0, "Joe Trump", person}, {1, "Trump More", person}});
  backed[1].honorific = true;
  end_person_guesses_at_run_together_headlines(f.article, f.gaz, &backed);
  CHECK(f.surface(backed[1]) == "Trump More");
}

TEST_CASE("guess filters: page furniture words") {
  for (const char* w : {"click", "story", "continued", "below", "replay", "videos", "newsletters", "llc"})
    CHECK_MESSAGE(is_page_furniture_word(w), w);
  for (const char* w : {"mcconnell", "senate", "times", "washington"})
    CHECK_MESSAGE(!is_page_furniture_word(w), w);
}

TEST_CASE("guess filters: one-word common-word organizations, persons and places are dropped") {
  GuessFixture f(
      "Modern voters read the Times three times a week. Times change, Justice Roberts said. "
      "He met Mr. Halvorsen at Acme.");
  std::vector<TaggerSpan> spans = {f.guess(0, "Modern", EntityType::kOrg),   // curated common word
                                   f.guess(0, "Times", EntityType::kOrg),    // "the Times" mid-sentence
                                   f.guess(1, "Times", EntityType::kOrg),    // sentence start, "times" elsewhere
                                   f.guess(1, "Justice", EntityType::kOrg),  // a title before a name
                                   f.guess(2, "Acme", EntityType::kOrg)};
  drop_headline_and_common_word_guesses(f.article, f.gaz, &spans);
  CHECK(spans[0].dropped);
  CHECK_FALSE(spans[1].dropped);
  CHECK(spans[2].dropped);
  CHECK(spans[3].dropped);
  CHECK_FALSE(spans[4].dropped);

  // One-word places: a common word or the family name of a titled (or
  // gazetteer) person goes; a city, a state's postal code and a place named
  // like a person the model alone found stay.
  GuessFixture p("Voters in the South back Obamacare, officials in Columbus, OH and Dallas said. "
                 "Virginia Ferguson spoke in Ferguson. President Trump spoke. Crowds in Trump cheered.");
  const EntityType place = EntityType::kPlace;
  std::vector<TaggerSpan> places = p.guesses({{0, "South", place},
                                              {0, "Obamacare", place},
                                              {0, "Columbus", place},
                                              {0, "OH", place},
                                              {0, "Dallas", place},
                                              {1, "Ferguson", place},
                                              {3, "Trump", place},
                                              {2, "Trump", EntityType::kPerson}});
  places[7].role = "President";  // a titled person: the one-word place of that name is the person
  places[5].begin += 3;  // the second "Ferguson", after the person's name
  places[5].end += 3;
  drop_headline_and_common_word_guesses(p.article, p.gaz, &places);
  CHECK(places[0].dropped);
  CHECK(places[1].dropped);
  CHECK(places[6].dropped);
  for (size_t i : {2, 3, 4, 5, 7}) CHECK_FALSE_MESSAGE(places[i].dropped, p.surface(places[i]));

  // Events, holidays, faiths and diseases are no place, person or organization.
  // Nor is a generic noun for a place alone.
  GuessFixture e("Christmas came early for Brexit supporters. Islam was debated as Covid spread in Madrid. "
                 "County officials in the City met.");
  std::vector<TaggerSpan> events = e.guesses({{0, "Christmas", place},
                                              {0, "Brexit", EntityType::kOrg},
                                              {1, "Islam", EntityType::kPerson},
                                              {1, "Covid", EntityType::kOrg},
                                              {2, "County", place},
                                              {2, "City", place},
                                              {1, "Madrid", place}});
  drop_headline_and_common_word_guesses(e.article, e.gaz, &events);
  for (size_t i : {0, 1, 2, 3, 4, 5}) CHECK_MESSAGE(events[i].dropped, e.surface(events[i]));
  CHECK_FALSE(events[6].dropped);
  // A chamber read as a place is the chamber; the border wall is no place.
  GuessFixture h("The House passed the bill, but the Wall was not funded.");
  std::vector<TaggerSpan> chamber = h.guesses({{0, "House", place}, {0, "Wall", place}});
  drop_headline_and_common_word_guesses(h.article, h.gaz, &chamber);
  CHECK_FALSE(chamber[0].dropped);
  CHECK(chamber[0].type == EntityType::kOrg);
  CHECK(chamber[1].dropped);
  // Without a model there are no guesses to filter.
  f.article.labels.clear();
  std::vector<TaggerSpan> no_model = {f.guess(0, "Modern", EntityType::kOrg)};
  drop_headline_and_common_word_guesses(f.article, f.gaz, &no_model);
  CHECK_FALSE(no_model[0].dropped);
}

TEST_CASE("span finders: an organization guess ending in 'of' takes in the name after it") {
  GuessFixture f("A study by the University of Texas was cited. The Bank of Japan and the Friends of John Smith met.");
  std::vector<TaggerSpan> spans = f.guesses({{0, "University of", EntityType::kOrg}, {0, "Texas", EntityType::kPlace},
                                             {1, "Bank of", EntityType::kOrg}, {1, "Japan", EntityType::kPlace},
                                             {1, "Friends of", EntityType::kOrg}, {1, "John Smith", EntityType::kPerson}});
  join_organizations_ending_in_of(f.article, 0, &spans);
  join_organizations_ending_in_of(f.article, 1, &spans);
  std::vector<std::string> kept;
  for (const TaggerSpan& s : spans)
    if (!s.dropped) kept.push_back(f.surface(s) + (s.type == EntityType::kOrg ? " (org)" : ""));
  // A person after "of" is no part of the organization's name.
  CHECK(kept == std::vector<std::string>{"University of Texas (org)", "Bank of Japan (org)", "Friends of (org)",
                                         "John Smith"});
}

TEST_CASE("tagger: punctuation at either end of a model span is not part of the name") {
  auto trimmed = [](std::string_view phrase) {
    NerSentence tokens = tokenize_phrase(phrase);
    size_t b = 0, e = tokens.size();
    trim_name_punctuation(tokens, &b, &e);
    return b < e ? std::string(phrase.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin)) : std::string();
  };
  CHECK(trimmed("Congress (") == "Congress");
  CHECK(trimmed("Arizona \xE2\x80\x94") == "Arizona");
  CHECK(trimmed("\xE2\x80\x9D Obama") == "Obama");
  CHECK(trimmed("\xE2\x80\x94 Reince Priebus") == "Reince Priebus");
  CHECK(trimmed("\xE2\x80\x9C" "Fox & Friends") == "Fox & Friends");
  CHECK(trimmed("Johnson & Johnson") == "Johnson & Johnson");  // inside: kept
  CHECK(trimmed("Sporting (Gijon)") == "Sporting (Gijon)");    // matched brackets: kept
  CHECK(trimmed("David )") == "David");
  CHECK(trimmed("J.P. Morgan Chase & Co.") == "J.P. Morgan Chase & Co.");
  CHECK(trimmed("& |").empty());
}

TEST_CASE("state abbreviations: AP style and postal codes, with or without periods") {
  CHECK(dossier::state_of_abbreviation("La.") == "Louisiana");
  CHECK(dossier::state_of_abbreviation("MASS") == "Massachusetts");
  CHECK(dossier::state_of_abbreviation("Ca") == "California");
  CHECK(dossier::state_of_abbreviation("W.Va.") == "West Virginia");
  CHECK(dossier::state_of_abbreviation("Paris").empty());
  CHECK(dossier::state_of_abbreviation("").empty());
}
