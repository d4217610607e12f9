// Tests for common/date: metadata strings, datelines, dates in running text, query
// bounds, plausibility and calendar arithmetic (checked against ICU's own calendar).
#include "common/date.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

using dossier::Date;

namespace {

struct Case {
  std::string input;
  std::optional<Date> expected;
};

std::optional<Date> D(int y, int m, int d) { return Date{y, m, d}; }
const std::optional<Date> kNone = std::nullopt;

std::string show(const std::optional<Date>& d) { return d ? d->iso() : "nullopt"; }

int current_year() {
  const auto now = std::chrono::system_clock::now();
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
  return static_cast<int>(ymd.year());
}

}  // namespace

TEST_CASE("date: parse_date_string on a table of real-world strings") {
  const std::vector<Case> cases = {
      // ISO 8601 dates and date-times: the date as written, in its own zone.
      {"2023-11-14", D(2023, 11, 14)},
      {"2023-11-14T09:30:00Z", D(2023, 11, 14)},
      {"2023-11-14T09:30:00.123+09:00", D(2023, 11, 14)},
      {"2023-11-15T01:00:00+09:00", D(2023, 11, 15)},  // Tokyo, still Nov 14 in UTC
      {"2023-11-14T23:30:00-05:00", D(2023, 11, 14)},  // New York, already Nov 15 in UTC
      {"2023-11-14 09:30:00", D(2023, 11, 14)},
      {"2023-11-14T09:30Z", D(2023, 11, 14)},
      {"2023-11-14T09:30:00.123456789Z", D(2023, 11, 14)},
      {"2023-11-14T09:30:00+0900", D(2023, 11, 14)},
      {"2023-11-14T09:30:00+09:00[Asia/Tokyo]", D(2023, 11, 14)},
      {"2023-11-14 09:30:00 +0000 UTC", D(2023, 11, 14)},
      {"20231114T093000Z", D(2023, 11, 14)},
      {"2023/11/14", D(2023, 11, 14)},
      {"2023.11.14", D(2023, 11, 14)},
      {"2023-1-5", D(2023, 1, 5)},
      {"20231114", D(2023, 11, 14)},
      // RFC 2822 and friends.
      {"Tue, 14 Nov 2023 09:00:00 +0900", D(2023, 11, 14)},
      {"14 Nov 2023 09:00 GMT", D(2023, 11, 14)},
      {"Tue, 14 Nov 2023 09:00:00 GMT", D(2023, 11, 14)},
      {"Tue, 14 Nov 2023 09:00:00 +0000 (UTC)", D(2023, 11, 14)},
      {"14 Nov 23 09:00 GMT", D(2023, 11, 14)},
      {"Tue Nov 14 09:00:00 2023", D(2023, 11, 14)},
      {"Tue Nov 14 09:00:00 UTC 2023", D(2023, 11, 14)},
      // US numeric, with the 00-69 / 70-99 century pivot; day-first when month-first is impossible.
      {"7/23/17", D(2017, 7, 23)},
      {"12/31/18", D(2018, 12, 31)},
      {"1/4/19", D(2019, 1, 4)},
      {"3/8/99", D(1999, 3, 8)},
      {"3/8/70", D(1970, 3, 8)},
      {"3/8/69", D(2069, 3, 8)},
      {"11/14/2023", D(2023, 11, 14)},
      {"11-14-2023", D(2023, 11, 14)},
      {"11/14/2023 9:30 AM", D(2023, 11, 14)},
      {"14/11/2023", D(2023, 11, 14)},
      {"14.11.2023", D(2023, 11, 14)},
      // Month names.
      {"Nov. 14, 2023", D(2023, 11, 14)},
      {"November 14, 2023", D(2023, 11, 14)},
      {"Sept. 5, 2023", D(2023, 9, 5)},
      {"Sep 5 2023", D(2023, 9, 5)},
      {"14 November 2023", D(2023, 11, 14)},
      {"14 Nov. 2023", D(2023, 11, 14)},
      {"14-Nov-2023", D(2023, 11, 14)},
      {"Tuesday, November 14, 2023", D(2023, 11, 14)},
      {"Tuesday, 14 November 2023", D(2023, 11, 14)},
      {"November 14th, 2023", D(2023, 11, 14)},
      {"NOVEMBER 14, 2023", D(2023, 11, 14)},
      {"Nov 14, 2023, 9:30 AM EST", D(2023, 11, 14)},
      {"Nov 14, 2023 at 9:30 a.m. EST", D(2023, 11, 14)},
      {"Nov 14, 2023 - 10:30 AM", D(2023, 11, 14)},
      {"November 14, 2023 | 10:30 AM ET", D(2023, 11, 14)},
      {"Nov 14, 2023 - garbage", kNone},
      {"May 1, 2020", D(2020, 5, 1)},
      {"Mar 5, 2023", D(2023, 3, 5)},
      // Spanish, French and German month names (from ICU).
      {"14 de noviembre de 2023", D(2023, 11, 14)},
      {"martes, 14 de noviembre de 2023", D(2023, 11, 14)},
      {"mardi 14 novembre 2023", D(2023, 11, 14)},
      {"1er février 2024", D(2024, 2, 1)},
      {"14 févr. 2023", D(2023, 2, 14)},
      {"Dienstag, 14. November 2023", D(2023, 11, 14)},
      {"3. März 2024", D(2024, 3, 3)},
      {"3 MÄRZ 2024", D(2024, 3, 3)},
      {"15 ago 2021", D(2021, 8, 15)},
      // Epoch seconds and milliseconds (UTC days).
      {"1699952400", D(2023, 11, 14)},
      {"1699952400123", D(2023, 11, 14)},
      {"1699952400.5", D(2023, 11, 14)},
      // Whitespace around the value.
      {"  2023-11-14\n", D(2023, 11, 14)},
      {"\t Nov. 14, 2023 \r\n", D(2023, 11, 14)},
      {"\xC2\xA0" "2023-11-14" "\xC2\xA0", D(2023, 11, 14)},
      // Implausible but real calendar days parse; plausibility is a separate check.
      {"0001-01-01", D(1, 1, 1)},
      {"2050-01-01", D(2050, 1, 1)},
      // Leap years.
      {"2024-02-29", D(2024, 2, 29)},
      {"2000-02-29", D(2000, 2, 29)},
      {"1900-02-29", kNone},
      {"2023-02-29", kNone},
      // Not a valid calendar day.
      {"Feb 30, 2023", kNone},
      {"2023-13-01", kNone},
      {"2023-00-10", kNone},
      {"2023-11-31", kNone},
      {"2023-11-00", kNone},
      {"0000-01-01", kNone},
      {"13/13/2023", kNone},
      {"31 June 2023", kNone},
      // No day, or not a date at all.
      {"November 2023", kNone},
      {"2023-11", kNone},
      {"2023", kNone},
      {"", kNone},
      {"   ", kNone},
      {"hello", kNone},
      {"unknown", kNone},
      {"N/A", kNone},
      {"2023-11-14garbage", kNone},
      {"2023-11-14 garbage", kNone},
      {"2023-11-14T", kNone},
      {"2023-11-14T25:00:00Z", kNone},
      {"Nov. 14, 2023 and more words", kNone},
      {"Tuesday", kNone},
      {"123456789", kNone},
      {"12345678901", kNone},
      {"-1699952400", kNone},
      {"0699952400", kNone},
      {"11//14/2023", kNone},
      {"14 Novembr 2023", kNone},
      {"Nov 14", kNone},
  };
  CHECK(cases.size() >= 60);
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(show(dossier::parse_date_string(c.input)) == show(c.expected));
  }
}

