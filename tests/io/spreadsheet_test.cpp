// End-to-end: summary.csv (nl, intl) opened in LibreOffice Calc: numbers as numbers, text as text.
//
// The real sdsim binary writes summary.csv with --csv nl and --csv intl; headless LibreOffice
// imports each the way a user's spreadsheet would (nl: ';', UTF-8, Dutch locale, so ',' is the
// decimal separator; intl: ',', English locale) and saves it as a flat OpenDocument spreadsheet
// (.fods, plain XML), which is read here with plain string search. Every cell is compared with
// the intl CSV text: numbers must arrive as floats of the same value (to 1e-9 relative: the .fods
// keeps 15 significant digits), text as strings, and the nl byte-order mark must not leak into the
// first cell. soffice comes from Debian's libreoffice-calc-nogui, installed by scripts/setup.sh.
#include <algorithm>
#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "testing.h"

namespace sdsim {
namespace {

using testing::ReadText;
using testing::RunSdsim;
using testing::SourcePath;
using testing::TempDir;

// The CSV columns, in order (see io/summary.cpp).
const std::vector<std::string> kColumns = {
    "scenario", "domain", "form",   "pillar", "taakveld",     "payer", "age_band",
    "cohort",   "year",   "period", "metric", "replications", "mean",  "sd",
    "p5",       "p25",    "p50",    "p75",    "p95"};
// Columns that hold text, and columns that hold numbers. "period" is neither: its label is a
// year ("2025") for yearly periods, which a spreadsheet rightly reads as a number.
const std::vector<std::string> kTextColumns = {
    "scenario", "domain", "form", "pillar", "taakveld", "payer", "age_band", "cohort", "metric"};
const std::vector<std::string> kNumberColumns = {"year", "replications", "mean", "sd", "p5",
                                                 "p25",  "p50",          "p75",  "p95"};

int ColumnIndex(const std::string& name) {
  for (size_t i = 0; i < kColumns.size(); ++i)
    if (kColumns[i] == name) return static_cast<int>(i);
  FAIL("unknown column " << name);
  return -1;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Minimal RFC 4180 reader: rows of fields, quotes honoured.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text, char sep) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += text[++i];
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == sep) {
      row.push_back(field);
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any) {
    row.push_back(field);
    rows.push_back(row);
  }
  return rows;
}

// One spreadsheet cell from the .fods: office:value-type ("" for an empty cell), office:value
// (for numbers) and the cell's text.
struct Cell {
  std::string type, value, text;
};
using Sheet = std::vector<std::vector<Cell>>;

// Attribute `name` of the start tag `tag` ("" if absent).
std::string Attr(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const size_t p = tag.find(key);
  if (p == std::string_view::npos) return "";
  const size_t b = p + key.size();
  return std::string(tag.substr(b, tag.find('"', b) - b));
}

std::string XmlUnescape(std::string_view s) {
  static const std::pair<const char*, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    bool done = false;
    for (const auto& [entity, ch] : kEntities)
      if (s.compare(i, std::strlen(entity), entity) == 0) {
        out += ch;
        i += std::strlen(entity) - 1;
        done = true;
        break;
      }
    if (!done) out += s[i];
  }
  return out;
}

// The text of a cell body: the contents of its <text:p> elements, other tags dropped.
std::string CellText(std::string_view body) {
  std::string out;
  size_t p = 0;
  while ((p = body.find("<text:p", p)) != std::string_view::npos) {
    const size_t open_end = body.find('>', p);
    if (body[open_end - 1] == '/') {  // <text:p/>
      p = open_end;
      continue;
    }
    const size_t close = body.find("</text:p>", open_end);
    std::string_view inner = body.substr(open_end + 1, close - open_end - 1);
    std::string plain;
    bool in_tag = false;
    for (char c : inner) {
      if (c == '<')
        in_tag = true;
      else if (c == '>')
        in_tag = false;
      else if (!in_tag)
        plain += c;
    }
    if (!out.empty()) out += '\n';
    out += XmlUnescape(plain);
    p = close;
  }
  return out;
}

int Repeat(std::string_view tag, const char* attr) {
  const std::string r = Attr(tag, attr);
  return r.empty() ? 1 : std::stoi(r);
}

