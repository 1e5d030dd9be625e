// manifest.json assembly.
#include "io/manifest.h"

#include <sys/resource.h>

#include <ctime>

#include "io/precision_report.h"

namespace sdsim {

double PeakMemoryMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

std::string UtcNow() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

namespace {

// Each year's price index change and where it comes from.
Json IndexationJson(const Model& m) {
  Json out = Json::array();
  for (const IndexYear& y : m.indexation) {
    Json e{{"year", y.year}, {"rate", y.rate}};
    e["source"] = y.given          ? "given"
                  : y.carried_from ? "no figure for " + std::to_string(y.year) + ": the " +
                                         std::to_string(y.carried_from) + " rate is carried forward"
                                   : "no figure for " + std::to_string(y.year) +
                                         " and none before it: 0 is used";
    out.push_back(e);
  }
  return out;
}

}  // namespace

std::string ManifestJson(const RunInfo& info, const std::vector<const ResolvedScenario*>& scenarios,
                         const std::vector<const Model*>& models) {
  Json j;
  j["program"] = "sdsim";
  j["version"] = SDSIM_VERSION;
  j["command_line"] = info.command_line;
  j["seed"] = info.seed;
  j["replications"] = info.replications;
  j["threads"] = info.threads;
  j["mpi_ranks"] = info.mpi_ranks;
  j["period"] = info.period;
  j["started_utc"] = info.started_utc;
  j["finished_utc"] = info.finished_utc;
  j["seconds"] = info.seconds;
  j["events"] = info.events;
  j["peak_memory_mb"] = info.peak_memory_mb;
  j["outputs"] = info.outputs;
  if (!info.budget_file.empty()) j["budget_file"] = info.budget_file;
  if (info.precision) j["precision"] = PrecisionJson(*info.precision);
  Json list = Json::array();
  for (size_t i = 0; i < scenarios.size(); ++i) {
    const ResolvedScenario* s = scenarios[i];
    Json e;
    e["name"] = s->name;
    e["file"] = s->path();
    Json files = Json::array();
    for (const ScenarioFile& f : s->chain)
      files.push_back(Json{{"path", f.path}, {"sha256", f.sha256}});
    e["input_files"] = files;
    e["resolved"] = s->doc;
    if (i < models.size() && !models[i]->indexation.empty())
      e["indexation"] = IndexationJson(*models[i]);
    list.push_back(e);
  }
  j["scenarios"] = list;
  j["reproduce"] =
      "Run the same sdsim version with the same command line on the same input files (check their "
      "sha256); any --threads (and any number of MPI ranks) gives the same CSV files.";
  // Every text in it was checked to be UTF-8; replace anything else rather than abort.
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace sdsim
