// `sdsim sweep BASE.json --vary KEY=v1,v2,... [--vary ...]`: run the grid of all combinations of
// the varied values (KEY is a JSON path into the scenario) and write one long CSV with a column
// per varied key. A point that fails (a value the scenario rules reject) is reported and skipped;
// sweep.csv and manifest.json appear together when the sweep ends (after Ctrl-C with the points
// finished by then; after kill -9 not at all: see cli/out_dir.h).
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
#include "io/manifest.h"
#include "io/summary.h"
#include "runner/batch.h"
#include "runner/stats.h"
#include "scenario/build_model.h"

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
    "Values are JSON (numbers, \"text\", [lists], {objects}); separate them with commas.\n"
    "All points use the same --seed (common random numbers), so differences between points are\n"
    "not blurred by chance. A point whose values break a scenario rule is reported and skipped;\n"
    "sweep.csv and manifest.json appear when the sweep ends; after Ctrl-C they hold the points\n"
    "finished by then (the manifest says \"interrupted\": true).\n"
    "\n"
    "Example:\n"
    "  sdsim sweep scenarios/dronten/baseline.json --vary domains.jeugd.toegang.fte=8,10,12 -r "
    "500\n";

struct Axis {
  std::string key, pointer;
  std::vector<Json> values;
};

