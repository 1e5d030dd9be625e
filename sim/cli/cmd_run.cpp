// `sdsim run FILE... [options]`: simulate scenarios in parallel and write summary.csv and
// manifest.json to an output folder.
#include <boost/program_options.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/load.h"
#include "cli/progress.h"
#include "engine/metrics.h"
#include "io/csv.h"
#include "io/files.h"
#include "io/manifest.h"
#include "io/summary.h"
#include "io/targets_csv.h"
#include "runner/batch.h"
#include "runner/stats.h"
#include "runner/targets.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace sdsim {
namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void OnSigint(int) { g_interrupted.store(true); }

const char kRunUsage[] = "Usage: sdsim run FILE... [options]\n";
const char kRunHelp[] =
    "\n"
    "Simulates each scenario file for the given number of replications (in parallel) and writes\n"
    "to the output folder:\n"
    "  summary.csv    per scenario, domain, care form and period: clients_start, clients_end,\n"
    "                 inflow, outflow, unique_clients, waiting_end, mean_wait_days and cost, each\n"
    "                 with mean, sd and percentiles p5 p25 p50 p75 p95 across replications\n"
    "  manifest.json  version, seed, replications, the resolved scenarios and input file hashes:\n"
    "                 everything needed to reproduce the numbers\n"
    "All scenarios in one run use the same random draws where they agree (common random numbers).\n"
    "The same --seed gives byte-identical summary.csv for any --threads.\n"
    "\n"
    "Example:\n"
    "  sdsim run scenarios/dronten/baseline.json --replications 2000 --out results/begroting2026\n";

// A new folder results/<date>_<time>_<scenario> (with -2, -3, ... if it exists).
std::string DefaultOutDir(const std::string& name) {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d_%H%M%S", &tm);
  std::string safe;
  for (char c : name) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  const std::string base = std::string("results/") + stamp + "_" + safe;
  std::string dir = base;
  for (int i = 2; fs::exists(dir); ++i) dir = base + "-" + std::to_string(i);
  return dir;
}

}  // namespace