TEST_CASE("date: parse_date_string survives hostile input") {
  CHECK_FALSE(dossier::parse_date_string(std::string("2023-11-14\0", 11)));
  CHECK_FALSE(dossier::parse_date_string(std::string("\0" "2023-11-14", 11)));
  CHECK_FALSE(dossier::parse_date_string(std::string("2023-11\0-14", 11)));
  CHECK_FALSE(dossier::parse_date_string(std::string(10000, '7')));
  CHECK_FALSE(dossier::parse_date_string(std::string(10000, '7') + "-11-14"));
  CHECK_FALSE(dossier::parse_date_string("2023-11-14 " + std::string(10000, ' ') + "x"));
  CHECK_FALSE(dossier::parse_date_string("\xFF\xFE\x80 14 Nov 2023"));
  CHECK_FALSE(dossier::parse_date_string("Nov\xC3"));
  CHECK_FALSE(dossier::parse_date_string("99999999999999999999/1/1"));

  // Random mutations of real date strings (bytes replaced, inserted, deleted, NULs and
  // UTF-8 fragments included): whatever is returned must be a real calendar day.
  const std::vector<std::string> seeds = {"2023-11-14T09:30:00.123+09:00", "Tue, 14 Nov 2023 09:00:00 +0900",
                                          "7/23/17", "Nov. 14, 2023", "14 de noviembre de 2023",
                                          "TOKYO, Nov. 15 (Kyodo) --", "Tue Nov 14 09:00:00 UTC 2023"};
  const std::string alphabet("0123456789-/.:, TZ+()\xC3\xA4\xC2\xA0\0", 26);
  std::mt19937 rng(42);
  int parsed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s = seeds[rng() % seeds.size()];
    for (int edits = 1 + rng() % 3; edits > 0 && !s.empty(); --edits) {
      const size_t pos = rng() % s.size();
      const char ch = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: s[pos] = ch; break;
        case 1: s.insert(s.begin() + pos, ch); break;
        default: s.erase(pos, 1);
      }
    }
    if (auto d = dossier::parse_date_string(s)) {
      ++parsed;
      CHECK(dossier::is_valid_date(d->year, d->month, d->day));
    }
    if (auto d = dossier::find_first_text_date(s)) CHECK(dossier::is_plausible_news_date(*d));
    if (auto d = dossier::find_dateline_date(s, 2023)) CHECK(dossier::is_plausible_news_date(*d));
  }
  CHECK(parsed > 1000);  // the mutations kept many strings parseable, so the checks above ran
  MESSAGE("random strings that parsed as dates: " << parsed);
}

