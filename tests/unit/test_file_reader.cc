// Tests for indexer/file_reader: format detection, gzip, charset conversion and
// UTF-8 repair, binary/empty/oversized files, article ids, date precedence and
// display titles. Files are written to a fresh temporary directory by each test;
// a few encoded fixtures live in tests/data/readers/.
#include "indexer/file_reader.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>
#include <zlib.h>

#include "common/text.h"

namespace fs = std::filesystem;
using dossier::FileReadOptions;
using dossier::ReadResult;
using dossier::Status;

namespace {

// A temporary directory removed when the test ends.
class TempDir {
 public:
  TempDir() {
    auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = fs::temp_directory_path() / ("dossier_file_reader_" + std::to_string(stamp));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::string p = (path_ / name).string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  std::string write_gz(const std::string& name, const std::string& bytes) const {
    std::string p = (path_ / name).string();
    gzFile f = gzopen(p.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size()));
    gzclose(f);
    return p;
  }

 private:
  fs::path path_;
};

bool has_warning(const ReadResult& r, const std::string& fragment) {
  for (const auto& w : r.warnings)
    if (w.message.find(fragment) != std::string::npos) return true;
  return false;
}

std::string fixture(const std::string& name) {
  return std::string(DOSSIER_SOURCE_DIR) + "/tests/data/readers/" + name;
}

const std::string kFffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("file reader: format_for_path looks through .gz and ignores case") {
  CHECK(dossier::format_for_path("a/story.txt") == "txt");
  CHECK(dossier::format_for_path("STORY.TXT.GZ") == "txt");
  CHECK(dossier::format_for_path("notes.markdown") == "md");
  CHECK(dossier::format_for_path("feed.ndjson.gz") == "jsonl");
  CHECK(dossier::format_for_path("feed.jsonl") == "jsonl");
  CHECK(dossier::format_for_path("one.json") == "json");
  CHECK(dossier::format_for_path("page.htm") == "html");
  CHECK(dossier::format_for_path("report.docx") == "");
  CHECK(dossier::format_for_path("archive.gz") == "");
  CHECK(dossier::format_for_path("txt") == "");
}

TEST_CASE("file reader: .txt.gz is decompressed") {
  TempDir dir;
  std::string p = dir.write_gz("story.txt.gz", "Leaders meet in Brasilia\n\nBRASILIA -- Leaders met on Monday.\n");
  ReadResult r = dossier::read_article_file(p);
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 1);
  const auto& a = r.articles[0];
  CHECK(a.title == "Leaders meet in Brasilia");
  CHECK(a.body == "BRASILIA -- Leaders met on Monday.");
  CHECK(a.format == "txt");
  CHECK(a.id == p);
  CHECK(r.warnings.empty());

  // A .gz that is not gzip data is read as-is (zlib passes plain files through);
  // a truncated gzip stream is an error, not a crash.
  std::string plain = dir.write("plain.txt.gz", "Plain title\n\nPlain body.");
  ReadResult pr = dossier::read_article_file(plain);
  REQUIRE(pr.status.ok());
  CHECK(pr.articles[0].body == "Plain body.");
  std::string full = dir.write_gz("full.txt.gz", std::string(20000, 'x') + " end");
  std::ifstream in(full, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string cut = dir.write("cut.txt.gz", bytes.substr(0, bytes.size() / 2));
  CHECK_FALSE(dossier::read_article_file(cut).status.ok());
}

TEST_CASE("file reader: Windows-1252 bytes are converted with a warning") {
  std::string p = fixture("cp1252_quotes.txt");
  REQUIRE(fs::exists(p));
  ReadResult r = dossier::read_article_file(p, {}, "cp1252_quotes.txt");
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 1);
  const auto& a = r.articles[0];
  CHECK(has_warning(r, "converted from windows-1252"));
  CHECK(a.title == "Envoys end Geneva round");
  CHECK(a.body.find("\xE2\x80\x9C" "frank and useful\xE2\x80\x9D") != std::string::npos);  // “frank and useful”
  CHECK(a.body.find("host\xE2\x80\x99s") != std::string::npos);                             // host’s
  CHECK(a.body.find("caf\xC3\xA9") != std::string::npos);                                   // café
  CHECK(a.body.find("r\xC3\xA9sidence") != std::string::npos);
  CHECK(a.body.find(kFffd) == std::string::npos);
  CHECK(a.path == "cp1252_quotes.txt");
  CHECK(a.id == "cp1252_quotes.txt");
  for (const auto& w : r.warnings) CHECK(w.path == "cp1252_quotes.txt");
}

