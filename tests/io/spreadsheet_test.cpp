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

#include "io/csv_read.h"
#include "office_testing.h"

namespace sdsim {
namespace {

using testing::Cell;
using testing::Installed;
using testing::ParseFods;
using testing::ReadText;
using testing::RunSdsim;
using testing::Sheet;
using testing::ShellQuote;
using testing::Soffice;
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

// The CSV text as rows of fields, the header first (read by io/csv_read, the reader the
// workbook and report use).
std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  const ResultTable t = ResultTable::Parse(text);
  std::vector<std::vector<std::string>> rows = {t.columns()};
  for (size_t r = 0; r < t.rows(); ++r) rows.push_back(t.Row(r));
  return rows;
}

// Imports `csv` into LibreOffice Calc with the CSV filter options `filter_options` and saves it
// as `out_dir`/summary.fods; returns the .fods text ("" on failure, with soffice's output in *log).
std::string OpenInCalc(const TempDir& dir, const std::string& csv,
                       const std::string& filter_options, const std::string& out_dir,
                       std::string* log) {
  const std::string fods = Soffice(dir.path(), csv, "fods", out_dir, "CSV:" + filter_options, log);
  return fods.empty() ? "" : ReadText(fods);
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
  if (!Installed("soffice"))
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
  const auto csv = ParseCsv(intl_text);
  REQUIRE(csv.size() > 10);
  for (const auto& row : csv) REQUIRE(row.size() == kColumns.size());
  // The nl file splits on ';' into the same rows and columns (decimal commas do not split).
  const auto nl_csv = ParseCsv(nl_text);
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
