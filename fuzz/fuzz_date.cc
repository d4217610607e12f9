// Fuzzes the date parsers on arbitrary bytes: metadata strings, datelines (with
// and without a reference year), dates in running text and --from/--to bounds.
// Every date returned must be a real calendar day, and the printable forms must
// read back as the same day.
#include <optional>

#include "fuzz/fuzz_util.h"

namespace {

using dossier::Date;
using dossier::fuzz::check;

void check_round_trip(const Date& d, const char* what) {
  dossier::fuzz::check_date(d, what);
  std::optional<Date> back = Date::from_compact(d.compact());
  check(back && *back == d, "compact() does not read back", d.compact());
  if (d.year >= 1000) {  // four significant digits: what "YYYY-MM-DD" metadata means
    std::optional<Date> iso = dossier::parse_date_string(d.iso());
    check(iso && *iso == d, "iso() does not parse back", d.iso());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);

  if (auto d = dossier::parse_date_string(s)) check_round_trip(*d, "parse_date_string gave an invalid day");

  if (auto d = dossier::find_dateline_date(s)) check_round_trip(*d, "find_dateline_date gave an invalid day");
  // A reference year from the first two bytes, so both paths of a year-less dateline run.
  if (size >= 2) {
    int year = 1 + (data[0] << 8 | data[1]) % 9999;
    if (auto d = dossier::find_dateline_date(s.substr(2), year))
      check_round_trip(*d, "find_dateline_date with reference year gave an invalid day");
  }

  if (auto d = dossier::find_first_text_date(s)) {
    check_round_trip(*d, "find_first_text_date gave an invalid day");
    check(dossier::is_plausible_news_date(*d), "find_first_text_date gave an implausible day", d->iso());
  }

  std::optional<Date> lo = dossier::parse_date_bound(s, false), hi = dossier::parse_date_bound(s, true);
  check(lo.has_value() == hi.has_value(), "date bound parses as only one of lower/upper", s);
  if (lo && hi) {
    check_round_trip(*lo, "parse_date_bound gave an invalid lower day");
    check_round_trip(*hi, "parse_date_bound gave an invalid upper day");
    check(*lo <= *hi, "lower bound after upper bound", s);
  }
  return 0;
}
