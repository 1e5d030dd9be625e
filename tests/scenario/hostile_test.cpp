// Hostile and absurd input files (issue 13): each row is a file a user or a broken tool could
// produce, with the exact message sdsim gives for it. None may crash, abort, hang or exhaust
// memory; each is refused with file, line:column or JSON path, the value and the rule.
// Several rows crashed or hung sdsim before (noted in the row).
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "scenario/load_files.h"
#include "testing.h"
#include "validation/run_model.h"

namespace sdsim::testing {
namespace {

namespace fs = std::filesystem;

// A small valid scenario; each row breaks one thing in it.
const char kSmall[] = R"({
  "domains": {
    "jeugd": {
      "arrivals_per_year": 100,
      "routing": {"ambulant": 1},
      "forms": {
        "ambulant": {
          "duration": {"type": "lognormal", "mean": 300, "sd": 250},
          "tariff": {"amount": 40, "per": "day"}
        }
      }
    }
  }
}
)";

const char kDuration[] = R"({"type": "lognormal", "mean": 300, "sd": 250})";

// kSmall with each `from` (which must occur exactly once) replaced by its `to`.
std::string Edit(std::initializer_list<std::pair<std::string, std::string>> edits) {
  std::string text = kSmall;
  for (const auto& [from, to] : edits) {
    const size_t at = text.find(from);
    if (at == std::string::npos || text.find(from, at + 1) != std::string::npos)
      FAIL("test table: \"" << from << "\" must occur exactly once in kSmall");
    text.replace(at, from.size(), to);
  }
  return text;
}
std::string Edit(const std::string& from, const std::string& to) { return Edit({{from, to}}); }

struct Row {
  const char* name;
  std::vector<File> files;  // the first is loaded
  std::vector<std::string> expected;
};

const std::string kAmbulant = "scenario.json: /domains/jeugd/forms/ambulant";

