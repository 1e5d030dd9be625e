// `sdsim sweep BASE.json --vary KEY=v1,v2,... [--vary ...]`: run the grid of all combinations of
// the varied values (KEY is a JSON path into the scenario) and write sweep.csv (summary.csv of
// every point with a column per varied key), with --baseline sweep_compare.csv (each point against
// a baseline scenario, paired) and with --budget sweep_budget.csv. Every point is checked before
// anything runs; progress shows from the start; a table of each point's key results, with the
// difference from the base point, is printed at the end. The files appear together when the sweep
// ends (after Ctrl-C with the points finished by then; after kill -9 not at all: cli/out_dir.h).
#include <boost/program_options.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/dist.h"
#include "cli/limits.h"
#include "cli/load.h"
#include "cli/options.h"
#include "cli/out_dir.h"
#include "cli/progress.h"
#include "cli/run_job.h"
#include "cli/sweep_axes.h"
#include "cli/sweep_table.h"
#include "io/manifest.h"
#include "runner/batch.h"
#include "scenario/build_model.h"
#include "scenario/plausibility.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace sdsim {
namespace {

std::atomic<bool> g_sweep_interrupted{false};
extern "C" void OnSweepSigint(int) { g_sweep_interrupted.store(true); }

const char kSweepHelp[] =
    "Usage: sdsim sweep BASE.json --vary KEY=v1,v2,... [--vary KEY=...] [options]\n"
    "\n"
    "Runs BASE.json once for every combination of the varied values and writes sweep.csv: the\n"
    "columns of summary.csv preceded by one column per varied key. KEY is a path into the\n"
    "scenario, with dots or as a JSON pointer, e.g.\n"
    "  --vary domains.jeugd.forms.verblijf.capacity=20,25,30\n"
    "  --vary /domains/jeugd/demand/toegang/per_1000=60,70,80\n"
    "  --vary levers.preventie.change=-0.05;-0.1;-0.15\n"
    "Values are JSON (numbers, \"text\", [lists], {objects}), separated by ',' or ';'. Write\n"
    "decimals with a point: 0,3 looks like a Dutch decimal and is refused (write 0.3).\n"
    "Every point is checked first (rules and plausibility warnings): nothing runs if a point is\n"
    "invalid or a key does not exist. All points use the same --seed (common random numbers), so\n"
    "differences between points are not blurred by chance. At the end a table gives each point's\n"
    "cost paid by the gemeente in the last year with the difference from the base point (the\n"
    "point with the values of BASE.json, else the first); with --baseline FILE also each point's\n"
    "paired difference from that scenario (sweep_compare.csv), with --budget FILE the chance of\n"
    "overrunning the begroting (sweep_budget.csv). The files appear together when the sweep\n"
    "ends; after Ctrl-C they hold the points finished by then (the manifest says "
    "\"interrupted\").\n"
    "\n"
    "Example:\n"
    "  sdsim sweep scenarios/dronten/lokale_teams.json --vary levers.lokale_teams.share=0.3,0.5 "
    "\\\n"
    "      --baseline scenarios/dronten/baseline.json -r 500\n";

CsvCell CellOf(const Json& v) {
  CsvCell c;
  if (v.is_number()) {
    c.numeric = true;
    c.number = v.get<double>();
  } else {
    c.text = v.is_string() ? v.get<std::string>() : v.dump();
  }
  return c;
}

// The data rows of `csv` whose first cell is `scenario` (all rows if empty), each prefixed.
std::string PrefixRows(const std::string& csv, const std::string& prefix,
                       const std::string& scenario_cell) {
  std::string rows;
  size_t pos = csv.find('\n') + 1;
  while (pos < csv.size()) {
    const size_t end = csv.find('\n', pos);
    if (scenario_cell.empty() || csv.compare(pos, scenario_cell.size(), scenario_cell) == 0)
      rows += prefix + csv.substr(pos, end - pos + 1);
    pos = end + 1;
  }
  return rows;
}

}  // namespace

