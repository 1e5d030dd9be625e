// `sdsim backtest records.csv --population population.csv --origins D1,D2 --horizon N`: for each
// origin, fit on the records before it, simulate the next N years from the clients in care on
// it, and compare with what the records show happened (backtest.csv and a summary).
#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "cli/commands.h"
#include "cli/fit_inputs.h"
#include "cli/limits.h"
#include "cli/options.h"
#include "cli/out_dir.h"
#include "cli/progress.h"
#include "core/calendar.h"
#include "fit/backtest.h"
#include "fit/fit_report.h"
#include "fit/scenario_writer.h"
#include "io/files.h"
#include "io/manifest.h"
#include "io/utf8.h"
#include "runner/batch.h"
#include "scenario/build_model.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace sdsim {
namespace {

const char kBacktestHelp[] =
    "Usage: sdsim backtest RECORDS.csv --population POPULATION.csv --origins DATE,DATE\n"
    "                      [--horizon YEARS] [options]\n"
    "\n"
    "For each origin: fits a baseline on the records before it (as sdsim fit does, with the\n"
    "origin's eve as the extract date), simulates the next --horizon years from the clients in\n"
    "care on the origin, and compares with what the records show actually happened: clients at\n"
    "the end of each year, inflow, mean_clients (care days / days) per form and domain, and cost\n"
    "when --extends gives prices. Writes to the output folder:\n"
    "  backtest.csv    origin,year,domain,form,metric,realised,mean,p5,p95,error,within_band;\n"
    "                  with prices also cost_error_volume/_duration/_price (the cost error split)\n"
    "  origin_DATE/    each origin's fitted baseline.json and fit_report.csv\n"
    "and prints MAPE, bias and the coverage of the p5-p95 band, overall and per form. Years that\n"
    "end after the records' extract date are not compared.\n"
    "\n"
    "Example:\n"
    "  sdsim backtest scenarios/example/records.csv --population scenarios/example/population.csv\n"
    "      --from 2019-01-01 --origins 2022-01-01,2023-01-01 --horizon 2\n";

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

}  // namespace