std::vector<Row> Rows() {
  return {
      // --- the text itself ---------------------------------------------------------------------
      {"a number beyond double range (aborted with out_of_range.406)",
       {{"scenario.json", Edit(R"("amount": 40)", R"("amount": 1e400)")}},
       {"scenario.json:9:32: the number 1e400 is too large to compute with (the largest is "
        "about 1.8e308, and each key has far smaller limits); is an exponent or a digit too "
        "many?"}},
      {"a year typed as an exponent (aborted with out_of_range.406)",
       {{"scenario.json",
         Edit(R"("arrivals_per_year": 100)", R"("arrivals_per_year": 2021e3085)")}},
       {"scenario.json:4:28: the number 2021e3085 is too large to compute with (the largest is "
        "about 1.8e308, and each key has far smaller limits); is an exponent or a digit too "
        "many?"}},
      {"60,000 nested brackets (crashed with a stack overflow from about 300,000)",
       {{"scenario.json", Edit(R"("amount": 40)", R"("amount": )" + std::string(60000, '[') +
                                                      std::string(60000, ']'))}},
       {"scenario.json:9:226: more than 200 levels of [ ] and { } inside each other; a "
        "scenario or budget file needs about 10 (is a closing bracket missing, or is this not "
        "such a file?)"}},
      {"a byte-order mark and Windows line ends are fine",
       {{"scenario.json", "\xEF\xBB\xBF" +
                              [] {
                                std::string t;
                                for (char c : std::string(kSmall))
                                  t += c == '\n' ? std::string("\r\n") : std::string(1, c);
                                return t;
                              }()}},
       {}},
      {"a syntax error in a file with Windows line ends shows the line without the \\r",
       {{"scenario.json", "{\r\n  \"domains\": {,\r\n}\r\n"}},
       {"scenario.json:2:15: syntax error: unexpected ','; expected string literal\n"
        "      \"domains\": {,\n"
        "                  ^ near here"}},
      {"saved as UTF-16 by Notepad",
       {{"scenario.json", std::string("\xFF\xFE{\0}\0", 6)}},
       {"scenario.json:1:1: the file is saved as UTF-16 or UTF-32 (\"Unicode\"), not as UTF-8 "
        "text; save it again with the encoding UTF-8 (e.g. in Notepad: Save as, Encoding: "
        "UTF-8)"}},
      {"a zero byte (the rest of the file was silently ignored)",
       {{"scenario.json", std::string(kSmall) + std::string("\0{\"name\": 1}", 12)}},
       {"scenario.json:15:1: the file contains a zero byte here: it is not a text file (a "
        "scenario or budget file is JSON text, saved as UTF-8)"}},
      {"a Latin-1 letter in a text is shown escaped, not as garbage",
       {{"scenario.json", Edit(R"("ambulant": {)", "\"ambulant\": {\"label\": \"b\xE9\",")}},
       {"scenario.json:7:34: syntax error: invalid string: ill-formed UTF-8 byte; last read: "
        "'\"b\\xe9\"'\n"
        "            \"ambulant\": {\"label\": \"b\\xe9\",\n"
        "                                        ^ near here"}},
      {"NaN is not a number in JSON",
       {{"scenario.json", Edit(R"("amount": 40)", R"("amount": NaN)")}},
       {"scenario.json:9:32: syntax error: invalid literal; last read: '\"amount\": N' (NaN and "
        "Infinity are not numbers in JSON; give a number)\n"
        "              \"tariff\": {\"amount\": NaN, \"per\": \"day\"}\n"
        "                                   ^ near here"}},
      {"only spaces and line ends",
       {{"scenario.json", " \r\n\t\n"}},
       {"scenario.json:1:1: the file is empty; a scenario or budget file is one JSON object { ... "
        "}"}},
      {"a file of more than 16 MB",
       {{"scenario.json", std::string(kSmall) + std::string(16000001, ' ')}},
       {"scenario.json: (top level): cannot read scenario file: scenario.json: is 16 MB, more "
        "than the 16 MB sdsim reads from such a file; is it the right file?"}},

      // --- files and extends --------------------------------------------------------------------
      {"a folder as extends (said \"the file is empty\")",
       {{"scenario.json", R"({"extends": "basis"})"}, {"basis/keep.txt", ""}},
       {"scenario.json: /extends: cannot read scenario file: basis: is a folder, not a file"}},
      {"a device as extends (would read forever)",
       {{"scenario.json", R"({"extends": "/dev/zero"})"}},
       {"scenario.json: /extends: cannot read scenario file: /dev/zero: is not a regular file (a "
        "device, pipe or socket); give a file"}},
      {"extends reaching more than 100 files",
       [] {
         std::vector<File> files;
         std::string list;
         for (int i = 0; i < 101; ++i) {
           list += (i ? ", \"b" : "\"b") + std::to_string(i) + ".json\"";
           files.push_back({"b" + std::to_string(i) + ".json", "{}"});
         }
         files.insert(files.begin(), File{"scenario.json", R"({"extends": [)" + list + "]}"});
         return files;
       }(),
       {"scenario.json: /extends/100: extends reaches more than 100 files in all"}},

      // --- values no real scenario has ----------------------------------------------------------
      {"a number above 10^12",
       {{"scenario.json", Edit(R"("amount": 40)", R"("amount": 4e13)")}},
       {kAmbulant + "/tariff/amount: is beyond the largest number sdsim accepts in a scenario "
                    "(1e12 = 1000000000000) (value: 40000000000000.0)"}},
      {"a gamma duration with sd/mean 1e-7 (aborted inside Boost.Math)",
       {{"scenario.json", Edit(kDuration, R"({"type": "gamma", "mean": 60, "sd": 0.000006})")}},
       {kAmbulant + "/duration/sd: a gamma needs sd/mean between 0.01 and 100 (here 1e-07); for "
                    "no spread use type \"fixed\" (value: 6e-06)"}},
      {"a gamma by its parameters with an extreme shape",
       {{"scenario.json", Edit(kDuration, R"({"type": "gamma", "shape": 1e10, "scale": 1e-8})")}},
       {kAmbulant + "/duration: these parameters give sd/mean 1e-05; a gamma needs sd/mean "
                    "between 0.01 and 100 (for no spread use type \"fixed\")"}},
      {"a lognormal mean of 1e300 (aborted inside Boost.Math)",
       {{"scenario.json", Edit(kDuration, R"({"type": "lognormal", "mean": 1e300, "sd": 1})")}},
       {kAmbulant + "/duration/mean: is beyond the largest number sdsim accepts in a scenario "
                    "(1e12 = 1000000000000) (value: 1e+300)"}},
      {"a lognormal by its parameters with a mean of 1e301 years",
       {{"scenario.json", Edit(kDuration, R"({"type": "lognormal", "mu": 700, "sigma": 1})")}},
       {kAmbulant + "/duration: these parameters give a mean duration of 4.578289663e+301 years, "
                    "more than the 150 years sdsim allows (is the \"unit\" right?)"}},
      {"a Weibull shape that gives no finite mean",
       {{"scenario.json", Edit(kDuration, R"({"type": "weibull", "shape": 0.001, "scale": 10})")}},
       {kAmbulant + "/duration: these parameters give no finite mean duration"}},
      {"a duration of 4e9 years with a Wlz exit (hung placing the start-date stock)",
       {{"scenario.json",
         Edit(kDuration, R"({"type": "lognormal", "mean": 4e9, "sd": 1e9, "unit": "years"},
          "wlz_exit_per_year": 0.05, "initial": {"clients": 100})")}},
       {kAmbulant + "/duration/mean: is a mean duration of 4000000000 years, more than the 150 "
                    "years sdsim allows (is the \"unit\" right?) (value: 4000000000.0)"}},
      {"a fixed duration of 200 years",
       {{"scenario.json", Edit(kDuration, R"({"type": "fixed", "value": 200, "unit": "years"})")}},
       {kAmbulant + "/duration/value: is a duration of 200 years, more than the 150 years sdsim "
                    "allows (is the \"unit\" right?) (value: 200)"}},
      {"toegang fte 3e8 (overflowed to one assessment slot)",
       {{"scenario.json", Edit(R"("arrivals_per_year": 100,)",
                               R"("toegang": {"fte": 3e8, "assessments_per_fte_per_year": 100,
                             "assessment_time": {"type": "exponential", "mean": 20}},
              "arrivals_per_year": 100,)")}},
       {"scenario.json: /domains/jeugd/toegang/fte: fte x assessments_per_fte_per_year x the mean "
        "assessment_time (in years) gives 1642744204 places, more than the 100000000 a form may "
        "have (is the staff in FTE?) (value: 1642744204.0)"}},
      {"staffed places beyond 10^8",
       {{"scenario.json", Edit(R"("tariff": {"amount": 40, "per": "day"})",
                               R"("tariff": {"amount": 40, "per": "day"},
                                  "capacity": {"fte": 2e6, "clients_per_fte": 100})")}},
       {kAmbulant + "/capacity: fte x clients_per_fte gives 200000000 places, more than the "
                    "100000000 a form may have (is the staff in FTE?) (value: 200000000.0)"}},
      {"a lump sum giving 10^12 places",
       {{"scenario.json", Edit(R"("tariff": {"amount": 40, "per": "day"})",
                               R"("lump_sum": {"budget_per_year": 1e12, "cost_per_place": 1})")}},
       {kAmbulant + "/lump_sum/cost_per_place: budget_per_year / cost_per_place gives 1e+12 "
                    "places, more than the 100000000 a form may have (is the budget in euros per "
                    "year?) (value: 1000000000000.0)"}},
      {"a lever change of +1100%",
       {{"scenario.json",
         Edit(R"(  "domains": {)",
              R"(  "levers": {"x": {"type": "inflow", "domain": "jeugd", "change": 11}},
  "domains": {)")}},
       {"scenario.json: /levers/x/change: must lie between -1 and 10 (value: 11)"}},

      // --- work and memory ----------------------------------------------------------------------
      {"10^9 requests a year (grew to 6 GB and died with bad_alloc)",
       {{"scenario.json", Edit(R"("arrivals_per_year": 100)", R"("arrivals_per_year": 1e9)")}},
       {"scenario.json: /domains/jeugd/arrivals_per_year: one replication would handle about "
        "8e+09 events, more than the 1e+09 sdsim runs (about 19 minutes per replication) (most "
        "from here: 4e+09 requests over the horizon, 2 events each); check this value (value: "
        "1000000000.0)"}},
      {"1.5 x 10^8 clients on the start date",
       {{"scenario.json", Edit(R"("tariff": {"amount": 40, "per": "day"})",
                               R"("tariff": {"amount": 40, "per": "day"},
                                  "initial": {"clients": 150000000})")}},
       {kAmbulant + "/initial: one replication would hold up to 1.5e+08 clients at once, about 24 "
                    "GB of memory, more than the 16 GB sdsim allows (most from here: 1.5e+08 "
                    "clients on the start date, 1 episodes each); check this value (value: "
                    "{\"clients\":150000000})"}},
      {"forms with a duration of 0 that lead back to each other (hung the run)",
       {{"scenario.json",
         Edit(kDuration, R"({"type": "fixed", "value": 0}, "transitions": {"ambulant": 1})")}},
       {kAmbulant + "/transitions: clients can move between forms with a duration of 0 "
                    "(jeugd.ambulant) forever without time passing: transitions (and re-entry) "
                    "that add up to 1 lead back; give those forms a duration above 0, or let part "
                    "of the clients leave"}},
      {"re-entry at once after a stay of 0 days (hung the run)",
       {{"scenario.json", Edit(kDuration, R"({"type": "fixed", "value": 0},
              "reentry": {"probability": 1, "delay": {"type": "fixed", "value": 0}, "via": "form"})")}},
       {kAmbulant + "/reentry: clients can move between forms with a duration of 0 "
                    "(jeugd.ambulant) forever without time passing: transitions (and re-entry) "
                    "that add up to 1 lead back; give those forms a duration above 0, or let part "
                    "of the clients leave"}},
  };
}

}  // namespace

TEST_CASE("the base of the hostile-file table is valid", "[scenario][hostile]") {
  CHECK(LoadFiles({{"scenario.json", kSmall}}).empty());
}

TEST_CASE("hostile and absurd files: each refused with its exact message, none crashes",
          "[scenario][hostile]") {
  for (const Row& row : Rows()) {
    INFO("row: " << row.name);
    CHECK(LoadFiles(row.files) == row.expected);
  }
}

TEST_CASE("hostile budget files: each refused with its exact message", "[scenario][hostile]") {
  Model model;
  REQUIRE(LoadText(kSmall, &model).empty());
  struct BudgetRow {
    const char* name;
    std::string text;  // "" = a folder named begroting.json
    std::vector<std::string> expected;
  };
  const std::vector<BudgetRow> rows = {
      {"a number beyond double range (aborted with out_of_range.406)",
       R"({"budget": {"jeugd": {"domain": "jeugd", "amounts": {"2026": 2021e3085}}}})",
       {"begroting.json:1:62: the number 2021e3085 is too large to compute with (the largest is "
        "about 1.8e308, and each key has far smaller limits); is an exponent or a digit too "
        "many?"}},
      {"an amount above 10^12",
       R"({"budget": {"jeugd": {"domain": "jeugd", "amounts": {"2026": 2e13}}}})",
       {"begroting.json: /budget/jeugd/amounts/2026: is beyond the largest number sdsim accepts "
        "in a scenario (1e12 = 1000000000000) (value: 20000000000000.0)"}},
      {"a folder (said \"the file is empty\")",
       "",
       {"begroting.json: (top level): cannot read budget file: begroting.json: is a folder, not "
        "a file"}},
      {"an empty file",
       "\n",
       {"begroting.json:1:1: the file is empty; a scenario or budget file is one JSON object { ... "
        "}"}},
      {"deep nesting",
       "{\"budget\": " + std::string(1000, '[') + std::string(1000, ']') + "}",
       {"begroting.json:1:211: more than 200 levels of [ ] and { } inside each other; a "
        "scenario or budget file needs about 10 (is a closing bracket missing, or is this not "
        "such a file?)"}},
  };
  for (const BudgetRow& row : rows) {
    INFO("row: " << row.name);
    TempDir dir;
    const std::string path = dir.path() + "/begroting.json";
    if (row.text.empty())
      fs::create_directories(path);
    else
      dir.Write("begroting.json", row.text);
    Problems problems;
    Model copy = model;
    CHECK_FALSE(ApplyBudgetFile(path, &copy, &problems));
    std::vector<std::string> got;
    for (const Problem& p : problems) {
      std::string line = p.ToString();
      for (size_t at; (at = line.find(dir.path() + "/")) != std::string::npos;)
        line.erase(at, dir.path().size() + 1);
      got.push_back(line);
    }
    CHECK(got == row.expected);
  }
}

TEST_CASE("a Wlz hazard far above 1 / mean duration: the start-date stock comes from the table",
          "[scenario][hostile]") {
  // The closed form draws a length-biased duration and keeps it with probability e^{-h x}: with a
  // 150-year mean and a Wlz exit of 100% a year that keeps 1 draw in 50,000 (and a 4e9-year mean
  // hung the run). The builder sees the acceptance rate and switches such a form to the table.
  const std::string text = R"({"end_date": "2025-12-31", "domains": {"d": {"arrivals_per_year": 0,
    "forms": {
      "gewoon": {"duration": {"type": "lognormal", "mean": 1, "sd": 1, "unit": "years"},
                 "wlz_exit_per_year": 0.05, "initial": {"clients": 1000},
                 "tariff": {"amount": 1, "per": "day"}},
      "extreem": {"duration": {"type": "lognormal", "mean": 149, "sd": 100, "unit": "years"},
                  "wlz_exit_per_year": 1, "initial": {"clients": 1000},
                  "tariff": {"amount": 1, "per": "day"}}}}}})";
  const auto run = RunModelText(text, 2, 5, 1);
  CHECK(run->model.nodes[0].stock_by_rejection);
  CHECK_FALSE(run->model.nodes[1].stock_by_rejection);
  CHECK(run->Get("d", "gewoon", 0, kClientsStart).mean == 1000);
  CHECK(run->Get("d", "extreem", 0, kClientsStart).mean == 1000);
  // Every form of the shipped scenarios keeps the closed form (their numbers do not change).
  for (const char* file : {"scenarios/dronten/baseline.json", "scenarios/bench/national.json"}) {
    Model m;
    ResolvedScenario r;
    Problems p;
    REQUIRE(LoadScenario(SourcePath(file), BuildOptions{}, &r, &m, &p));
    for (const NodeModel& node : m.nodes) CHECK(node.stock_by_rejection);
  }
}

TEST_CASE("a pipe as a scenario file is refused without waiting for a writer",
          "[scenario][hostile]") {
  TempDir dir;
  const std::string fifo = dir.path() + "/scenario.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  ResolvedScenario resolved;
  Model model;
  Problems problems;
  CHECK_FALSE(LoadScenario(fifo, BuildOptions{}, &resolved, &model, &problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message ==
        "cannot read scenario file: " + fifo +
            ": is not a regular file (a device, pipe or socket); give a file");
}

}  // namespace sdsim::testing