TEST_CASE("file reader: invalid UTF-8 and NUL bytes are repaired with U+FFFD and a warning") {
  TempDir dir;
  SUBCASE("stray bytes in UTF-8 text") {
    std::string text =
        "Z\xC3\xBCrich talks\n\nZ\xC3\xBCrich -- Delegates from S\xC3\xA3o Paulo and \xC5\x81\xC3\xB3" "d\xC5\xBA met "
        "in Z\xC3\xBCrich on Friday. The communiqu\xC3\xA9 was \xFF\xFE signed by the d\xC3\xA9l\xC3\xA9gu\xC3\xA9s "
        "and the h\xC3\xB4te after a long s\xC3\xA9" "ance.";
    text += std::string("\0\0", 2) + " End.";
    ReadResult r = dossier::read_article_file(dir.write("bad.txt", text));
    REQUIRE(r.status.ok());
    const auto& a = r.articles[0];
    CHECK(has_warning(r, "U+FFFD"));
    CHECK(a.title == "Z\xC3\xBCrich talks");
    CHECK(a.body.find('\0') == std::string::npos);
    CHECK(a.body.find("was " + kFffd) != std::string::npos);
    CHECK(a.body.find("communiqu\xC3\xA9") != std::string::npos);  // good letters untouched
    CHECK(a.body.find("\xC3\x83") == std::string::npos);          // no mojibake
    CHECK(a.body.find("." + kFffd + kFffd + " End.") != std::string::npos);
  }
  SUBCASE("NUL bytes in otherwise valid UTF-8") {
    std::string text = std::string("Title here\n\nBody with a NUL") + '\0' + " inside.";
    ReadResult r = dossier::read_article_file(dir.write("nul.txt", text));
    REQUIRE(r.status.ok());
    CHECK(r.articles[0].body == "Body with a NUL" + kFffd + " inside.");
    CHECK(has_warning(r, "U+FFFD"));
  }
}