int RunCommand(const std::vector<std::string>& args, const std::vector<std::string>& full_command) {
  std::vector<std::string> files;
  long long replications = 1000, seed = 1;
  int threads = 0;
  std::string out_dir, period = "year", csv = "intl";
  bool quiet = false;
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")(
      "replications,r", po::value(&replications)->default_value(1000),
      "replications per scenario (more = narrower percentiles; 1000 is a good start, 10000 for "
      "a final report)")("seed,s", po::value(&seed)->default_value(1),
                          "random seed; the same seed reproduces the same numbers")(
      "threads,t", po::value(&threads)->default_value(0), "worker threads (0 = all cores)")(
      "out,o", po::value(&out_dir), "output folder (default: a new folder under results/)")(
      "period", po::value(&period)->default_value("year"),
      "reporting period: year, half or month")("csv", po::value(&csv)->default_value("intl"),
                                               "CSV dialect: intl (, and .) or nl (; and decimal "
                                               "comma, for a Dutch Excel)")(
      "quiet,q", po::bool_switch(&quiet), "no progress line");
  po::options_description hidden;
  hidden.add_options()("file", po::value(&files));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::fprintf(stderr, "sdsim run: %s (see sdsim run --help)\n", e.what());
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << kRunUsage << kRunHelp << "\n" << opts;
    return kExitOk;
  }
  BuildOptions build;
  CsvDialect dialect;
  std::string usage_error;
  if (files.empty()) usage_error = "name at least one scenario file";
  else if (replications < 1 || replications > 100000000) usage_error = "--replications must be between 1 and 100000000";
  else if (seed < 0) usage_error = "--seed must be 0 or more";
  else if (threads < 0 || threads > 1024) usage_error = "--threads must be between 0 (all cores) and 1024";
  else if (!ParsePeriodKind(period, &build.periods)) usage_error = "--period must be year, half or month";
  else if (!ParseCsvDialect(csv, &dialect)) usage_error = "--csv must be intl or nl";
  if (!usage_error.empty()) {
    std::fprintf(stderr, "sdsim run: %s (see sdsim run --help)\n", usage_error.c_str());
    return kExitUsage;
  }

  LoadedScenarios loaded;
  if (!LoadScenarioFiles(files, build, &loaded)) return kExitInvalidInput;

  if (out_dir.empty()) out_dir = DefaultOutDir(loaded.resolved.front().name);
  std::error_code ec;
  const bool created = !fs::exists(out_dir);
  fs::create_directories(out_dir, ec);
  if (ec || !fs::is_directory(out_dir)) {
    std::fprintf(stderr, "sdsim run: cannot create output folder %s: %s\n", out_dir.c_str(),
                 ec ? ec.message().c_str() : "a file with that name exists");
    return kExitOutputError;
  }

  RunInfo info;
  info.command_line = full_command;
  info.seed = static_cast<uint64_t>(seed);
  info.replications = static_cast<int>(replications);
  info.threads = EffectiveThreads(threads);
  info.period = period;
  info.started_utc = UtcNow();

  std::vector<const Model*> models;
  std::vector<Aggregator> aggregators;
  std::vector<TargetTracker> targets;
  for (const Model& m : loaded.models) {
    models.push_back(&m);
    aggregators.emplace_back(ActiveCells(m));
    targets.emplace_back(m);
  }
  BatchOptions batch;
  batch.seed = info.seed;
  batch.replications = info.replications;
  batch.threads = threads;
  batch.cancel = &g_interrupted;
  std::signal(SIGINT, OnSigint);
  std::signal(SIGTERM, OnSigint);
  Progress progress("replications", replications, !quiet && StderrIsTerminal());
  const auto t0 = std::chrono::steady_clock::now();
  long done = 0;
  info.events = RunBatch(models, batch, [&](int, const std::vector<RepResult>& results) {
    for (size_t s = 0; s < results.size(); ++s) {
      aggregators[s].Add(results[s].values);
      targets[s].Add(results[s]);
    }
    progress.Update(++done);
  });
  progress.Finish();
  info.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  info.finished_utc = UtcNow();
  if (g_interrupted.load()) {
    if (created) fs::remove(out_dir, ec);  // only if still empty
    std::fprintf(stderr, "sdsim run: interrupted after %ld of %lld replications; nothing was written.\n",
                 done, replications);
    return 130;
  }

  std::vector<ScenarioSummary> summaries;
  std::vector<ScenarioTargets> target_results;
  std::vector<const ResolvedScenario*> resolved;
  bool any_targets = false;
  for (size_t s = 0; s < models.size(); ++s) {
    summaries.push_back({loaded.resolved[s].name, models[s], &aggregators[s]});
    target_results.push_back({loaded.resolved[s].name, models[s], targets[s].Results()});
    any_targets |= !models[s]->targets.empty();
    resolved.push_back(&loaded.resolved[s]);
  }
  std::vector<std::pair<std::string, std::string>> outputs = {{"summary.csv", SummaryCsv(summaries, dialect)}};
  if (any_targets) outputs.push_back({"targets.csv", TargetsCsv(target_results, dialect)});
  for (const auto& f : outputs) info.outputs.push_back(f.first);
  info.outputs.push_back("manifest.json");
  outputs.push_back({"manifest.json", ManifestJson(info, resolved)});
  std::string err;
  const fs::path dir(out_dir);
  for (const auto& [name, content] : outputs) {
    if (!WriteFileAtomic((dir / name).string(), content, &err)) {
      std::fprintf(stderr, "sdsim run: %s\n", err.c_str());
      return kExitOutputError;
    }
  }

  // A short report on stdout: total cost per year, mean and 90% band.
  std::printf("sdsim: %d replications x %zu scenario%s in %.1f s (%.0f replications/s, %d threads)\n",
              info.replications, models.size(), models.size() == 1 ? "" : "s", info.seconds,
              info.replications * models.size() / std::max(info.seconds, 1e-9), info.threads);
  for (size_t s = 0; s < models.size(); ++s) {
    const Model& m = *models[s];
    const ResultLayout L{m.calendar.num_periods(), m.num_groups(), kNumMetrics};
    std::printf("  %s: total cost per %s, mean [p5 - p95], x EUR 1,000\n", loaded.resolved[s].name.c_str(),
                period.c_str());
    for (int p = 0; p < L.periods; ++p) {
      const Stats st = aggregators[s].Get(L.Index(p, m.num_groups() - 1, kCost));
      std::printf("    %-8s %12.0f  [%.0f - %.0f]\n", m.calendar.periods()[p].label.c_str(), st.mean / 1e3,
                  st.p5 / 1e3, st.p95 / 1e3);
    }
  }
  std::fputs(TargetsTable(target_results).c_str(), stdout);
  std::printf("results: %s/summary.csv%s, manifest.json\n", out_dir.c_str(), any_targets ? ", targets.csv" : "");
  return kExitOk;
}

}  // namespace sdsim