// The first table of a flat OpenDocument spreadsheet, repeated cells and rows expanded (a run of
// empty rows is kept once).
Sheet ParseFods(const std::string& xml) {
  Sheet sheet;
  const size_t table = xml.find("<table:table ");
  const size_t table_end = xml.find("</table:table>", table);
  if (table == std::string::npos || table_end == std::string::npos) return sheet;
  size_t p = table;
  while ((p = xml.find("<table:table-row", p)) < table_end) {
    const size_t tag_end = xml.find('>', p);
    const std::string_view row_tag(xml.data() + p, tag_end - p);
    size_t row_end = tag_end + 1;
    std::vector<Cell> row;
    if (xml[tag_end - 1] != '/') {
      row_end = xml.find("</table:table-row>", tag_end);
      size_t c = tag_end;
      while ((c = xml.find("<table:table-cell", c)) < row_end) {
        const size_t cell_tag_end = xml.find('>', c);
        const std::string_view cell_tag(xml.data() + c, cell_tag_end - c);
        Cell cell{Attr(cell_tag, "office:value-type"), Attr(cell_tag, "office:value"), ""};
        c = cell_tag_end + 1;
        if (xml[cell_tag_end - 1] != '/') {
          const size_t body_end = xml.find("</table:table-cell>", cell_tag_end);
          cell.text =
              CellText(std::string_view(xml).substr(cell_tag_end + 1, body_end - cell_tag_end - 1));
          c = body_end;
        }
        row.insert(row.end(), Repeat(cell_tag, "table:number-columns-repeated"), cell);
      }
    }
    bool empty = true;
    for (const Cell& cell : row) empty &= cell.type.empty() && cell.text.empty();
    sheet.insert(sheet.end(), empty ? 1 : Repeat(row_tag, "table:number-rows-repeated"), row);
    p = row_end;
  }
  while (!sheet.empty()) {  // drop trailing empty rows
    bool empty = true;
    for (const Cell& cell : sheet.back()) empty &= cell.type.empty() && cell.text.empty();
    if (!empty) break;
    sheet.pop_back();
  }
  return sheet;
}

bool SofficeInstalled() { return std::system("command -v soffice >/dev/null 2>&1") == 0; }

// Imports `csv` into LibreOffice Calc with the CSV filter options `filter_options` and saves it
// as `out_dir`/summary.fods; returns the .fods text ("" on failure, with soffice's output in *log).
std::string OpenInCalc(const TempDir& dir, const std::string& csv,
                       const std::string& filter_options, const std::string& out_dir,
                       std::string* log) {
  // A private profile and HOME, so the test neither depends on nor writes to the user's.
  const std::string home = dir.path() + "/soffice-home";
  const std::string cmd =
      "HOME=" + ShellQuote(home) + " timeout -k 5 120 soffice --headless --norestore " +
      "--nolockcheck " +
      ShellQuote("-env:UserInstallation=file://" + dir.path() + "/soffice-profile") + " " +
      ShellQuote("--infilter=CSV:" + filter_options) + " --convert-to fods --outdir " +
      ShellQuote(out_dir) + " " + ShellQuote(csv) + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int status = pclose(pipe);
  *log = cmd + "\n" + out + "\nexit status " + std::to_string(status);
  const std::string fods = out_dir + "/summary.fods";
  return std::filesystem::exists(fods) ? ReadText(fods) : "";
}