TEST_CASE("date: datelines") {
  const std::vector<Case> with_reference_2023 = {
      {"TOKYO, Nov. 15 (Kyodo) -- Japan and China agreed...", D(2023, 11, 15)},
      {"WASHINGTON, March 3, 2024 (Reuters) - The United States...", D(2024, 3, 3)},
      {"LONDON 1996-08-30\nWest Indian all-rounder Phil Simmons...", D(1996, 8, 30)},
      {"SEOUL, Jan 5 (Yonhap) \xE2\x80\x94 North Korea fired...", D(2023, 1, 5)},
      {"KYIV, Ukraine, Feb. 24, 2023 (AP) -- Ukraine marked...", D(2023, 2, 24)},
      {"NEW YORK, Sept. 5 (AP) - Stocks rose...", D(2023, 9, 5)},
      {"ST. PETERSBURG, Russia, July 28, 2023 (AP) -- ...", D(2023, 7, 28)},
      {"WASHINGTON, Tuesday, Nov. 14 (AP) -- ...", D(2023, 11, 14)},
      {"LONDON, 15 November (Reuters) - Britain...", D(2023, 11, 15)},
      {"  \n BEIJING, Oct. 1 (Xinhua) -- ...", D(2023, 10, 1)},
      {"\xEF\xBB\xBF" "PARIS, 14 Nov 2023 - France...", D(2023, 11, 14)},
      {"S\xC3\x83O PAULO, Brazil, May 2, 2023 (Reuters) - ...", D(2023, 5, 2)},
      {"WASHINGTON, D.C., Jan. 20, 2021 -- ...", D(2021, 1, 20)},
      {"GAZA CITY/JERUSALEM, Oct. 9, 2023 (Reuters) - ...", D(2023, 10, 9)},
      // Byline or kicker lines above the dateline; tokenised text as in CoNLL-2003.
      {"Peter Blackburn\nBRUSSELS 1996-08-22\nThe Commission said on Thursday...", D(1996, 8, 22)},
      {"By Staff Writer\nMarket report --\nLATTAKIA , Aug 10 - waiting time...", D(2023, 8, 10)},
      {"MINNETONKA , Minn .\n1996-08-22\nThe company said on Thursday...", D(1996, 8, 22)},
      {"An ordinary opening sentence that runs on for well over eighty bytes before it ends.\n"
       "TOKYO, Nov. 15 (Kyodo) -- ...",
       kNone},
      // No date in the dateline, or no dateline at all.
      {"BRUSSELS (AP) \xE2\x80\x94 NATO allies...", kNone},
      {"WASHINGTON (Reuters) - The Senate on Nov. 14, 2023 voted...", kNone},
      {"The foreign ministers met on Nov. 14, 2023 in San Francisco.", kNone},
      {"US officials said on Nov. 14, 2023 that...", kNone},
      {"NATO leaders met in Vilnius on July 11, 2023.", kNone},
      {"TOKYO, Feb. 30 (Kyodo) -- invalid day", kNone},
      {"LONDON, 1066-10-14 - too early to be news", kNone},
      {"", kNone},
      {"TOKYO", kNone},
      {"TOKYO, Nov. 15" + std::string(1000, '5'), kNone},
  };
  for (const Case& c : with_reference_2023) {
    CAPTURE(c.input);
    CHECK(show(dossier::find_dateline_date(c.input, 2023)) == show(c.expected));
  }
  // A dateline without a year needs a reference year; one with a year does not.
  CHECK_FALSE(dossier::find_dateline_date("TOKYO, Nov. 15 (Kyodo) -- ..."));
  CHECK(dossier::find_dateline_date("TOKYO, Nov. 15, 2023 (Kyodo) -- ...") == D(2023, 11, 15));
  CHECK(dossier::find_dateline_date("TOKYO, Feb. 29 (Kyodo)", 2024) == D(2024, 2, 29));
  CHECK_FALSE(dossier::find_dateline_date("TOKYO, Feb. 29 (Kyodo)", 2023));
  // The date has to be near the top of the body.
  std::string place = "TOKYO, ";
  const std::string word = std::string(36, 'Q') + " ";
  for (int words = 0; words < 3; ++words) place += word;
  CHECK(dossier::find_dateline_date(place + "Nov. 15, 2023", 2023) == D(2023, 11, 15));
  CHECK_FALSE(dossier::find_dateline_date(place + word + "Nov. 15, 2023", 2023));
}

