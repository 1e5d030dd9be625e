// `sdsim run FILE... [options]`: simulate scenarios in parallel on common random numbers and write
// summary.csv, compare.csv, targets.csv, budget.csv and manifest.json to an output folder.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <limits>

#include "cli/commands.h"
#include "cli/dist.h"
#include "cli/limits.h"
#include "cli/load.h"
#include "cli/options.h"
#include "cli/out_dir.h"
#include "cli/precision_option.h"
#include "cli/presentations.h"
#include "cli/progress.h"
#include "cli/run_job.h"
#include "io/episode_records.h"
#include "io/files.h"
#include "io/manifest.h"
#include "runner/batch.h"
#include "scenario/baseline.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace sdsim {
namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void OnSigint(int) { g_interrupted.store(true); }

const char kRunUsage[] = "Usage: sdsim run FILE... [options]\n";
const char kRunHelp[] =
    "\n"
    "Simulates each scenario file for the given number of replications (in parallel), all on the\n"
    "same random numbers wherever the scenarios agree, and writes to the output folder:\n"
    "  summary.csv    per scenario, row (care form, domain, pillar, taakveld, payer, age band,\n"
    "                 total) and period: every metric with mean, sd, p5 p25 p50 p75 p95;\n"
    "                 filter one level (and cohort all) before summing: rows of one level\n"
    "                 never overlap\n"
    "  begroting.csv  cost per taakveld (BBV order) and payer, per domain and payer, per payer\n"
    "                 and in total: one row each, mean p5 p95 per year (paste into a begroting)\n"
    "  compare.csv    with two or more files: each scenario minus the baseline, paired per\n"
    "                 replication: mean and p5/p50/p95 of the difference in cost and clients,\n"
    "                 P(saving), cumulative net effect incl. investment, payback. The baseline is\n"
    "                 --baseline FILE, else the file marked \"baseline\": true, else the file all\n"
    "                 others extend; if that is not clear, sdsim says so and runs nothing\n"
    "  targets.csv    the figures a scenario declares under \"targets\", and whether they are met\n"
    "  budget.csv     with a begroting (--budget FILE or \"budget\" in a scenario): P(overrun),\n"
    "                 expected overrun, reserve needed for 90% and 95% certainty\n"
    "  replications.csv  with --per-replication: every replication's values, for own analysis\n"
    "  manifest.json  version, seed, replications, the resolved scenarios and input file hashes\n"
    "  report.html    (unless --no-report) one file with fan charts and tables of all the above,\n"
    "                 for any browser, offline\n"
    "  results.xlsx   with --xlsx: an Excel workbook (Samenvatting, Begroting, Vergelijking,\n"
    "                 Risico, Doelen, Herkomst) with native charts\n"
    "With --records FILE also the episodes of replication 0 of the baseline, in the records\n"
    "format of sdsim fit (scenarios/records.md).\n"
    "The same --seed gives byte-identical CSV files for any --threads.\n"
    "\n"
    "Precision: every run reports the Monte Carlo standard error of its key figures (the cost per\n"
    "year of each scenario, in total and per domain, and the differences from the baseline) in\n"
    "manifest.json and on the terminal. With --precision (e.g. 0.25%) the run itself decides how\n"
    "many replications it needs: it stops at the first checkpoint where every key mean is known\n"
    "to within that share, so a number carries no more digits than it can back; the same\n"
    "command gives the same replications and bytes for any --threads.\n"
    "\n"
    "Example:\n"
    "  sdsim run scenarios/dronten/baseline.json scenarios/dronten/lokale_teams.json \\\n"
    "      --replications 2000 --csv nl --out results/begroting2026\n";

}  // namespace