int BacktestCommand(const std::vector<std::string>& args,
                    const std::vector<std::string>& full_command) {
  std::vector<std::string> files;
  FitInputOptions in;
  CommonOptions common;
  std::string from, extract, origins_text, extends;
  int horizon = 2, transition_days = 31;
  bool no_uncertainty = false;
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")("population", po::value(&in.population),
                                                 "population.csv: year,age_band,count (required)")(
      "origins", po::value(&origins_text), "origin dates, comma-separated (required)")(
      "horizon", po::value(&horizon)->default_value(2), "years simulated from each origin")(
      "from", po::value(&from),
      "first day the extract is complete (default: the earliest end_date in the file)")(
      "extract-date", po::value(&extract),
      "last day of the extract (default: the latest date in the file)")(
      "extends", po::value(&extends), "a scenario with prices, capacities, toegang, levers")(
      "map", po::value(&in.map), "products.csv (product,domain,form)")(
      "reasons", po::value(&in.reasons), "reasons.csv (code,end_reason)")(
      "transition-days", po::value(&transition_days)->default_value(31),
      "a vervolghulp end moves to the next episode starting within this many days")(
      "skip-bad-rows", po::bool_switch(&in.skip_bad_rows), "skip malformed rows, counted")(
      "no-parameter-uncertainty", po::bool_switch(&no_uncertainty),
      "only process noise in the bands");
  AddCommonOptions(&opts, kOptReplications | kOptSeed | kOptThreads | kOptOut | kOptCsv | kOptQuiet,
                   &common, "replications per origin");
  if (const int code = ParseCommandLine(args, opts, "backtest", kBacktestHelp, &files); code >= 0)
    return code;
  constexpr unsigned kShared =
      kOptReplications | kOptSeed | kOptThreads | kOptOut | kOptCsv | kOptQuiet;
  std::vector<int64_t> origins;
  std::string usage = CheckCommonOptions(kShared, &common);
  for (const std::string& o : SplitComma(origins_text)) {
    int64_t day = 0;
    if (usage.empty() && !ParseDay(o, false, &day))
      usage = "--origins: \"" + Printable(o) + "\" is not a date (YYYY-MM-DD)";
    origins.push_back(day);
  }
  if (usage.empty() && files.size() != 1) usage = "name one records file";
  if (usage.empty() && in.population.empty())
    usage = "--population FILE is required (year,age_band,count)";
  if (usage.empty() && origins.empty())
    usage = "--origins is required, e.g. --origins 2022-01-01,2023-01-01";
  if (usage.empty() && (horizon < 1 || horizon > 30))
    usage = "--horizon must be between 1 and 30 years";
  if (usage.empty() && (transition_days < 0 || transition_days > 3650))
    usage = "--transition-days must be between 0 and 3650";
  if (usage.empty())
    usage = CheckPathTexts("the file name", {files[0], in.population, in.map, in.reasons, extends});
  if (!usage.empty()) return UsageError("backtest", usage);
  const CsvDialect dialect = common.dialect;
  FitOptions fo;
  if (!ParseDateOption("backtest", "from", from, &fo.from) ||
      !ParseDateOption("backtest", "extract-date", extract, &fo.extract))
    return kExitUsage;
  fo.transition_days = transition_days;
  // Everything goes into a temporary folder that is renamed last (cli/out_dir.h): an existing
  // --out or a folder that cannot be written is refused now, and an interruption leaves nothing.
  const std::string out_dir = common.out.empty() ? DefaultOutDir("backtest") : common.out;
  OutputFolder output;
  std::string err;
  if (!output.Prepare(out_dir, 0, &err)) {
    std::fprintf(stderr, "sdsim backtest: %s; nothing was run or written.\n", err.c_str());
    return kExitOutputError;
  }
  in.records = files[0];
  RecordSet records;
  PopulationTable population;
  if (!LoadFitInputs("backtest", in, &records, &population)) return kExitInvalidInput;
  ResolvedScenario base;
  if (!extends.empty() && !LoadBase(extends, &base)) return kExitInvalidInput;
  const int64_t last = fo.extract != kNoDate ? fo.extract : records.last_date;
  std::string cmd;
  for (size_t i = 0; i < full_command.size(); ++i) cmd += (i ? " " : "") + full_command[i];
  std::vector<BacktestRow> rows;
  for (int64_t origin : origins) {
    const std::string label = FormatDay(origin);
    FitOptions o = fo;
    o.extract = origin - 1;
    const Date end = BirthdayDate(CivilFromDays(origin), horizon);
    o.until_year = CivilFromDays(DaysFromCivil(end) - 1).year;
    FitResult fit;
    if (!FitRecords(records, population, o, &fit, &err)) {
      std::fprintf(stderr, "sdsim backtest: origin %s: %s; nothing was written.\n", label.c_str(),
                   err.c_str());
      return kExitInvalidInput;
    }
    const std::string dir = "origin_" + label, path = output.TempPath(dir + "/baseline.json");
    std::error_code ec;
    fs::create_directories(output.TempPath(dir), ec);
    ScenarioWriterInput wi;
    wi.records = &records;
    wi.population = &population;
    wi.fit = &fit;
    wi.name = "backtest_" + label;
    wi.parameter_uncertainty = !no_uncertainty;
    if (!extends.empty()) {
      // The temporary folder is a sibling of the final one: the relative path stays right.
      wi.extends = RelativeTo(extends, path);
      wi.base = &base.doc;
    }
    wi.generated_by = cmd + " (origin " + label + ", " + UtcNow() + ")";
    if (!WriteValidScenario(path, out_dir + "/" + dir + "/baseline.json", WriteFittedScenario(wi)))
      return kExitInvalidInput;
    if (!output.Write(dir + "/fit_report.csv", FitReportCsv(records, population, fit, dialect),
                      &err)) {
      std::fprintf(stderr, "sdsim backtest: %s\n", err.c_str());
      return kExitOutputError;
    }
    ResolvedScenario resolved;
    Model model;
    Problems problems;
    BuildOptions bo;
    if (!LoadScenario(path, bo, &resolved, &model, &problems)) return kExitInvalidInput;
    // Simulate, keeping only the cells compared.
    Aggregator agg(BacktestCells(model), false);
    BatchOptions b;
    b.seed = common.seed;
    b.replications = common.replications;
    b.threads = common.threads;
    Progress progress("replications (origin " + label + ")", common.replications,
                      !common.quiet && StderrIsTerminal());
    long done = 0;
    RunBatch({&model}, b, [&](int, const std::vector<RepResult>& res) {
      agg.Add(res[0].values);
      progress.Update(++done);
    });
    progress.Finish();
    const std::vector<double> realised = RealisedValues(records, model, origin, last);
    const std::vector<BacktestRow> part =
        CompareBacktest(label, model, realised, [&](size_t i) { return agg.Get(i); });
    if (part.empty())
      std::fprintf(stderr,
                   "sdsim backtest: origin %s: no year after it ends by the extract date %s; "
                   "nothing to compare\n",
                   label.c_str(), FormatDay(last).c_str());
    rows.insert(rows.end(), part.begin(), part.end());
  }
  if (!output.Write("backtest.csv", BacktestCsv(rows, dialect), &err) || !output.Commit(&err)) {
    std::fprintf(stderr, "sdsim backtest: %s\n", err.c_str());
    return kExitOutputError;
  }
  std::fputs(BacktestSummary(rows).c_str(), stdout);
  std::printf("\nresults in %s/: backtest.csv, origin_*/baseline.json, origin_*/fit_report.csv\n",
              out_dir.c_str());
  return kExitOk;
}

}  // namespace sdsim