TEST_CASE("date: datelines of the CoNLL-2003 Reuters articles") {
  const std::string path = std::string(DOSSIER_SHARED_CORPORA) + "/conll2003/train.txt";
  if (!std::filesystem::exists(path)) {
    MESSAGE("skipped: " << path << " is absent");
    return;
  }
  // Rebuild each document's body from its tokens, one sentence per line, without the
  // title sentence; the dateline ("LONDON 1996-08-30") then opens the body.
  std::vector<std::string> bodies;
  std::ifstream in(path);
  std::string line, sentence;
  int sentence_index = 0;
  auto end_sentence = [&] {
    if (!sentence.empty() && sentence_index++ > 0 && !bodies.empty()) bodies.back() += sentence + "\n";
    sentence.clear();
  };
  while (std::getline(in, line)) {
    if (line.rfind("-DOCSTART-", 0) == 0) {
      end_sentence();
      bodies.emplace_back();
      sentence_index = 0;
    } else if (line.empty()) {
      end_sentence();
    } else {
      if (!sentence.empty()) sentence += ' ';
      sentence += line.substr(0, line.find(' '));
    }
  }
  end_sentence();
  REQUIRE(bodies.size() > 900);
  size_t found = 0;
  for (const std::string& body : bodies) {
    const auto date = dossier::find_dateline_date(body, 1996);
    if (!date) continue;
    ++found;
    // A dated dateline's date is the first ISO date near the top, or a yearless "Aug 10" in 1996.
    const size_t iso = body.find("1996-");
    if (iso != std::string::npos && iso < 200) {
      CAPTURE(body.substr(0, 80));
      CHECK(date->iso() == body.substr(iso, 10));
    }
  }
  MESSAGE("CoNLL-2003 train: dateline dates found in " << found << " of " << bodies.size() << " documents");
  CHECK(found * 100 >= bodies.size() * 95);
}