int RunCommand(const std::vector<std::string>& args, const std::vector<std::string>& full_command) {
  std::vector<std::string> files;
  CommonOptions common;
  std::string baseline, budget, per_rep, records;
  PrecisionOption precision;
  bool no_report = false, strict = false;
  std::string labels = "nl";
  PresentationOptions pres;
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help");
  AddCommonOptions(&opts, kOptAllCommon, &common);
  opts.add_options()(
      "baseline", po::value(&baseline),
      "the scenario file the others are compared with (default: the one marked \"baseline\": "
      "true, else the one every other file extends)")(
      "budget", po::value(&budget),
      "a begroting file (JSON) to check every scenario's cost against")(
      "per-replication", po::value(&per_rep)->implicit_value("totals"),
      "also write replications.csv: 'totals' (domains, pillars, taakvelden, totals; key metrics) "
      "or 'all' (every row and metric; large)")("xlsx", po::bool_switch(&pres.xlsx),
                                                "also write results.xlsx (an Excel workbook)")(
      "xlsx-percentiles", po::bool_switch(&pres.workbook.percentiles),
      "the workbook's Begroting sheet shows p5 and p95 next to each mean")(
      "no-report", po::bool_switch(&no_report), "do not write report.html")(
      "labels", po::value(&labels)->default_value("nl"),
      "language of the workbook and report: nl or en")(
      "strict", po::bool_switch(&strict),
      "plausibility warnings (values that look mistyped) are errors: nothing is run")(
      "records", po::value(&records),
      "also write the episodes of replication 0 of the baseline scenario to FILE, in the records "
      "format of sdsim fit");
  AddPrecisionOptions(&opts, &precision);
  if (const int code =
          ParseCommandLine(args, opts, "run", std::string(kRunUsage) + kRunHelp, &files);
      code >= 0)
    return code;
  BuildOptions build;
  JobOptions job;
  if (!baseline.empty() && std::find(files.begin(), files.end(), baseline) == files.end())
    files.insert(files.begin(), baseline);
  std::string usage_error = CheckCommonOptions(kOptAllCommon, &common);
  if (usage_error.empty() && files.empty()) usage_error = "name at least one scenario file";
  if (usage_error.empty()) usage_error = CheckPathTexts("the file name", files);
  if (usage_error.empty() && !budget.empty())
    usage_error = CheckPathText("the --budget file name", budget);
  if (usage_error.empty() && !records.empty())
    usage_error = CheckPathText("the --records file name", records);
  if (usage_error.empty() && !per_rep.empty() && per_rep != "totals" && per_rep != "all")
    usage_error = "--per-replication must be totals or all";
  if (usage_error.empty() && !ParseLang(labels, &pres.workbook.lang))
    usage_error = "--labels must be nl or en";
  if (usage_error.empty())
    usage_error = CheckPrecisionOptions(&precision, common.replications_given);
  if (!usage_error.empty()) return UsageError("run", usage_error);
  if (precision.target > 0) common.replications = precision.max_replications;
  pres.report = !no_report;
  build.periods = common.period;
  job.dialect = common.dialect;
  const long long replications = common.replications;
  const int threads = common.threads;
  std::string out_dir = common.out;
  const bool quiet = common.quiet;

  LoadedScenarios loaded;
  if (!LoadScenarioFiles(files, build, &loaded, strict)) return kExitInvalidInput;
  const Dist& dist = CurrentDist();
  if (!budget.empty()) {
    Problems problems;
    for (Model& m : loaded.models) ApplyBudgetFile(budget, &m, &problems);
    if (!problems.empty() && !dist.root()) return kExitInvalidInput;
    if (!problems.empty()) {
      // The same budget file is read against every scenario: report each distinct problem once.
      PrintDistinctProblems(problems);
      std::fputs("sdsim: problems in the budget file; nothing was run or written.\n", stderr);
      return kExitInvalidInput;
    }
  }

  // The baseline, by meaning: --baseline, else the marked file, else the file the others extend.
  std::string baseline_reason = "--baseline";
  if (!baseline.empty()) {
    job.baseline =
        static_cast<int>(std::find(files.begin(), files.end(), baseline) - files.begin());
  } else {
    const BaselineChoice choice = ChooseBaseline(loaded.resolved, files);
    if (choice.index < 0) {
      if (dist.root()) std::fprintf(stderr, "sdsim run: %s\n", choice.error.c_str());
      return kExitUsage;
    }
    job.baseline = choice.index;
    baseline_reason = choice.reason;
  }
  std::vector<const Model*> models;
  std::vector<std::string> names;
  for (size_t s = 0; s < loaded.models.size(); ++s) {
    models.push_back(&loaded.models[s]);
    names.push_back(loaded.resolved[s].name);
  }
  if (const std::string err = CheckMemoryFits(models, names, threads); !err.empty()) {
    if (dist.root())
      std::fprintf(stderr, "sdsim run: %s; nothing was run or written.\n", err.c_str());
    return kExitInvalidInput;
  }
  if (!per_rep.empty())
    job.per_replication = per_rep == "all" ? PerReplication::kAll : PerReplication::kTotals;
  job.seed = common.seed;
  job.replications = common.replications;
  job.precision = precision.target;
  job.threads = threads;
  job.cancel = &g_interrupted;
  job.distribute = dist.distributed();

  // Ctrl-C (and a terminal closing, or `kill`) from here on stops the run and writes nothing.
  std::signal(SIGINT, OnSigint);
  std::signal(SIGTERM, OnSigint);
  std::signal(SIGHUP, OnSigint);
  // The output folder is checked and its temporary folder made before the simulation, so a
  // long run does not fail at the end; the files appear in it all at once when it is done.
  if (out_dir.empty()) out_dir = DefaultOutDir(loaded.resolved[job.baseline].name);
  OutputFolder output;
  std::string err;
  if (dist.root() && !output.Prepare(out_dir, ExpectedOutputBytes(models, job), &err)) {
    std::fprintf(stderr, "sdsim run: %s; nothing was run or written.\n", err.c_str());
    if (dist.distributed()) AbortDist(kExitOutputError);
    return kExitOutputError;
  }
  if (job.per_replication != PerReplication::kNone)
    job.per_replication_path = output.TempPath("replications.csv");

  RunInfo info = NewRunInfo(full_command, common);
  Progress progress("replications", replications, !quiet && dist.root() && StderrIsTerminal());
  job.progress = [&](long done) { progress.Update(done); };
  JobOutputs result = RunJob(models, names, job);
  progress.Finish();
  if (result.worker) return kExitOk;  // rank 0 writes the outputs
  info.seconds = result.seconds;
  info.replications = static_cast<int>(result.replications_done);
  info.precision = &result.precision;
  info.events = result.events;
  info.finished_utc = UtcNow();
  if (!result.error.empty()) {
    output.Abandon();
    std::fprintf(stderr, "sdsim run: %s; nothing was written.\n", result.error.c_str());
    if (dist.distributed()) AbortDist(kExitOutputError);
    return kExitOutputError;
  }
  if (result.interrupted) {
    output.Abandon();
    std::fprintf(stderr,
                 "sdsim run: interrupted after %ld of %lld replications; nothing was written.\n",
                 result.replications_done, replications);
    if (dist.distributed()) AbortDist(130);
    return 130;
  }
  std::vector<const ResolvedScenario*> resolved;
  for (const ResolvedScenario& r : loaded.resolved) resolved.push_back(&r);
  for (const auto& f : result.files) info.outputs.push_back(f.first);
  if (!job.per_replication_path.empty()) info.outputs.push_back("replications.csv");
  for (const std::string& name : PresentationNames(pres)) info.outputs.push_back(name);
  info.outputs.push_back("manifest.json");
  info.budget_file = budget;
  info.mpi_ranks = dist.size;
  info.peak_memory_mb = PeakMemoryMb();
  result.files.push_back({"manifest.json", ManifestJson(info, resolved, models)});
  if (!AddPresentations(pres, &result.files, &err)) {
    output.Abandon();
    std::fprintf(stderr, "sdsim run: %s; nothing was written.\n", err.c_str());
    return kExitOutputError;
  }
  if (!output.WriteAll(result.files, &err) || !output.Commit(&err)) {
    std::fprintf(stderr, "sdsim run: %s\n", err.c_str());
    return kExitOutputError;
  }
  if (!records.empty()) {
    // The same replication 0 as in the run (the sink draws nothing), of the baseline scenario.
    const Model& m = loaded.models[static_cast<size_t>(job.baseline)];
    if (!WriteFileAtomic(records, SimulatedRecords(m, info.seed, 0), &err)) {
      std::fprintf(stderr, "sdsim run: %s\n", err.c_str());
      return kExitOutputError;
    }
  }
  std::fputs(result.report.c_str(), stdout);
  if (loaded.models.size() > 1)
    std::printf("  the baseline is %s (%s)\n", files[job.baseline].c_str(),
                baseline_reason.c_str());
  if (!records.empty()) std::printf("episodes of replication 0 in %s\n", records.c_str());
  std::printf("results in %s/:", out_dir.c_str());
  for (const std::string& f : info.outputs) std::printf(" %s", f.c_str());
  std::printf("\n");
  return kExitOk;
}

}  // namespace sdsim