TEST_CASE("file reader: binary, unknown, empty and oversized files are refused") {
  TempDir dir;
  SUBCASE("PNG data named .txt") {
    std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10", 20);
    ReadResult r = dossier::read_article_file(dir.write("image.txt", png + std::string(200, '\x7F')));
    CHECK(r.status.code() == Status::Code::kUnsupported);
    CHECK(r.status.message().find("binary") != std::string::npos);
    CHECK(r.articles.empty());
  }
  SUBCASE("mostly control bytes") {
    std::string junk;
    for (int i = 0; i < 400; ++i) junk.push_back(static_cast<char>(i % 8));
    ReadResult r = dossier::read_article_file(dir.write("junk.md", junk));
    CHECK(r.status.code() == Status::Code::kUnsupported);
  }
  SUBCASE("unknown extension") {
    ReadResult r = dossier::read_article_file(dir.write("memo.docx", "Title\n\nBody."));
    CHECK(r.status.code() == Status::Code::kUnsupported);
    CHECK(r.status.message().find(".txt") != std::string::npos);
  }
  SUBCASE("empty and blank files") {
    CHECK(dossier::read_article_file(dir.write("empty.txt", "")).status.code() == Status::Code::kUnsupported);
    CHECK(dossier::read_article_file(dir.write("blank.md", "\n \r\n\t")).status.code() == Status::Code::kUnsupported);
    CHECK_FALSE(dossier::read_article_file(dir.write("empty.json", "")).status.ok());
  }
  SUBCASE("missing file") {
    ReadResult r = dossier::read_article_file(dir.write("x.txt", "x") + ".missing.txt");
    CHECK(r.status.code() == Status::Code::kIOError);
  }
  SUBCASE("over max_file_bytes") {
    FileReadOptions opts;
    opts.max_file_bytes = 4096;
    std::string big = "Big file\n\n" + std::string(10000, 'a');
    ReadResult r = dossier::read_article_file(dir.write("big.txt", big), opts);
    CHECK(r.status.code() == Status::Code::kUnsupported);
    CHECK(r.status.message().find("--max-file-size") != std::string::npos);
    CHECK(r.articles.empty());
    // The limit applies to the decompressed size: a small .gz can be a large file.
    ReadResult g = dossier::read_article_file(dir.write_gz("big.txt.gz", big), opts);
    CHECK(g.status.code() == Status::Code::kUnsupported);
    CHECK(g.status.message().find("uncompressed") != std::string::npos);
    // Exactly at the limit is fine.
    opts.max_file_bytes = big.size();
    CHECK(dossier::read_article_file(dir.write("edge.txt", big), opts).status.ok());
  }
  SUBCASE("body over max_body_bytes is cut on a character boundary") {
    FileReadOptions opts;
    opts.max_body_bytes = 101;
    std::string body;
    for (int i = 0; i < 100; ++i) body += "\xC3\xA9";  // 200 bytes of "é"
    ReadResult r = dossier::read_article_file(dir.write("long.txt", "Long\n\n" + body), opts);
    REQUIRE(r.status.ok());
    CHECK(r.articles[0].body.size() <= 103);
    CHECK(r.articles[0].body.rfind(body.substr(0, 100), 0) == 0);
    CHECK(has_warning(r, "cut"));
  }
}

TEST_CASE("file reader: ids are the own id, else the path, else path#N") {
  TempDir dir;
  std::string own = dir.write("own.json", R"({"id": "wire-77", "title": "T", "body": "B."})");
  ReadResult r1 = dossier::read_article_file(own);
  REQUIRE(r1.status.ok());
  CHECK(r1.articles[0].id == "wire-77");

  std::string single = dir.write("single.json", R"({"title": "T", "body": "B."})");
  ReadResult r2 = dossier::read_article_file(single, {}, "docs/single.json");
  REQUIRE(r2.status.ok());
  CHECK(r2.articles[0].id == "docs/single.json");
  CHECK(r2.articles[0].path == "docs/single.json");

  std::string arr = dir.write("arr.json", R"([{"title": "A", "body": "a"}, {"id": "x9", "title": "B", "body": "b"},
                                              {"title": "C", "body": "c"}])");
  ReadResult r3 = dossier::read_article_file(arr, {}, "arr.json");
  REQUIRE(r3.articles.size() == 3);
  CHECK(r3.articles[0].id == "arr.json#1");
  CHECK(r3.articles[1].id == "x9");
  CHECK(r3.articles[2].id == "arr.json#3");

  // A one-element array is still a multi-record file.
  std::string one = dir.write("one.json", R"([{"title": "A", "body": "a"}])");
  CHECK(dossier::read_article_file(one, {}, "one.json").articles[0].id == "one.json#1");

  ReadResult r4 = dossier::read_article_file(fixture("mixed_feed.jsonl"), {}, "feed.jsonl");
  REQUIRE(r4.status.ok());
  REQUIRE(r4.articles.size() == 3);
  CHECK(r4.articles[0].id == "bw-1");
  CHECK(r4.articles[1].id == "feed.jsonl#2");
  CHECK(r4.articles[2].id == "feed.jsonl#3");
  CHECK(r4.articles[2].title == "Talks stall");
  CHECK(r4.articles[1].date_origin == "metadata");
  CHECK(r4.articles[1].date->iso() == "2023-05-17");
  REQUIRE(r4.warnings.size() == 1);
  CHECK(r4.warnings[0].line == 2);

  std::string txt = dir.write("plain.txt", "Title\n\nBody.");
  CHECK(dossier::read_article_file(txt).articles[0].id == txt);
}

