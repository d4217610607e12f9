// Word lists of the guess filters (guess_filters.h): capitalised words that are
// no names alone, faiths' and peoples' words, and page furniture.
#include <string_view>
#include <unordered_set>

#include "indexer/tagger/guess_filters.h"

namespace dossier {
namespace {
using WordSet = std::unordered_set<std::string_view>;
}  // namespace

bool is_common_guess_word(std::string_view key) {
  static const WordSet s = {
      "entirely", "managing", "modern",  "allows",  "pushes",   "close",    "ranks",   "back",     "ahead",
      "summit",   "trade",    "benefits", "america's", "breaking", "exclusive", "watch",  "live",    "update",
      "recap",    "explainer", "analysis", "opinion", "editorial", "commentary", "podcast", "newsletter",
      "fact",     "check",    "factcheck", "poll",    "polls",    "vote",     "votes",   "voters",   "election",
      "elections", "debate",  "campaign", "rally",   "protest",  "protests", "strike",  "strikes",  "attack",
      "attacks",  "war",      "crisis",   "deal",    "talks",    "plan",     "bill",    "law",      "ban",
      "tax",      "taxes",    "budget",   "economy", "jobs",     "health",   "care",    "healthcare", "climate",
      "energy",   "border",   "immigration", "refugees", "shooting", "gun",   "guns",    "police",
      "rights",   "freedom",  "liberty", "democracy", "capitalism", "socialism", "conservative",
      "conservatives", "liberal", "liberals", "progressive", "progressives", "republican", "democratic",
      "independent", "moderate", "radical", "extreme", "far", "hard", "new", "old", "big", "great", "real",
      "true",     "false",    "fake",     "free",    "fair",     "full",     "total",   "major",    "minor",
      "global",   "local",    "national", "federal", "public",   "private",  "social",  "digital",  "daily",
      "weekly",   "today",    "tonight",  "now",     "never",    "always",   "again",   "still",    "finally",
      "officially", "reportedly", "allegedly", "completely", "totally", "really", "actually", "literally",
      "secret",   "secrets",  "inside",   "behind",  "beyond",   "why",      "how",     "what",     "who",
      // Function words, whose capital only ever comes from a headline or a sentence start.
      "the",      "this",     "that",     "these",   "those",    "it",       "its",     "is",       "be",
      "was",      "were",     "has",      "have",    "will",     "would",    "can",     "must",     "not",
      "no",       "yes",      "more",     "most",    "all",      "just",     "only",    "also",     "first",
      "left",     "right",    "despite",  "says",    "said",     "here",     "there",   "when",     "where",
      // Capitalised words the model takes for a person or an organization in
      // political news, that are neither: laws and documents, deities, bare
      // generic heads of organization names.
      "obamacare", "trumpcare", "constitution", "office",   "union",    "majority", "minority",
      // Words opening a sentence or a quote ("Likewise, ...", "Look, ...",
      // "Period."), party words and parts of names, which the model took for a
      // one-word person in 40 to 211 articles each at 37,554.
      "likewise", "look", "yeah", "period", "wait", "alas", "sorry", "imagine", "hence", "consider", "take",
      "taken", "hi", "hell", "zero", "okay", "ok", "oh", "hey", "wow", "thanks", "please", "listen",
      "remember", "meanwhile", "however", "moreover", "furthermore", "nevertheless", "nonetheless", "indeed",
      "instead", "otherwise", "therefore", "thus", "anyway", "perhaps", "maybe", "sure", "yep", "nope",
      "democrats", "republicans", "dems", "trumpism", "nazis", "super", "gang",
      // Parts of documents: "Article II", "Section 230".
      "article", "section",
      // Adjectives and words the model cut off longer names ("Special" of
      // "Special Counsel", "Southern" of "Southern Republicans", "Morning" of
      // "The Hill's Morning Report"): 100 to 300 articles each at 37,554.
      "special", "southern", "northern", "eastern", "western", "united", "morning", "team", "trans",
      // Programs, laws, treaties, slogans and groups of people (CoNLL's MISC at
      // most) that the model took for a one-word organization: "DACA" in 396
      // articles at 37,554, "ACA" 383, "LGBT" 317, "NAFTA" 233, "FISA" 228.
      "daca", "aca", "nafta", "fisa", "tpp", "usmca", "doma", "lgbt", "lgbtq", "maga", "holocaust", "framers",
      "dreamers", "collusion",
      // Roles, groups and things ("Potus", "VP", "AG", "Senators", "ID", "DNA",
      // "TV"): 60 to 290 articles each at 37,554 as one-word organizations.
      "democrat", "senators", "ceos", "justices", "potus", "flotus", "vp", "ag", "ig", "id", "dna", "tv",
      "q&a", "pool", "memo", "stop",
      // First words of titles ("Acting", "Inspector", "Solicitor" General), numerals
      // after names ("III") and contractions ("I'm"): 45 to 115 articles each.
      "acting", "inspector", "officer", "solicitor", "supreme", "deputy", "assistant", "associate", "ii", "iii",
      "iv", "i'm", "i've", "i'll", "i'd", "lyin", "approve", "phase",
      // Events, holidays, faiths, diseases and programs (CoNLL's MISC at most),
      // which the model takes for a place, a person or an organization: at 37,554
      // articles "Brexit" was all three (197, 115 and 189 articles), "Christmas"
      // a place in 286, "Islam" a person in 137, "Covid" an organization in 132.
      "brexit", "christmas", "easter", "thanksgiving", "halloween", "ramadan", "hanukkah", "passover",
      "islam", "christianity", "judaism", "hinduism", "buddhism", "ebola", "zika", "covid", "coronavirus",
      "medicaid", "medicare"};
  return s.count(key) > 0;
}

// Faiths' and peoples' adjectives and their scriptures (CoNLL's MISC), which the
// model takes for organizations, persons or places when alone: at 37,554
// articles "Muslim" was an organization in 938, a person in 328 and a place in
// 163; "Latino" a person in 489. Not ordinary words (OrdinaryWords): they open
// names too ("Christian Whiton" in a headline stays).
bool is_faith_or_people_word(std::string_view key) {
  static const WordSet s = {
      "muslim", "muslims", "christian", "christians", "jewish", "jews", "catholic", "catholics",
      "evangelical", "evangelicals", "protestant", "protestants", "hindu", "hindus", "sikh", "sikhs",
      "sunni", "sunnis", "shia", "shiite", "shiites", "latino", "latinos", "latina", "latinas", "latinx",
      "hispanic", "hispanics", "bible", "koran", "quran"};
  return s.count(key) > 0;
}

bool is_page_furniture_word(std::string_view key) {
  static const WordSet s = {
      "click",    "tap",       "here",      "read",     "more",      "story",     "continued", "continues",
      "below",    "above",     "replay",    "watch",    "video",     "videos",    "photo",     "photos",
      "image",    "images",    "gallery",   "slideshow", "caption",  "credit",    "share",     "shares",
      "tweet",    "email",     "print",     "reprint",  "permission", "comment",  "comments",  "subscribe",
      "subscription", "sign",  "up",        "log",      "in",        "manage",    "newsletter", "newsletters",
      "daily",    "weekly",    "advertisement", "advertising", "sponsored", "ad",  "ads",       "related",
      "trending", "recommended", "popular", "latest",   "next",      "previous",  "skip",      "menu",
      "close",    "open",      "view",      "listen",   "audio",     "download",  "app",       "follow",
      "us",       "on",        "copyright", "rights",   "reserved",  "all",       "llc",       "inc",
      "terms",    "privacy",   "policy",    "cookies",  "contact",   "home",      "page",      "top",
      // CNN's player and sign-up boxes: "Hide Caption", "JUST WATCHED", "MUST
      // WATCH", "Newsletter Sign Up Continue", "Email Sign Up By", "Terms of Service".
      "hide", "just", "watched", "must", "continue", "by", "of", "service"};
  return s.count(key) > 0;
}

bool is_trailing_furniture_word(std::string_view key) {
  static const WordSet s = {"image", "photo", "caption", "video"};
  return s.count(key) > 0;
}

bool is_social_network(std::string_view key) {
  static const WordSet s = {"twitter", "facebook", "instagram", "youtube", "tiktok", "linkedin", "pinterest",
                            "snapchat", "whatsapp", "reddit"};
  return s.count(key) > 0;
}

}  // namespace dossier
