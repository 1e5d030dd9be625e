// End-to-end: summary.csv and begroting.csv (nl, intl) opened in LibreOffice Calc: numbers as
// numbers, text as text — also text a spreadsheet would otherwise take for a number or a date
// (age bands 75+ and 12-17, taakvelden 6.1 and 6.72, periods 2025), which sdsim writes as ="6.1".
//
// The real sdsim binary writes the files with --csv nl and --csv intl; headless LibreOffice
// imports each the way a user's spreadsheet would (nl: ';', UTF-8, Dutch locale, so ',' is the
// decimal separator; intl: ',', English locale) and saves it as a flat OpenDocument spreadsheet
// (.fods, plain XML), which is read here with plain string search. Every cell is compared with
// the intl CSV text: numbers must arrive as floats of the same value (to 1e-9 relative: the .fods
// keeps 15 significant digits), text as strings showing the text (the ="..." unwrapped), and the
// nl byte-order mark must not leak into the first cell. soffice comes from Debian's
// libreoffice-calc-nogui, installed by scripts/setup.sh.
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

#include "office_testing.h"
#include "testing.h"

namespace sdsim {
namespace {

using testing::Cell;
using testing::ParseFods;
using testing::ReadText;
using testing::RunSdsim;
using testing::Sheet;
using testing::ShellQuote;
using testing::SourcePath;
using testing::TempDir;

// Columns that hold text; every other column holds numbers (or is empty).
const std::vector<std::string> kTextColumns = {"scenario", "level",    "domain", "form",
                                               "pillar",   "taakveld", "payer",  "age_band",
                                               "cohort",   "period",   "metric", "taakveld_name"};

bool IsTextColumn(const std::string& name) {
  return std::find(kTextColumns.begin(), kTextColumns.end(), name) != kTextColumns.end();
}

// A municipality with age bands and taakvelden a spreadsheet would turn into numbers or dates.
const char kScenario[] =
    R"({"name": "spreadsheet", "start_date": "2025-01-01", "end_date": "2026-12-31",
  "population": {"bands": {"0-11": {"count": 6000}, "12-17": {"count": 3000},
                           "18-74": {"count": 30000}, "75+": {"count": 3500}}},
  "domains": {
    "jeugd": {"band": "0-11", "taakveld": "6.72",
      "demand": {"jong": {"per_1000": 20, "band": "0-11", "routing": {"ambulant": 1}},
                 "oud": {"per_1000": 30, "band": "12-17", "routing": {"ambulant": 0.8, "verblijf": 0.2}}},
      "cost_lines": {"voorliggend_veld": {"amount_per_year": 150000.5, "taakveld": "6.1"}},
      "forms": {"ambulant": {"duration": {"type": "exponential", "mean": 300},
                             "tariff": {"amount": 21.37, "per": "day"}, "initial": {"clients": 150}},
                "verblijf": {"taakveld": "6.82", "duration": {"type": "exponential", "mean": 700},
                             "tariff": {"amount": 250, "per": "day"}, "initial": {"clients": 35}}}},
    "wmo": {"band": "75+", "taakveld": "6.71",
      "demand": {"ouderen": {"per_1000": 150, "routing": {"hbh": 1}}},
      "forms": {"hbh": {"duration": {"type": "exponential", "mean": 900},
                        "tariff": {"amount": 2900, "per": "year"}, "initial": {"clients": 1300}}}}}})";

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

bool SofficeInstalled() { return std::system("command -v soffice >/dev/null 2>&1") == 0; }

// Imports the CSV files into LibreOffice Calc with the CSV filter options `filter_options` and
// saves each as `out_dir`/<name>.fods; returns false on failure (soffice's output in *log).
bool OpenInCalc(const TempDir& dir, const std::vector<std::string>& csvs,
                const std::string& filter_options, const std::string& out_dir, std::string* log) {
  // A private profile and HOME, so the test neither depends on nor writes to the user's.
  const std::string home = dir.path() + "/soffice-home";
  std::string cmd = "HOME=" + ShellQuote(home) +
                    " timeout -k 5 120 soffice --headless --norestore " + "--nolockcheck " +
                    ShellQuote("-env:UserInstallation=file://" + dir.path() + "/soffice-profile") +
                    " " + ShellQuote("--infilter=CSV:" + filter_options) +
                    " --convert-to fods --outdir " + ShellQuote(out_dir);
  for (const std::string& csv : csvs) cmd += " " + ShellQuote(csv);
  cmd += " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int status = pclose(pipe);
  *log = cmd + "\n" + out + "\nexit status " + std::to_string(status);
  return status == 0;
}

// The text a spreadsheet shows for a CSV cell: ="6.1" is the text 6.1.
std::string Shown(const std::string& cell) {
  if (cell.size() >= 3 && cell.rfind("=\"", 0) == 0 && cell.back() == '"')
    return cell.substr(2, cell.size() - 3);
  return cell;
}

