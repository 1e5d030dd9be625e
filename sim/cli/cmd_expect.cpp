// `sdsim expect FILE... [options]`: expected values without sampling (expect/expect.h), written as
// summary.csv (mean only) and manifest.json to an output folder, like `sdsim run`.
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "cli/limits.h"
#include "cli/load.h"
#include "cli/options.h"
#include "cli/out_dir.h"
#include "engine/metrics.h"
#include "expect/expect.h"
#include "expect/expect_csv.h"
#include "io/manifest.h"

namespace po = boost::program_options;

namespace sdsim {
namespace {

const char kUsage[] = "Usage: sdsim expect FILE... [options]\n";
const char kHelp[] =
    "\n"
    "Computes the expected value of every metric without sampling: a fast, independent second\n"
    "way to get the means that `sdsim run` estimates. It follows the expected number of clients\n"
    "through the scenario day by day: arrivals, toegang, routing, durations, transitions,\n"
    "re-entry, Wlz exits, the age limit with verlengde jeugdhulp and transfers, clients on the\n"
    "start date, tariffs, indexation, PGB, payer switch, trajectory prices, one-off costs, lump\n"
    "sums, staff, cost lines and policy levers. Writes summary.csv (the columns of `sdsim run`:\n"
    "the expected value in \"mean\", replications 0, the spread columns empty) and manifest.json\n"
    "to the output folder.\n"
    "\n"
    "What it cannot represent, and says so instead of giving a wrong number:\n"
    "  - capacity limits (places, staffed places, lump-sum places) and toegang assessment\n"
    "    slots: queues and waiting times have no expected-value form, and neither has\n"
    "    escalation while waiting. A scenario with caps is refused (exit code 1, nothing\n"
    "    written) with one line per capped form, unless --ignore-capacity is given: then\n"
    "    everything is computed as if no form had a cap (nobody waits, nobody escalates, a\n"
    "    diversion always finds a place) and each capped form gets a warning line. Use\n"
    "    `sdsim run` for the effect of the caps.\n"
    "  - levers with an uncertain effect size (drawn per replication), except inflow and tariff\n"
    "    levers, whose mean size gives the exact mean: refused. A fixed size (a number) is\n"
    "    computed exactly for every kind of lever: a what-if.\n"
    "  - metrics that are not means of sums are left empty: cost_per_client, share_over_5y,\n"
    "    gk_client_share, gk_inflow_share, gk_cost_share, lifetime_risk_18, and\n"
    "    unique_clients / clients_per_1000 except for age-band rows and forms a client can\n"
    "    never return to.\n"
    "Demand volatility has mean 1 and does not change the expected values.\n"
    "\n"
    "Example:\n"
    "  sdsim expect scenarios/dronten/baseline.json --ignore-capacity --out results/expect\n";

}  // namespace

int ExpectCommand(const std::vector<std::string>& args,
                  const std::vector<std::string>& full_command) {
  std::vector<std::string> files;
  CommonOptions common;
  bool ignore_capacity = false, strict = false;
  const unsigned which = kOptThreads | kOptOut | kOptPeriod | kOptCsv;
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help");
  AddCommonOptions(&opts, which, &common);
  opts.add_options()("ignore-capacity", po::bool_switch(&ignore_capacity),
                     "compute as if no form had a capacity limit (and the toegang no slots); "
                     "warns per capped form")("quiet,q", po::bool_switch(&common.quiet),
                                              "no table on stdout")(
      "strict", po::bool_switch(&strict),
      "plausibility warnings (values that look mistyped) are errors: nothing is run");
  if (const int code = ParseCommandLine(args, opts, "expect", std::string(kUsage) + kHelp, &files);
      code >= 0)
    return code;
  BuildOptions build;
  std::string usage_error = CheckCommonOptions(which, &common);
  if (usage_error.empty() && files.empty()) usage_error = "name at least one scenario file";
  if (usage_error.empty()) usage_error = CheckPathTexts("the file name", files);
  if (!usage_error.empty()) return UsageError("expect", usage_error);
  build.periods = common.period;
  const CsvDialect dialect = common.dialect;
  const int threads = common.threads;
  const bool quiet = common.quiet;
  const std::string period = common.period_text;
  std::string out_dir = common.out;

  LoadedScenarios loaded;
  if (!LoadScenarioFiles(files, build, &loaded, strict)) return kExitInvalidInput;

  // What the expected values cannot represent: refuse, or (capacity only) warn and go on.
  bool refuse = false;
  std::vector<std::string> warnings;
  for (size_t s = 0; s < loaded.models.size(); ++s) {
    for (const ExpectIssue& is : Unrepresentable(loaded.models[s])) {
      const std::string where = files[s] + ": " + is.where + ": " + is.what;
      if (is.capacity && ignore_capacity) {
        warnings.push_back("sdsim expect: warning: " + where +
                           " ignored: computed as if uncapped (nobody waits)");
      } else if (is.capacity) {
        std::fprintf(stderr,
                     "%s: queues cannot be computed in expectation; rerun with --ignore-capacity "
                     "to compute as if "
                     "uncapped, or use sdsim run\n",
                     where.c_str());
        refuse = true;
      } else {
        std::fprintf(stderr, "%s\n", where.c_str());
        refuse = true;
      }
    }
  }
  if (refuse) {
    std::fputs("sdsim expect: nothing was computed or written.\n", stderr);
    return kExitInvalidInput;
  }
  for (const std::string& w : warnings) std::fprintf(stderr, "%s\n", w.c_str());

  if (out_dir.empty()) out_dir = DefaultOutDir(loaded.resolved.front().name);
  OutputFolder output;
  std::string err;
  if (!output.Prepare(out_dir, 0, &err)) {
    std::fprintf(stderr, "sdsim expect: %s; nothing was computed or written.\n", err.c_str());
    return kExitOutputError;
  }

  RunInfo info;
  info.command_line = full_command;
  info.seed = 0;
  info.replications = 0;
  info.threads = threads;
  info.period = period;
  info.started_utc = UtcNow();
  const auto t0 = std::chrono::steady_clock::now();
  ExpectOptions eo;
  eo.ignore_capacity = ignore_capacity;
  eo.threads = threads;
  if (const char* w = std::getenv("SDSIM_EXPECT_CLASS_DAYS"))
    eo.max_class_days = std::atoi(w);  // diagnostics
  std::vector<ExpectedValues> values;
  for (size_t s = 0; s < loaded.models.size(); ++s) {
    values.push_back(Expect(loaded.models[s], eo));
    if (values.back().unconverged > 1e-6)
      std::fprintf(stderr,
                   "sdsim expect: warning: %s: %.3g clients kept moving between forms within one "
                   "day (durations "
                   "of 0 in a loop?); their further flows are left out\n",
                   files[s].c_str(), values.back().unconverged);
  }
  info.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  info.finished_utc = UtcNow();

  std::vector<ExpectedScenario> scenarios;
  std::vector<const ResolvedScenario*> resolved;
  std::vector<const Model*> models;
  for (size_t s = 0; s < values.size(); ++s) {
    scenarios.push_back({loaded.resolved[s].name, &loaded.models[s], &values[s]});
    resolved.push_back(&loaded.resolved[s]);
    models.push_back(&loaded.models[s]);
  }
  std::vector<std::pair<std::string, std::string>> outputs = {
      {"summary.csv", ExpectedSummaryCsv(scenarios, dialect)}};
  info.outputs = {"summary.csv", "manifest.json"};
  Json manifest = Json::parse(ManifestJson(info, resolved, models));
  manifest["method"] = "expected values";
  manifest["ignore_capacity"] = ignore_capacity;
  manifest["notes"] = ExpectNotes();
  outputs.push_back({"manifest.json", manifest.dump(2) + "\n"});
  if (!output.WriteAll(outputs, &err) || !output.Commit(&err)) {
    std::fprintf(stderr, "sdsim expect: %s\n", err.c_str());
    return kExitOutputError;
  }

  if (!quiet) {
    std::printf("sdsim expect: expected values of %zu scenario%s in %.2f s (no sampling)\n",
                values.size(), values.size() == 1 ? "" : "s", info.seconds);
    for (size_t s = 0; s < values.size(); ++s) {
      const Model& m = loaded.models[s];
      const ResultLayout& L = values[s].layout;
      std::printf("  %s: expected total cost per %s, x EUR 1,000\n",
                  loaded.resolved[s].name.c_str(), period.c_str());
      for (int p = 0; p < L.periods; ++p)
        std::printf("    %-8s %12.0f\n", m.calendar.periods()[p].label.c_str(),
                    values[s].values[L.Index(p, m.num_groups() - 1, kCost)] / 1e3);
    }
    std::printf("results: %s/summary.csv, manifest.json\n", out_dir.c_str());
  }
  return kExitOk;
}

}  // namespace sdsim