TEST_CASE("date: first explicit date in running text") {
  const std::vector<Case> cases = {
      {"The ministers met on Nov. 14, 2023 in San Francisco.", D(2023, 11, 14)},
      {"It was signed 14 November 2023 in Geneva.", D(2023, 11, 14)},
      {"Filed 2023-11-14, updated later.", D(2023, 11, 14)},
      {"The vote on Sept. 5, 2023 failed.", D(2023, 9, 5)},
      {"Since November 14th, 2023, talks stalled.", D(2023, 11, 14)},
      {"It happened on the 14th of November, 2023.", D(2023, 11, 14)},
      {"Der Gipfel fand am 14. November 2023 statt.", D(2023, 11, 14)},
      {"La cumbre del 14 de noviembre de 2023.", D(2023, 11, 14)},
      {"Deadline: 11/14/2023.", D(2023, 11, 14)},
      // Skips what is incomplete, invalid or implausible and keeps looking.
      {"In November 2023, and later on March 3, 2024, ...", D(2024, 3, 3)},
      {"Not Feb. 30, 2023 but Feb. 28, 2023.", D(2023, 2, 28)},
      {"Napoleon died on 5 May 1821; the treaty of 1 January 1700; then 2023-11-14.", D(1821, 5, 5)},
      {"Founded 1 January 1700, reformed 2 February 1990.", D(1990, 2, 2)},
      {"The plan for 2050-01-01 was revised on 2023-11-14.", D(2023, 11, 14)},
      {"Version 12023-11-14 is not a date, but 2023-11-15 is.", D(2023, 11, 15)},
      {"May 5 is a date without a year; so is Nov. 14.", kNone},
      {"The 2023 budget was 14 billion dollars.", kNone},
      {"Scores were 3-2 and 10/14 in 2023.", kNone},
      {"", kNone},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(show(dossier::find_first_text_date(c.input)) == show(c.expected));
  }
  CHECK(dossier::find_first_text_date(std::string("junk\0 on Nov. 14, 2023", 23)) == D(2023, 11, 14));
  CHECK_FALSE(dossier::find_first_text_date(std::string(10000, '9')));
  CHECK(dossier::find_first_text_date(std::string(10000, '9') + " and 14 Nov 2023") == D(2023, 11, 14));
  CHECK(dossier::find_first_text_date(std::string(100000, 'N') + " Nov. 14, 2023") == D(2023, 11, 14));
}

TEST_CASE("date: query bounds") {
  CHECK(dossier::parse_date_bound("2023", false) == D(2023, 1, 1));
  CHECK(dossier::parse_date_bound("2023", true) == D(2023, 12, 31));
  CHECK(dossier::parse_date_bound("2023-11", false) == D(2023, 11, 1));
  CHECK(dossier::parse_date_bound("2023-11", true) == D(2023, 11, 30));
  CHECK(dossier::parse_date_bound("2024-02", true) == D(2024, 2, 29));
  CHECK(dossier::parse_date_bound("2023-02", true) == D(2023, 2, 28));
  CHECK(dossier::parse_date_bound("1900-02", true) == D(1900, 2, 28));
  CHECK(dossier::parse_date_bound("2023-11-14", false) == D(2023, 11, 14));
  CHECK(dossier::parse_date_bound("2023-11-14", true) == D(2023, 11, 14));
  for (const char* bad : {"", "23", "2023-1", "2023-13", "2023-00", "2023-02-29", "2023-11-31", "2023/11/14",
                          "2023-11-14T00:00", " 2023", "0000", "Nov 2023", "20231114"}) {
    CAPTURE(bad);
    CHECK_FALSE(dossier::parse_date_bound(bad, false));
    CHECK_FALSE(dossier::parse_date_bound(bad, true));
  }
}