bool ParseDouble(const std::string& s, double* v) {
  const auto res = std::from_chars(s.data(), s.data() + s.size(), *v);
  return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

// Compares the spreadsheet with the intl CSV rows (the first row is the header); returns the
// problems found (at most 20 listed) and counts the number cells checked, those with a fractional
// part, and the text cells that look like numbers.
std::vector<std::string> CompareSheet(const Sheet& sheet,
                                      const std::vector<std::vector<std::string>>& csv,
                                      int* numbers_checked, int* fractional, int* numeric_text) {
  std::vector<std::string> problems;
  int total = 0;
  const std::vector<std::string>& header = csv.front();
  auto problem = [&](size_t r, size_t c, const std::string& what) {
    if (++total <= 20)
      problems.push_back("row " + std::to_string(r + 1) + " column " + header[c] + ": " + what);
  };
  if (sheet.size() != csv.size())
    problems.push_back("spreadsheet has " + std::to_string(sheet.size()) + " rows, CSV has " +
                       std::to_string(csv.size()));
  for (size_t r = 0; r < std::min(sheet.size(), csv.size()); ++r) {
    const std::vector<Cell>& row = sheet[r];
    for (size_t c = header.size(); c < row.size(); ++c)
      if (!row[c].type.empty() || !row[c].text.empty())
        problems.push_back("row " + std::to_string(r + 1) + " has a cell past the last column: '" +
                           row[c].text + "' (wrong separator?)");
    auto cell = [&](size_t c) { return c < row.size() ? row[c] : Cell{}; };
    for (size_t c = 0; c < header.size(); ++c) {
      const std::string& want_text = csv[r][c];
      if (r == 0 || IsTextColumn(header[c])) {  // the header, and text columns: strings
        if (want_text.empty() && r > 0) {
          if (!cell(c).type.empty()) problem(r, c, "expected an empty cell");
          continue;
        }
        if (cell(c).type != "string" || cell(c).text != Shown(want_text))
          problem(r, c,
                  "expected text '" + Shown(want_text) + "', got " + cell(c).type + " '" +
                      cell(c).text + "'");
        double v = 0;
        if (r > 0 && ParseDouble(Shown(want_text), &v)) ++*numeric_text;
        continue;
      }
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

TEST_CASE(
    "summary.csv and begroting.csv open in LibreOffice Calc with numbers as numbers and "
    "text as text, in both dialects",
    "[spreadsheet][office]") {
  if (!SofficeInstalled())
    FAIL(
        "LibreOffice (soffice) is not installed, so the CSV output cannot be checked in a real "
        "spreadsheet: run scripts/setup.sh (it installs libreoffice-calc-nogui)");

  TempDir dir;
  const std::string scenario = ShellQuote(dir.Write("spreadsheet.json", kScenario));
  for (const std::string dialect : {"nl", "intl"}) {
    std::string output;
    const int rc = RunSdsim("run " + scenario + " -r 20 -q --csv " + dialect + " --out " +
                                ShellQuote(dir.path() + "/" + dialect),
                            &output);
    INFO(output);
    REQUIRE(rc == 0);
  }
  for (const std::string file : {"summary", "begroting"}) {
    INFO(file);
    const std::string nl_text = ReadText(dir.path() + "/nl/" + file + ".csv");
    const std::string intl_text = ReadText(dir.path() + "/intl/" + file + ".csv");
    // The files themselves: nl starts with a UTF-8 byte-order mark and separates with ';'.
    REQUIRE(nl_text.size() > 3);
    CHECK(nl_text.substr(0, 3) == "\xEF\xBB\xBF");
    const auto csv = ParseCsv(intl_text, ',');
    REQUIRE(csv.size() > 10);
    for (const auto& row : csv) REQUIRE(row.size() == csv.front().size());
    // The nl file splits on ';' into the same rows and columns (decimal commas do not split).
    const auto nl_csv = ParseCsv(nl_text.substr(3), ';');
    CHECK(nl_csv.size() == csv.size());
    for (const auto& row : nl_csv) REQUIRE(row.size() == csv.front().size());
  }
  // Text that looks like a number is written as a formula whose value is the text.
  const std::string summary = ReadText(dir.path() + "/intl/summary.csv");
  for (const char* text : {"75+", "12-17", "6.1", "6.72", "2026"})
    CHECK_THAT(summary, Catch::Contains(std::string(",\"=\"\"") + text + "\"\"\","));

  struct Import {
    std::string dialect, filter_options;
  };
  // CSV filter options: separator (ASCII code), text delimiter '"', character set 76 (UTF-8), first
  // line 1, no column formats, language (1043 Dutch (Netherlands), 1033 English (USA)).
  for (const Import& import :
       {Import{"nl", "59,34,76,1,,1043"}, Import{"intl", "44,34,76,1,,1033"}}) {
    INFO("dialect " << import.dialect);
    const std::string in = dir.path() + "/" + import.dialect,
                      out = dir.path() + "/calc-" + import.dialect;
    std::string log;
    CHECK(OpenInCalc(dir, {in + "/summary.csv", in + "/begroting.csv"}, import.filter_options, out,
                     &log));
    INFO(log);
    for (const std::string file : {"summary", "begroting"}) {
      INFO(file);
      const std::string fods = std::filesystem::exists(out + "/" + file + ".fods")
                                   ? ReadText(out + "/" + file + ".fods")
                                   : "";
      const Sheet sheet = ParseFods(fods);
      if (fods.empty() || sheet.empty() || sheet[0].empty()) {
        FAIL_CHECK("soffice did not produce a readable .fods");
        continue;
      }
      // The byte-order mark is not part of the first cell (neither raw nor as U+FEFF).
      CHECK(sheet[0][0].text == "scenario");
      CHECK(fods.find("\xEF\xBB\xBF") == std::string::npos);
      CHECK(fods.find("&#xfeff;") == std::string::npos);
      const auto csv = ParseCsv(ReadText(dir.path() + "/intl/" + file + ".csv"), ',');
      int numbers = 0, fractional = 0, numeric_text = 0;
      const std::vector<std::string> problems =
          CompareSheet(sheet, csv, &numbers, &fractional, &numeric_text);
      INFO(Join(problems));
      CHECK(problems.empty());
      // The comparison covered real decimals (a misread decimal comma would show there) and text
      // that looks like a number (a cell turned into one would show there).
      CHECK(numbers >= 3 * static_cast<int>(csv.size() - 1));
      CHECK(fractional > 20);
      CHECK(numeric_text > 5);
    }
  }
}

}  // namespace
}  // namespace sdsim