// "a.b.0.c" -> "/a/b/0/c"; a JSON pointer stays as it is.
std::string ToPointer(const std::string& key) {
  if (!key.empty() && key[0] == '/') return key;
  std::string out;
  size_t start = 0;
  while (true) {
    const size_t dot = key.find('.', start);
    out += "/" + PointerToken(
                     key.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

// Splits "v1,v2,[1,2],{"a":1}" at top-level commas.
std::vector<std::string> SplitValues(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  bool quoted = false;
  for (char c : s) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == '[' || c == '{')) ++depth;
    if (!quoted && (c == ']' || c == '}')) --depth;
    if (c == ',' && depth == 0 && !quoted) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

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

}  // namespace

int SweepCommand(const std::vector<std::string>& args,
                 const std::vector<std::string>& full_command) {
  std::vector<std::string> files, vary;
  CommonOptions common;
  po::options_description opts("Options");
  opts.add_options()("help,h", "show this help")("vary", po::value(&vary),
                                                 "KEY=v1,v2,... (repeatable)");
  AddCommonOptions(&opts, kOptAllCommon, &common, "replications per point");
  if (const int code = ParseCommandLine(args, opts, "sweep", std::string(kSweepHelp), &files);
      code >= 0)
    return code;
  BuildOptions build;
  std::string usage_error = CheckCommonOptions(kOptAllCommon, &common);
  if (usage_error.empty()) usage_error = CheckPathTexts("the file name", files);
  std::vector<Axis> axes;
  for (const std::string& v : vary) {
    if (!usage_error.empty()) break;
    if (!(usage_error = CheckText("--vary", v)).empty()) break;
    const size_t eq = v.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == v.size()) {
      usage_error = "--vary needs KEY=v1,v2,... (got \"" + v + "\")";
      break;
    }
    Axis a;
    a.key = v.substr(0, eq);
    a.pointer = ToPointer(a.key);
    for (const std::string& text : SplitValues(v.substr(eq + 1))) {
      Json value;
      try {
        value = Json::parse(text);
      } catch (const Json::exception&) {
        value = Json(text);  // plain text without quotes
      }
      a.values.push_back(value);
    }
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
  std::string out_dir = common.out;
  // The base must be valid, and every varied key must name a place in it.
  LoadedScenarios base;
  if (!LoadScenarioFiles(files, build, &base)) return kExitInvalidInput;
  const ResolvedScenario& resolved = base.resolved.front();
  for (const Axis& a : axes) {
    const std::string parent = a.pointer.substr(0, a.pointer.rfind('/'));
    bool ok = false;
    try {
      ok = parent.empty() || resolved.doc.contains(Json::json_pointer(parent));
    } catch (const Json::exception&) {
    }
    if (!ok) {
      std::fprintf(
          stderr,
          "sdsim sweep: --vary %s: %s does not exist in %s (after extends); check the path\n",
          a.key.c_str(), parent.c_str(), files[0].c_str());
      return kExitInvalidInput;
    }
  }
  size_t points = 1;
  for (const Axis& a : axes) points *= a.values.size();
  if (const std::string err = CheckMemoryFits({&base.models.front()}, {resolved.name}, threads);
      !err.empty()) {
    if (CurrentDist().root())
      std::fprintf(stderr, "sdsim sweep: %s; nothing was run or written.\n", err.c_str());
    return kExitInvalidInput;
  }
  std::signal(SIGINT, OnSweepSigint);
  std::signal(SIGTERM, OnSweepSigint);
  std::signal(SIGHUP, OnSweepSigint);
  // sweep.csv and manifest.json appear together at the end (or after Ctrl-C, with the points
  // finished by then); the output folder is checked before the first point runs.
  if (out_dir.empty()) out_dir = DefaultOutDir(resolved.name + "_sweep");
  OutputFolder output;
  std::string err;
  if (CurrentDist().root() && !output.Prepare(out_dir, 0, &err)) {
    std::fprintf(stderr, "sdsim sweep: %s; nothing was run or written.\n", err.c_str());
    if (CurrentDist().distributed()) AbortDist(kExitOutputError);
    return kExitOutputError;
  }
  RunInfo info = NewRunInfo(full_command, common);
  std::vector<std::string> lead;
  for (const Axis& a : axes) lead.push_back(a.key);
  const Dist& dist = CurrentDist();
  Json failures = Json::array();
  // Points are spread over MPI ranks (point p on rank p % ranks), each with its own threads; rank
  // 0 receives them in point order. Without MPI, one process runs them all.
  Progress progress("sweep points", static_cast<long>(points),
                    !quiet && dist.root() && StderrIsTerminal());
  auto compute = [&](size_t point) -> std::string {
    if (g_sweep_interrupted.load()) return "!interrupted";
    // The point's values: the mixed-radix digits of `point`, last axis fastest.
    ResolvedScenario variant = resolved;
    std::vector<CsvCell> values(axes.size());
    std::string label;
    size_t rest = point;
    for (size_t i = axes.size(); i-- > 0;) {
      const Json& v = axes[i].values[rest % axes[i].values.size()];
      rest /= axes[i].values.size();
      variant.doc[Json::json_pointer(axes[i].pointer)] = v;
      values[i] = CellOf(v);
    }
    for (size_t i = 0; i < axes.size(); ++i)
      label += (i ? ", " : "") + axes[i].key + "=" +
               (values[i].numeric ? FormatNumber(values[i].number) : values[i].text);
    Model model;
    Problems problems;
    if (!BuildModel(variant, build, &model, &problems)) {
      std::string why;
      for (Problem p : problems) {
        for (const Axis& a : axes)
          if (p.pointer.rfind(a.pointer, 0) == 0)
            p.message += " [this value comes from --vary " + a.key + "]";
        why += (why.empty() ? "" : "; ") + p.ToString();
      }
      if (CurrentDist().distributed())
        label += ", on MPI rank " + std::to_string(CurrentDist().rank);
      return "!" + label + "\t" + why;
    }
    if (const std::string err = CheckMemoryFits({&model}, {resolved.name}, threads); !err.empty())
      return "!" + label + "\t" + err;
    JobOptions job;
    job.seed = info.seed;
    job.replications = info.replications;
    job.threads = threads;
    job.dialect = dialect;
    job.cancel = &g_sweep_interrupted;
    JobOutputs result = RunJob({&model}, {resolved.name}, job);
    if (result.interrupted) return "!interrupted";
    // This point's summary rows with its values in front (in this dialect).
    const std::string& summary = result.files.front().second;
    CsvWriter prefix(dialect, false);
    for (const CsvCell& v : values) prefix.Cell(v);
    const std::string head = prefix.str() + (dialect == CsvDialect::kNl ? ';' : ',');
    std::string rows;
    size_t pos = summary.find('\n') + 1;
    while (pos < summary.size()) {
      const size_t end = summary.find('\n', pos);
      rows += head + summary.substr(pos, end - pos + 1);
      pos = end + 1;
    }
    return rows;
  };
  std::string table;
  size_t finished = 0, done = 0;
  auto deliver = [&](size_t point, const std::string& text) {
    progress.Update(static_cast<long>(++done));
    if (text == "!interrupted") return;
    if (!text.empty() && text[0] == '!') {
      const size_t tab = text.find('\t');
      const std::string label = text.substr(1, tab - 1), why = text.substr(tab + 1);
      std::fprintf(stderr, "%ssdsim sweep: point %zu (%s) skipped: %s\n",
                   quiet || !StderrIsTerminal() ? "" : "\n", point + 1, label.c_str(), why.c_str());
      failures.push_back(Json{{"point", point + 1}, {"values", label}, {"problems", why}});
      return;
    }
    ++finished;
    if (table.empty()) {
      CsvWriter head(dialect, true);
      for (const std::string& c : lead) head.Text(c);
      for (int c = 0; c < kNumSummaryColumns; ++c) head.Text(kSummaryColumns[c]);
      head.EndRow();
      table = head.str();
    }
    table += text;
  };
  RunDistPoints(points, compute, deliver);
  if (!dist.root()) return kExitOk;
  progress.Finish();
  const bool interrupted = g_sweep_interrupted.load();
  if (finished == 0) {
    output.Abandon();
  } else {
    info.outputs = {"sweep.csv", "manifest.json"};
    info.finished_utc = UtcNow();
    info.mpi_ranks = dist.size;
    Json manifest = Json::parse(ManifestJson(info, {&resolved}));
    manifest["sweep"] = {{"vary", vary},
                         {"points", points},
                         {"finished", finished},
                         {"failed", failures},
                         {"interrupted", interrupted}};
    if (!output.WriteAll({{"sweep.csv", table},
                          {"manifest.json",
                           manifest.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"}},
                         &err) ||
        !output.Commit(&err)) {
      std::fprintf(stderr, "sdsim sweep: %s\n", err.c_str());
      if (dist.distributed()) AbortDist(kExitOutputError);
      return kExitOutputError;
    }
  }
  if (interrupted) {
    std::fprintf(stderr, "sdsim sweep: interrupted; %zu of %zu points finished%s.\n", finished,
                 points, finished ? (" and kept in " + out_dir + "/sweep.csv").c_str() : "");
    return 130;
  }
  std::printf("sdsim sweep: %zu of %zu points finished, %zu skipped; results in %s/sweep.csv\n",
              finished, points, failures.size(), finished ? out_dir.c_str() : "(none)");
  return failures.empty() ? kExitOk : kExitInvalidInput;
}

}  // namespace sdsim