TEST_CASE("file reader: Markdown fixture with front matter") {
  ReadResult r = dossier::read_article_file(fixture("front_matter.md"), {}, "front_matter.md");
  REQUIRE(r.status.ok());
  REQUIRE(r.articles.size() == 1);
  const auto& a = r.articles[0];
  CHECK(a.title == "Ministers meet in Vilnius");
  CHECK(a.source == "Baltic Wire");
  CHECK(a.authors == std::vector<std::string>{"Ona Petrait\xC4\x97", "Jonas Kazlauskas"});
  CHECK(a.lang == "en");
  CHECK(a.extra["desk"] == "Europe");
  REQUIRE(a.date);
  CHECK(a.date->iso() == "2023-07-11");  // metadata beats the dateline (July 12)
  CHECK(a.date_origin == "metadata");
  CHECK(a.body.find("met in Vilnius ahead") != std::string::npos);
  CHECK(r.warnings.empty());
}

TEST_CASE("file reader: date precedence is metadata, then dateline, then text") {
  TempDir dir;
  const std::string body =
      "LONDON, Nov. 15, 2023 (Reuters) -- Ministers recalled the treaty signed on March 3, 2021, "
      "and met again.";
  SUBCASE("metadata date wins") {
    ReadResult r = dossier::read_article_file(
        dir.write("m.md", "---\ntitle: T\ndate: 2023-11-14T08:00:00+09:00\n---\n" + body));
    REQUIRE(r.status.ok());
    REQUIRE(r.articles[0].date);
    CHECK(r.articles[0].date->iso() == "2023-11-14");
    CHECK(r.articles[0].date_origin == "metadata");
    CHECK(r.articles[0].raw_date == "2023-11-14T08:00:00+09:00");
  }
  SUBCASE("dateline when there is no metadata date") {
    ReadResult r = dossier::read_article_file(dir.write("d.txt", "Treaty talks\n\n" + body));
    REQUIRE(r.articles[0].date);
    CHECK(r.articles[0].date->iso() == "2023-11-15");
    CHECK(r.articles[0].date_origin == "dateline");
  }
  SUBCASE("first date in the text otherwise") {
    ReadResult r = dossier::read_article_file(
        dir.write("t.txt", "Treaty talks\n\nMinisters recalled the treaty, which both sides said would last, signed on March 3, 2021."));
    REQUIRE(r.articles[0].date);
    CHECK(r.articles[0].date->iso() == "2021-03-03");
    CHECK(r.articles[0].date_origin == "text");
  }
  SUBCASE("implausible metadata date warns and falls back to the text date") {
    ReadResult r = dossier::read_article_file(dir.write(
        "i.json",
        R"({"title": "Treaty", "date": "0001-01-01T00:00:00Z", "body": "The treaty, which both governments said would hold for decades, was signed on March 3, 2021."})"));
    REQUIRE(r.status.ok());
    REQUIRE(r.articles[0].date);
    CHECK(r.articles[0].date->iso() == "2021-03-03");
    CHECK(r.articles[0].date_origin == "text");
    CHECK(has_warning(r, "implausible date '0001-01-01T00:00:00Z'"));
  }
  SUBCASE("unreadable metadata date warns") {
    ReadResult r = dossier::read_article_file(
        dir.write("u.json", R"({"title": "Treaty", "date": "sometime soon", "body": "No date here."})"));
    REQUIRE(r.status.ok());
    CHECK_FALSE(r.articles[0].date);
    CHECK(r.articles[0].date_origin.empty());
    CHECK(has_warning(r, "unreadable date 'sometime soon'"));
  }
  SUBCASE("no date at all") {
    ReadResult r = dossier::read_article_file(dir.write("n.txt", "Quiet day\n\nNothing happened."));
    CHECK_FALSE(r.articles[0].date);
    CHECK(r.warnings.empty());
  }
}