bool ParseDouble(const std::string& s, double* v) {
  const auto res = std::from_chars(s.data(), s.data() + s.size(), *v);
  return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

// Compares the spreadsheet with the intl CSV rows; returns the problems found (at most 20 listed)
// and counts the number cells checked and those with a fractional part.
std::vector<std::string> CompareSheet(const Sheet& sheet,
                                      const std::vector<std::vector<std::string>>& csv,
                                      int* numbers_checked, int* fractional) {
  std::vector<std::string> problems;
  int total = 0;
  auto problem = [&](size_t r, size_t c, const std::string& what) {
    if (++total <= 20)
      problems.push_back("row " + std::to_string(r + 1) + " column " + kColumns[c] + ": " + what);
  };
  if (sheet.size() != csv.size())
    problems.push_back("spreadsheet has " + std::to_string(sheet.size()) + " rows, CSV has " +
                       std::to_string(csv.size()));
  for (size_t r = 0; r < std::min(sheet.size(), csv.size()); ++r) {
    const std::vector<Cell>& row = sheet[r];
    for (size_t c = kColumns.size(); c < row.size(); ++c)
      if (!row[c].type.empty() || !row[c].text.empty())
        problems.push_back("row " + std::to_string(r + 1) + " has a cell past the last column: '" +
                           row[c].text + "' (wrong separator?)");
    auto cell = [&](size_t c) { return c < row.size() ? row[c] : Cell{}; };
    if (r == 0) {  // header: all strings, named as in the CSV
      for (size_t c = 0; c < kColumns.size(); ++c)
        if (cell(c).type != "string" || cell(c).text != kColumns[c])
          problem(r, c, "header cell is " + cell(c).type + " '" + cell(c).text + "'");
      continue;
    }
    for (const std::string& name : kTextColumns) {
      const int c = ColumnIndex(name);
      if (cell(c).type != "string" || cell(c).text != csv[r][c])
        problem(
            r, c,
            "expected text '" + csv[r][c] + "', got " + cell(c).type + " '" + cell(c).text + "'");
    }
    for (const std::string& name : kNumberColumns) {
      const int c = ColumnIndex(name);
      const std::string& want_text = csv[r][c];
      if (want_text.empty()) {  // NaN: an empty cell
        if (!cell(c).type.empty())
          problem(r, c, "expected an empty cell, got " + cell(c).type + " '" + cell(c).text + "'");
        continue;
      }
      double want = 0, got = 0;
      if (!ParseDouble(want_text, &want)) {
        problem(r, c, "CSV text '" + want_text + "' is not a number");
        continue;
      }
      ++*numbers_checked;
      if (want != std::floor(want)) ++*fractional;
      if (cell(c).type != "float" || !ParseDouble(cell(c).value, &got)) {
        problem(r, c,
                "expected the number " + want_text + ", got " + cell(c).type + " '" + cell(c).text +
                    "'");
        continue;
      }
      if (std::fabs(got - want) > 1e-9 * std::fabs(want))
        problem(r, c, "expected " + want_text + ", spreadsheet has " + cell(c).value);
    }
  }
  if (total > 20) problems.push_back("... " + std::to_string(total - 20) + " more");
  return problems;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

TEST_CASE("summary.csv opens in LibreOffice Calc with numbers as numbers, in both dialects",
          "[spreadsheet]") {
  if (!SofficeInstalled())
    FAIL(
        "LibreOffice (soffice) is not installed, so the CSV output cannot be checked in a real "
        "spreadsheet: run scripts/setup.sh (it installs libreoffice-calc-nogui)");

  TempDir dir;
  const std::string scenario = ShellQuote(SourcePath("scenarios/bench/reference.json"));
  for (const std::string dialect : {"nl", "intl"}) {
    std::string output;
    const int rc = RunSdsim("run " + scenario + " -r 20 --csv " + dialect + " --out " +
                                ShellQuote(dir.path() + "/" + dialect),
                            &output);
    INFO(output);
    REQUIRE(rc == 0);
  }
  const std::string nl_text = ReadText(dir.path() + "/nl/summary.csv");
  const std::string intl_text = ReadText(dir.path() + "/intl/summary.csv");

  // The files themselves: nl starts with a UTF-8 byte-order mark and separates with ';'.
  std::string header;
  for (size_t c = 0; c < kColumns.size(); ++c) header += (c ? "," : "") + kColumns[c];
  std::string nl_header = header;
  for (char& ch : nl_header) ch = ch == ',' ? ';' : ch;
  REQUIRE(nl_text.size() > 3);
  CHECK(nl_text.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(nl_text.substr(3, nl_header.size() + 1) == nl_header + "\n");
  CHECK(intl_text.substr(0, header.size() + 1) == header + "\n");
  const auto csv = ParseCsv(intl_text, ',');
  REQUIRE(csv.size() > 10);
  for (const auto& row : csv) REQUIRE(row.size() == kColumns.size());
  // The nl file splits on ';' into the same rows and columns (decimal commas do not split).
  const auto nl_csv = ParseCsv(nl_text.substr(3), ';');
  CHECK(nl_csv.size() == csv.size());
  for (const auto& row : nl_csv) REQUIRE(row.size() == kColumns.size());

  struct Import {
    std::string dialect, filter_options;
  };
  // CSV filter options: separator (ASCII code), text delimiter '"', character set 76 (UTF-8), first
  // line 1, no column formats, language (1043 Dutch (Netherlands), 1033 English (USA)).
  for (const Import& import :
       {Import{"nl", "59,34,76,1,,1043"}, Import{"intl", "44,34,76,1,,1033"}}) {
    INFO("dialect " << import.dialect);
    std::string log;
    const std::string fods =
        OpenInCalc(dir, dir.path() + "/" + import.dialect + "/summary.csv", import.filter_options,
                   dir.path() + "/calc-" + import.dialect, &log);
    INFO(log);
    const Sheet sheet = ParseFods(fods);
    if (fods.empty() || sheet.empty() || sheet[0].empty()) {
      FAIL_CHECK("soffice did not produce a readable .fods");
      continue;
    }
    // The byte-order mark is not part of the first cell (neither raw nor as U+FEFF).
    CHECK(sheet[0][0].text == "scenario");
    CHECK(fods.find("\xEF\xBB\xBF") == std::string::npos);
    CHECK(fods.find("&#xfeff;") == std::string::npos);
    int numbers = 0, fractional = 0;
    const std::vector<std::string> problems = CompareSheet(sheet, csv, &numbers, &fractional);
    INFO(Join(problems));
    CHECK(problems.empty());
    // The comparison covered real decimals (a misread decimal comma would show there).
    CHECK(numbers >= 8 * static_cast<int>(csv.size() - 1));
    CHECK(fractional > 100);
  }
}

}  // namespace
}  // namespace sdsim
