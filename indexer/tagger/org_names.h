// Organization names the sequence model leaves short or bare. It stops at a
// lowercase "for" or "on" ("Center" of "Center for American Progress"), reads a
// person's family name used as a modifier as an organization ("the Trump
// administration"), and tags a generic word alone ("the Committee", "the
// Court"), which names no organization by itself but refers to one the article
// names in full.
#pragma once

#include <string>
#include <vector>

#include "indexer/tagger/gazetteer.h"
#include "indexer/tagger/tagger_span.h"

namespace dossier {

// Per sentence, after merge_model_spans: an organization ending in a head word
// that takes "for" or "on" ("Center", "Council", "Committee", "Americans") runs
// on through the capitalised words after it ("Center for American Progress",
// "Council on Foreign Relations", "Committee for a Responsible Federal
// Budget"); inner "and", "of", "of the" and a hyphen join; a weekday or
// month, a title or a person ends it ("the Committee on Monday", "Council on
// Foreign Relations President Richard Haass"). Spans inside the new extent (the demonym "American",
// the model's "Foreign Relations") are dropped. An organization ending in "of"
// takes the title after it when no person follows ("Office of the Inspector
// General").
void extend_organizations_through_for_and_on(const ArticleTokens& article, int sent, const Gazetteer& gaz,
                                             std::vector<TaggerSpan>* spans);

// For the model's organization span `m` of sentence `sent` as it is merged (not
// yet in `spans`, the sentence's spans so far): a title inside it, before a known
// first name or a person the gazetteer knows, ends the organization, and a person
// in that role follows ("Supreme Court Justice Ruth Bader Ginsburg", "Bank of
// America Chairman Brian Moynihan"). Where no organization is left before the
// title (no head word, unknown to the gazetteer: "Acting Attorney General Sally
// Yates"), the whole is the role. The title rule's own persons do not count
// ("Justice Department" is no person "Department"). False when nothing of `m`
// is left.
bool split_organization_at_title(const ArticleTokens& article, int sent, const Gazetteer& gaz, TaggerSpan* m,
                                 std::vector<TaggerSpan>* spans);

// Before coreference: a one-word organization guess of the model alone that
// is the family name of a person the article names, followed by a word that
// makes it a modifier ("the Trump administration", "the Obama White House",
// "Sanders campaign"), is that person. "Bloomberg reported" stays the company.
void retype_family_names_used_as_modifiers(const ArticleTokens& article, std::vector<TaggerSpan>* spans);

// Before coreference: an organization guess of the model alone of up to three
// words that opens with a known first name and has no organization head word
// is a person when a role in lowercase comes before it ("Fox News host Sean
// Hannity", "co-host Krystal Ball"), and a one-word such guess right before a
// person's name joins it ("Sean" + "Hannity").
void retype_named_persons_read_as_organizations(const ArticleTokens& article, const Gazetteer& gaz,
                                                std::vector<TaggerSpan>* spans);

// Last: one-word organization guesses of the model alone
//  - inside a TV show's title ("Meet the Press", "Face the Nation") or a video
//    player's caption ("Media caption", "Media playback") are dropped;
//  - name the one longer organization of the article that has the word
//    ("the Committee" -> Senate Select Committee on Intelligence, "the Times" ->
//    New York Times, "the Post" -> Washington Post);
//  - are dropped when the word is a generic noun for an organization
//    ("Committee", "Court", "Center", "Administration", "Attorney", "State")
//    and the article has no such name, or several ("Supreme Court" and
//    "District Court"). Other words stay ("Times" with no newspaper named).
void resolve_one_word_organizations(const ArticleTokens& article, std::vector<TaggerSpan>* spans);

// The name an organization span stands for: its canonical, or its text without
// a leading "The" ("The New York Times" and "New York Times" are one).
std::string organization_name(const ArticleTokens& article, const TaggerSpan& span);

// Newspapers' names shortened ("the Times", "the Post", "the Journal"): they
// name the article's newspaper of that name. Words that name an organization
// by themselves ("House", "CNN", "Treasury") are not shortened names, even when
// the article names "House Judiciary Committee" or "CNN Politics". Folded keys.
bool is_newspaper_short_name(std::string_view key);

}  // namespace dossier