TEST_CASE("file reader: display title is the title, else the first sentence") {
  TempDir dir;
  SUBCASE("title present") {
    ReadResult r = dossier::read_article_file(dir.write("t.txt", "Own title\n\nFirst sentence here. Second."));
    CHECK(r.articles[0].display_title == "Own title");
  }
  SUBCASE("not cut after U.S. or Nov.") {
    ReadResult r = dossier::read_article_file(dir.write(
        "u.txt",
        "Senior officials from the U.S. and Japan met in Geneva on Nov. 14 to discuss trade rules. "
        "More talks are planned for the spring."));
    REQUIRE(r.articles[0].title.empty());
    CHECK(r.articles[0].display_title ==
          "Senior officials from the U.S. and Japan met in Geneva on Nov. 14 to discuss trade rules.");
  }
  SUBCASE("a dateline is not part of the display title") {
    ReadResult r = dossier::read_article_file(dir.write(
        "d.txt", "LONDON 2023-02-01 - Britain on Wednesday imposed sanctions on senior officials. More followed."));
    CHECK(r.articles[0].display_title == "Britain on Wednesday imposed sanctions on senior officials.");
    CHECK(r.articles[0].body.rfind("LONDON 2023-02-01", 0) == 0);  // the text itself is unchanged
    ReadResult r2 = dossier::read_article_file(dir.write(
        "d2.txt", "BRUSSELS, March 3, 2024 (Wire) -- European officials debated frozen assets. Then they left."));
    CHECK(r2.articles[0].display_title == "European officials debated frozen assets.");
  }
  SUBCASE("question and exclamation marks end a sentence") {
    ReadResult r = dossier::read_article_file(
        dir.write("q.json", R"({"body": "Will the ceasefire hold this winter? Nobody in the capital knows."})"));
    CHECK(r.articles[0].display_title == "Will the ceasefire hold this winter?");
  }
  SUBCASE("long first sentence is shortened at a word with an ellipsis") {
    std::string words;
    for (int i = 0; i < 40; ++i) words += "negotiators ";
    ReadResult r = dossier::read_article_file(dir.write("l.txt", words + "agreed."));
    const std::string& d = r.articles[0].display_title;
    CHECK(d.size() <= 120 + 3);
    CHECK(d.size() > 60);
    CHECK(d.substr(d.size() - 3) == "\xE2\x80\xA6");  // "…"
    CHECK(d.substr(0, d.size() - 3).back() == 's');    // cut between words
  }
  SUBCASE("text without spaces is cut on a character boundary") {
    // "2023年11月14日，" then Chinese without spaces or ASCII full stops: a byte
    // cut at 120 would fall inside a 3-byte character.
    std::string body = "2023\xE5\xB9\xB4";
    for (int i = 0; i < 80; ++i) body += "\xE4\xB8\xAD\xE5\x9B\xBD";  // 中国
    ReadResult r = dossier::read_article_file(dir.write("zh.txt", body));
    const std::string& d = r.articles[0].display_title;
    CHECK(dossier::is_valid_utf8(d));
    CHECK(d.find("\xEF\xBF\xBD") == std::string::npos);
    CHECK(d.size() > 100);
    CHECK(d.rfind("2023\xE5\xB9\xB4\xE4\xB8\xAD", 0) == 0);
    CHECK(d.substr(d.size() - 3) == "\xE2\x80\xA6");
  }
  SUBCASE("whitespace in the body is collapsed") {
    ReadResult r = dossier::read_article_file(dir.write("w.txt", "A short\nwrapped   first line of\ntext. Then more."));
    CHECK(r.articles[0].display_title == "A short wrapped first line of text.");
  }
}
