// `sdsim fit records.csv --population population.csv [options]`: estimate a baseline scenario
// from a municipality's care episodes and write it (baseline.json) with fit_report.csv.
#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "cli/fit_inputs.h"
#include "cli/limits.h"
#include "cli/options.h"
#include "cli/out_dir.h"
#include "fit/fit_report.h"
#include "fit/scenario_writer.h"
#include "io/files.h"
#include "io/manifest.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace sdsim {
namespace {

const char kFitHelp[] =
    "Usage: sdsim fit RECORDS.csv --population POPULATION.csv [options]\n"
    "\n"
    "Estimates a baseline from care episodes (one row per toewijzing; format in\n"
    "scenarios/records.md) over the observation window --from .. --extract-date:\n"
    "  durations per form    Kaplan-Meier with delayed entry; exponential, lognormal, gamma and\n"
    "                        Weibull by maximum likelihood (left truncation, right censoring);\n"
    "                        the family by AIC, or the empirical table when none fits\n"
    "  exits and transitions end-reason shares, vervolghulp destinations, Wlz exits, re-entry,\n"
    "                        the age limit (verlengd, transfers)\n"
    "  inflow                first entries per 1,000 of the driving age band, with a trend per\n"
    "                        year (Poisson regression) and the age mix of entrants\n"
    "  in care               the clients in care on the extract date and their time in care\n"
    "Writes the scenario (--out, runs from the day after the extract date; sdsim validate\n"
    "accepts it) and fit_report.csv beside it (every estimate, standard error, 95% interval),\n"
    "and prints a summary. Nothing is written when an input has problems.\n"
    "\n"
    "Example:\n"
    "  sdsim fit scenarios/example/records.csv --population scenarios/example/population.csv \\\n"
    "      --from 2019-01-01 --out fitted/baseline.json\n";

}  // namespace

int FitCommand(const std::vector<std::string>& args, const std::vector<std::string>& full_command) {
  std::vector<std::string> files;
  FitInputOptions in;
  CommonOptions common;
  std::string from, extract, out = "baseline.json", extends, name = "fitted";
  int transition_days = 31, until = 0;
  bool no_uncertainty = false, force = false;
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")("population", po::value(&in.population),
                                                 "population.csv: year,age_band,count (required)")(
      "from", po::value(&from),
      "first day the extract is complete (default: the earliest end_date in the file)")(
      "extract-date", po::value(&extract),
      "last day of the extract (default: the latest date in the file)")(
      "out,o", po::value(&out)->default_value("baseline.json"),
      "the fitted scenario; fit_report.csv goes beside it")(
      "extends", po::value(&extends),
      "a scenario with the prices, capacities, toegang and levers (contract data)")(
      "map", po::value(&in.map), "products.csv (product,domain,form): product codes to forms")(
      "reasons", po::value(&in.reasons), "reasons.csv (code,end_reason): own end codes")(
      "until", po::value(&until),
      "last projected year (default: the last year of the population file)")(
      "transition-days", po::value(&transition_days)->default_value(31),
      "a vervolghulp end moves to the next episode starting within this many days")(
      "name", po::value(&name)->default_value("fitted"), "scenario name in the outputs")(
      "skip-bad-rows", po::bool_switch(&in.skip_bad_rows),
      "skip malformed rows (counted in the report) instead of stopping")(
      "no-parameter-uncertainty", po::bool_switch(&no_uncertainty),
      "no estimation uncertainty in the scenario (only process noise)")(
      "force", po::bool_switch(&force), "replace --out and its fit_report.csv if they exist");
  AddCommonOptions(&opts, kOptCsv, &common);
  if (const int code = ParseCommandLine(args, opts, "fit", kFitHelp, &files); code >= 0)
    return code;
  FitOptions fo;
  std::string usage = CheckCommonOptions(kOptCsv, &common);
  const CsvDialect dialect = common.dialect;
  if (usage.empty() && files.size() != 1) usage = "name one records file";
  if (usage.empty() && in.population.empty())
    usage = "--population FILE is required (year,age_band,count)";
  if (usage.empty() && (transition_days < 0 || transition_days > 3650))
    usage = "--transition-days must be between 0 and 3650";
  if (usage.empty() && until != 0 && (until < 1900 || until > 2200))
    usage = "--until must be a year";
  if (usage.empty())
    usage = CheckPathTexts("the file name",
                           {files[0], in.population, in.map, in.reasons, extends, out});
  if (!usage.empty()) return UsageError("fit", usage);
  if (!ParseDateOption("fit", "from", from, &fo.from) ||
      !ParseDateOption("fit", "extract-date", extract, &fo.extract))
    return kExitUsage;
  fo.transition_days = transition_days;
  fo.until_year = until;
  in.records = files[0];
  // Checked (and the temporary files made) before the work: an existing --out or a folder that
  // cannot be written is reported at once. baseline.json appears last, when both are complete.
  const std::string report = (fs::path(out).parent_path() / "fit_report.csv").string();
  OutputFiles output;
  std::string err;
  if (!output.Prepare({out, report}, force, "--out", &err)) {
    std::fprintf(stderr, "sdsim fit: %s\n", err.c_str());
    return kExitOutputError;
  }
  RecordSet records;
  PopulationTable population;
  if (!LoadFitInputs("fit", in, &records, &population)) return kExitInvalidInput;
  ResolvedScenario base;
  if (!extends.empty() && !LoadBase(extends, &base)) return kExitInvalidInput;
  FitResult fit;
  if (!FitRecords(records, population, fo, &fit, &err)) {
    std::fprintf(stderr, "sdsim fit: %s; nothing was written.\n", err.c_str());
    return kExitInvalidInput;
  }
  ScenarioWriterInput wi;
  wi.records = &records;
  wi.population = &population;
  wi.fit = &fit;
  wi.name = name;
  wi.parameter_uncertainty = !no_uncertainty;
  if (!extends.empty()) {
    wi.extends = RelativeTo(extends, out);
    wi.base = &base.doc;
  }
  std::string cmd;
  for (size_t i = 0; i < full_command.size(); ++i) cmd += (i ? " " : "") + full_command[i];
  wi.generated_by = cmd + " (" + UtcNow() + ")";
  const std::string text = WriteFittedScenario(wi);
  if (!WriteValidScenario(output.TempPath(0), out, text)) return kExitInvalidInput;
  if (!output.Write(1, FitReportCsv(records, population, fit, dialect), &err) ||
      !output.Commit(&err)) {
    std::fprintf(stderr, "sdsim fit: %s\n", err.c_str());
    return kExitOutputError;
  }
  std::fputs(FitSummary(records, population, fit).c_str(), stdout);
  std::printf("\nwrote %s and %s\n", out.c_str(), report.c_str());
  return kExitOk;
}

}  // namespace sdsim
