// manifest.json: everything needed to reproduce a run bit for bit — program version, command
// line, seed, replications, threads, period kind, the fully resolved scenarios (after extends),
// the SHA-256 of every input file, the output files, and the start and end time.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "runner/precision.h"
#include "scenario/resolve.h"

namespace sdsim {

struct RunInfo {
  std::vector<std::string> command_line;
  uint64_t seed = 0;
  int replications = 0;
  int threads = 0;
  std::string period;       // "year", "half" or "month"
  std::string started_utc;  // ISO 8601
  std::string finished_utc;
  double seconds = 0;
  uint64_t events = 0;
  std::vector<std::string> outputs;            // file names in the output folder
  std::string budget_file;                     // --budget, if given
  int mpi_ranks = 1;                           // processes of a distributed run
  double peak_memory_mb = 0;                   // this process's peak resident memory
  const PrecisionResult* precision = nullptr;  // the key figures' standard errors, if known
};

// `models` (optional, same order as `scenarios`) adds what the model made of the file that the
// resolved document does not show, such as the indexation used for years without a figure.
std::string ManifestJson(const RunInfo& info, const std::vector<const ResolvedScenario*>& scenarios,
                         const std::vector<const Model*>& models = {});
// This process's peak resident memory so far, in MiB.
double PeakMemoryMb();
// Current time as "2026-11-23T10:15:00Z".
std::string UtcNow();

}  // namespace sdsim