int SweepCommand(const std::vector<std::string>& args,
                 const std::vector<std::string>& full_command) {
  std::vector<std::string> files, vary;
  CommonOptions common;
  std::string baseline_file, budget_file;
  bool strict = false;
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")("vary", po::value(&vary),
                                                 "KEY=v1,v2,... (repeatable)");
  AddCommonOptions(&opts, kOptAllCommon, &common, "replications per point");
  opts.add_options()("baseline", po::value(&baseline_file),
                     "a scenario file every point is compared with, paired (sweep_compare.csv)")(
      "budget", po::value(&budget_file),
      "a begroting file (JSON) every point is checked against (sweep_budget.csv)")(
      "strict", po::bool_switch(&strict),
      "plausibility warnings (values that look mistyped) are errors: nothing is run");
  if (const int code = ParseCommandLine(args, opts, "sweep", std::string(kSweepHelp), &files);
      code >= 0)
    return code;
  BuildOptions build;
  std::string usage_error = CheckCommonOptions(kOptAllCommon, &common);
  if (usage_error.empty()) usage_error = CheckPathTexts("the file name", files);
  if (usage_error.empty() && !baseline_file.empty())
    usage_error = CheckPathText("the --baseline file name", baseline_file);
  if (usage_error.empty() && !budget_file.empty())
    usage_error = CheckPathText("the --budget file name", budget_file);
  std::vector<Axis> axes;
  for (const std::string& v : vary) {
    if (!usage_error.empty()) break;
    if (!(usage_error = CheckText("--vary", v)).empty()) break;
    Axis a;
    if (!(usage_error = ParseAxis(v, &a)).empty()) break;
    axes.push_back(a);
  }
  if (usage_error.empty()) {
    if (files.size() != 1)
      usage_error = "name exactly one base scenario file";
    else if (axes.empty())
      usage_error = "give at least one --vary KEY=v1,v2,...";
  }
  if (!usage_error.empty()) return UsageError("sweep", usage_error);
  build.periods = common.period;
  const CsvDialect dialect = common.dialect;
  const int threads = common.threads;
  const bool quiet = common.quiet;
  const long long replications = common.replications;
  std::string out_dir = common.out;
  const Dist& dist = CurrentDist();
  // The base (and the baseline) must be valid, and every varied key must name a place in it.
  std::vector<std::string> inputs = files;
  if (!baseline_file.empty()) inputs.push_back(baseline_file);
  LoadedScenarios base;
  if (!LoadScenarioFiles(inputs, build, &base, strict)) return kExitInvalidInput;
  const ResolvedScenario& resolved = base.resolved.front();
  for (const Axis& a : axes) {
    if (const std::string err = CheckAxisValues(a, resolved); !err.empty()) {
      if (dist.root()) std::fprintf(stderr, "sdsim sweep: %s\n", err.c_str());
      return kExitUsage;
    }
    if (const std::string err = CheckAxisKey(a, resolved, build, files[0]); !err.empty()) {
      if (dist.root()) std::fprintf(stderr, "sdsim sweep: %s\n", err.c_str());
      return kExitInvalidInput;
    }
  }
  Problems budget_problems;
  if (!budget_file.empty())
    for (Model& m : base.models) ApplyBudgetFile(budget_file, &m, &budget_problems);

  // Every point, built and checked before anything runs: the point's values are the mixed-radix
  // digits of its index, last axis fastest.
  size_t points = 1;
  for (const Axis& a : axes) points *= a.values.size();
  std::deque<ResolvedScenario> variants;
  std::deque<Model> models;
  std::vector<std::vector<CsvCell>> cells(points);
  std::vector<std::string> labels(points);
  std::vector<Problems> warnings = {base.warnings.front()};
  std::vector<std::string> errors;
  size_t bad_points = 0;
  size_t base_point = points;  // the point with the base file's own values
  for (size_t point = 0; point < points; ++point) {
    ResolvedScenario variant = resolved;
    cells[point].resize(axes.size());
    bool own = true;
    for (size_t i = axes.size(), rest = point; i-- > 0;) {
      const Json& v = axes[i].values[rest % axes[i].values.size()];
      rest /= axes[i].values.size();
      const Json::json_pointer p(axes[i].pointer);
      own = own && resolved.doc.contains(p) && resolved.doc.at(p) == v;
      variant.doc[p] = v;
      cells[point][i] = CellOf(v);
    }
    for (size_t i = 0; i < axes.size(); ++i)
      labels[point] +=
          (i ? ", " : "") + axes[i].key + "=" +
          (cells[point][i].numeric ? FormatNumber(cells[point][i].number) : cells[point][i].text);
    if (own && base_point == points) base_point = point;
    Model model;
    Problems problems;
    if (BuildModel(variant, build, &model, &problems) && !budget_file.empty())
      ApplyBudgetFile(budget_file, &model, &problems);
    for (Problem p : problems) {
      for (const Axis& a : axes)
        if (p.pointer.rfind(a.pointer, 0) == 0)
          p.message += " [this value comes from --vary " + a.key + "]";
      errors.push_back("point " + std::to_string(point + 1) + " (" + labels[point] +
                       "): " + p.ToString());
    }
    if (!problems.empty()) ++bad_points;
    if (problems.empty()) {
      // A warning the base has too is reported once, without a point.
      Problems fresh;
      for (const Problem& w : CheckPlausibility(variant, model)) {
        bool known = false;
        for (const Problem& b : base.warnings.front()) known |= b.ToString() == w.ToString();
        if (!known) {
          Problem x = w;
          x.message =
              "point " + std::to_string(point + 1) + " (" + labels[point] + "): " + x.message;
          fresh.push_back(x);
        }
      }
      warnings.push_back(fresh);
    }
    variants.push_back(std::move(variant));
    models.push_back(std::move(model));
  }
  if (!budget_problems.empty() || !errors.empty()) {
    if (dist.root()) {
      std::vector<std::string> shown;
      for (const Problem& p : budget_problems)
        if (std::find(shown.begin(), shown.end(), p.ToString()) == shown.end())
          shown.push_back(p.ToString());
      for (const std::string& e : errors) shown.push_back(e);
      for (const std::string& s : shown) std::fprintf(stderr, "%s\n", s.c_str());
      if (errors.empty())
        std::fputs("sdsim sweep: problems in the budget file; nothing was run or written.\n",
                   stderr);
      else
        std::fprintf(stderr,
                     "sdsim sweep: problems in %zu of %zu points; nothing was run or written.\n",
                     bad_points, points);
    }
    return kExitInvalidInput;
  }
  if (!ReportWarnings(std::vector<Problems>(warnings.begin() + 1, warnings.end()), strict))
    return kExitInvalidInput;
  const bool base_is_file = base_point < points;
  if (!base_is_file) base_point = 0;

  for (size_t point = 0; point < points; ++point)
    if (const std::string e = CheckMemoryFits({&models[point]}, {resolved.name}, threads);
        !e.empty()) {
      if (dist.root())
        std::fprintf(stderr, "sdsim sweep: point %zu (%s): %s; nothing was run or written.\n",
                     point + 1, labels[point].c_str(), e.c_str());
      return kExitInvalidInput;
    }

  // sweep.csv (and the others) and manifest.json appear together at the end (or after Ctrl-C,
  // with the points finished by then); the output folder is checked before the first point runs.
  if (out_dir.empty()) out_dir = DefaultOutDir(resolved.name + "_sweep");
  OutputFolder output;
  std::string err;
  if (dist.root() && !output.Prepare(out_dir, 0, &err)) {
    std::fprintf(stderr, "sdsim sweep: %s; nothing was run or written.\n", err.c_str());
    if (dist.distributed()) AbortDist(kExitOutputError);
    return kExitOutputError;
  }
  std::signal(SIGINT, OnSweepSigint);
  std::signal(SIGTERM, OnSweepSigint);
  std::signal(SIGHUP, OnSweepSigint);
  RunInfo info = NewRunInfo(full_command, common);
  info.budget_file = budget_file;
  const Model* baseline = baseline_file.empty() ? nullptr : &base.models.back();
  const std::string& baseline_name = base.resolved.back().name;
  // Progress from the start, per replication of every point (this rank's points as they run,
  // the other ranks' points as they arrive).
  const long total = static_cast<long>(points) * replications;
  Progress progress("replications", total, !quiet && dist.root() && StderrIsTerminal());
  auto compute = [&](size_t point) -> std::string {
    if (g_sweep_interrupted.load()) return "!interrupted";
    JobOptions job;
    job.seed = info.seed;
    job.replications = info.replications;
    job.threads = threads;
    job.dialect = dialect;
    job.cancel = &g_sweep_interrupted;
    job.baseline = baseline ? 1 : 0;
    const long before = static_cast<long>(point) * replications;
    if (dist.root()) job.progress = [&](long done) { progress.Update(before + done); };
    std::vector<const Model*> run = {&models[point]};
    std::vector<std::string> names = {resolved.name};
    if (baseline) {
      run.push_back(baseline);
      names.push_back(baseline_name);
    }
    JobOutputs result = RunJob(run, names, job);
    if (result.interrupted) return "!interrupted";
    // This point's rows with its values in front (in this dialect).
    CsvWriter lead(dialect, false);
    for (const CsvCell& v : cells[point]) lead.Cell(v);
    const std::string prefix = lead.str() + (dialect == CsvDialect::kNl ? ';' : ',');
    CsvWriter name(dialect, false);
    name.Text(resolved.name);
    const std::string own = name.str() + (dialect == CsvDialect::kNl ? ';' : ',');
    Json out = {{"headline", HeadlineJson(result.headlines.front())}};
    for (const auto& [file, text] : result.files) {
      const std::string to = file == "summary.csv"   ? "sweep.csv"
                             : file == "compare.csv" ? "sweep_compare.csv"
                             : file == "budget.csv"  ? "sweep_budget.csv"
                                                     : "";
      if (to.empty()) continue;
      const size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
      out["header"][to] = text.substr(start, text.find('\n') + 1 - start);
      out["rows"][to] = PrefixRows(text, prefix, own);
    }
    return out.dump();
  };
  // The output files: a header (the varied keys, then the file's own columns) once.
  std::vector<std::string> lead;
  for (const Axis& a : axes) lead.push_back(a.key);
  std::vector<std::pair<std::string, std::string>> tables;
  auto header = [&](const std::string& first_row) {
    CsvWriter h(dialect, true);
    for (const std::string& c : lead) h.Text(c);
    return h.str() + (dialect == CsvDialect::kNl ? ';' : ',') + first_row;
  };
  std::vector<Headline> headlines(points);
  std::vector<bool> finished_point(points, false);
  size_t finished = 0;
  auto deliver = [&](size_t point, const std::string& text) {
    if (text.rfind("!", 0) == 0) return;  // interrupted: no progress, no rows
    progress.Update(static_cast<long>(point + 1) * replications);
    const Json got = Json::parse(text);
    headlines[point] = HeadlineFromJson(got["headline"]);
    finished_point[point] = true;
    ++finished;
    for (const char* file : {"sweep.csv", "sweep_compare.csv", "sweep_budget.csv"}) {
      if (!got["rows"].contains(file)) continue;
      auto it = std::find_if(tables.begin(), tables.end(),
                             [&](const auto& t) { return t.first == file; });
      if (it == tables.end()) {
        tables.push_back({file, header(got["header"][file].get<std::string>())});
        it = tables.end() - 1;
      }
      it->second += got["rows"][file].get<std::string>();
    }
  };
  RunDistPoints(points, compute, deliver);
  if (!dist.root()) return kExitOk;
  progress.Finish();
  if (finished == 0) {
    output.Abandon();
  } else {
    info.outputs.clear();
    for (const auto& t : tables) info.outputs.push_back(t.first);
    info.outputs.push_back("manifest.json");
    info.finished_utc = UtcNow();
    info.mpi_ranks = dist.size;
    std::vector<const ResolvedScenario*> scenarios = {&resolved};
    std::vector<const Model*> manifest_models = {&base.models.front()};
    if (baseline) {
      scenarios.push_back(&base.resolved.back());
      manifest_models.push_back(baseline);
    }
    Json manifest = Json::parse(ManifestJson(info, scenarios, manifest_models));
    manifest["sweep"] = {{"vary", vary},
                         {"points", points},
                         {"finished", finished},
                         {"base_point", base_point + 1},
                         {"interrupted", g_sweep_interrupted.load()}};
    if (baseline) manifest["sweep"]["baseline"] = baseline_name;
    std::vector<std::pair<std::string, std::string>> out = tables;
    out.push_back(
        {"manifest.json", manifest.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"});
    if (!output.WriteAll(out, &err) || !output.Commit(&err)) {
      std::fprintf(stderr, "sdsim sweep: %s\n", err.c_str());
      if (dist.distributed()) AbortDist(kExitOutputError);
      return kExitOutputError;
    }
  }
  std::vector<std::vector<std::string>> values(points);
  for (size_t p = 0; p < points; ++p)
    for (const CsvCell& c : cells[p])
      values[p].push_back(c.numeric ? FormatNumber(c.number) : c.text);
  std::fputs(SweepTable(lead, values, headlines, finished_point, base_point, base_is_file,
                        baseline ? baseline_name : "")
                 .c_str(),
             stdout);
  if (g_sweep_interrupted.load()) {
    if (finished)
      std::fprintf(stderr,
                   "sdsim sweep: interrupted; %zu of %zu points finished and kept in %s/.\n",
                   finished, points, out_dir.c_str());
    else
      std::fprintf(stderr,
                   "sdsim sweep: interrupted before a point finished; nothing was written.\n");
    return 130;
  }
  std::printf("sdsim sweep: %zu points finished; results in %s/:", finished, out_dir.c_str());
  for (const std::string& f : info.outputs) std::printf(" %s", f.c_str());
  std::printf("\n");
  return kExitOk;
}

}  // namespace sdsim