TEST_CASE("date: validity, leap years and plausibility") {
  CHECK(dossier::is_valid_date(2024, 2, 29));
  CHECK(dossier::is_valid_date(2000, 2, 29));
  CHECK_FALSE(dossier::is_valid_date(2023, 2, 29));
  CHECK_FALSE(dossier::is_valid_date(1900, 2, 29));
  CHECK_FALSE(dossier::is_valid_date(2100, 2, 29));
  CHECK_FALSE(dossier::is_valid_date(2023, 4, 31));
  CHECK(dossier::is_valid_date(2023, 12, 31));
  CHECK_FALSE(dossier::is_valid_date(0, 1, 1));
  CHECK_FALSE(dossier::is_valid_date(2023, 0, 1));
  CHECK_FALSE(dossier::is_valid_date(2023, 1, 0));
  CHECK_FALSE(dossier::is_valid_date(10000, 1, 1));

  CHECK(dossier::is_plausible_news_date({2023, 11, 14}));
  CHECK(dossier::is_plausible_news_date({1800, 1, 1}));
  CHECK_FALSE(dossier::is_plausible_news_date({1799, 12, 31}));
  CHECK_FALSE(dossier::is_plausible_news_date({1, 1, 1}));
  CHECK_FALSE(dossier::is_plausible_news_date({0, 1, 1}));
  CHECK_FALSE(dossier::is_plausible_news_date({2050, 1, 1}));
  CHECK_FALSE(dossier::is_plausible_news_date({9999, 12, 31}));
  CHECK_FALSE(dossier::is_plausible_news_date({2023, 2, 29}));
  const int year = current_year();
  CHECK(dossier::is_plausible_news_date({year, 1, 1}));
  CHECK(dossier::is_plausible_news_date({year + 1, 12, 31}));
  CHECK_FALSE(dossier::is_plausible_news_date({year + 3, 1, 1}));
}

TEST_CASE("date: formatting, compact form and day counts") {
  const Date d{2023, 11, 14};
  CHECK(d.iso() == "2023-11-14");
  CHECK(d.compact() == "20231114");
  CHECK(Date{987, 1, 2}.iso() == "0987-01-02");
  CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
  CHECK(Date{1969, 12, 31}.days_since_epoch() == -1);
  CHECK(d.days_since_epoch() == 19675);
  CHECK(Date::from_compact("20231114") == d);
  CHECK_FALSE(Date::from_compact("20230229"));
  CHECK_FALSE(Date::from_compact("2023111"));
  CHECK_FALSE(Date::from_compact("2023-11-14"));
  CHECK_FALSE(Date::from_compact("00000101"));
  CHECK(Date{2023, 11, 14} < Date{2023, 11, 15});
  CHECK(Date{2022, 12, 31} < Date{2023, 1, 1});

  // Day counts and compact round trips agree with ICU's Gregorian calendar, 1800..2100.
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(icu::TimeZone::getGMT()->clone(), status);
  REQUIRE(U_SUCCESS(status));
  int checked = 0;
  for (int year = 1800; year <= 2100; year += 7) {
    for (int month = 1; month <= 12; ++month) {
      for (int day : {1, 15, 28, 29, 30, 31}) {
        if (!dossier::is_valid_date(year, month, day)) continue;
        calendar.clear();
        calendar.set(year, month - 1, day);
        const double millis = calendar.getTime(status);
        REQUIRE(U_SUCCESS(status));
        const Date date{year, month, day};
        CHECK(date.days_since_epoch() == static_cast<int>(millis / 86400000.0));
        CHECK(Date::from_compact(date.compact()) == date);
        CHECK(dossier::parse_date_string(date.iso()) == date);
        ++checked;
      }
    }
  }
  CHECK(checked > 2000);
}
