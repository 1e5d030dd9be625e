// RunJob: simulate a set of loaded scenarios and produce the contents of every output file
// (summary.csv, targets.csv, compare.csv, budget.csv, optionally replications.csv) and the
// terminal report. Shared by `sdsim run` and `sdsim sweep`. Writes no files itself except the
// optional per-replication file, which it streams to a temporary path the caller renames.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "cli/headline.h"
#include "cli/limits.h"
#include "core/model.h"
#include "io/csv.h"
#include "io/manifest.h"
#include "io/replications_csv.h"
#include "runner/precision.h"

namespace sdsim {

struct JobOptions {
  uint64_t seed = 1;
  int replications = 1000;  // with a precision target: the maximum
  // A precision target (the relative standard error of every key mean, runner/precision.h), or 0
  // for a fixed count: the run then stops at the first checkpoint where the target is met.
  double precision = 0;
  int threads = 0;
  CsvDialect dialect = CsvDialect::kIntl;
  int baseline = 0;  // index of the scenario the others are compared with
  PerReplication per_replication = PerReplication::kNone;
  std::string per_replication_path;  // where to stream replications.csv (temporary name)
  const std::atomic<bool>* cancel = nullptr;
  std::function<void(long done)> progress;
  // Spread the replications over the MPI ranks (see cli/dist.h); only rank 0 gets outputs.
  bool distribute = false;
};

struct JobOutputs {
  std::vector<std::pair<std::string, std::string>> files;  // name -> content
  std::string report;                                      // for the terminal
  std::vector<Headline> headlines;                         // per scenario, for a sweep's table
  uint64_t events = 0;
  double seconds = 0;
  long replications_done = 0;
  PrecisionResult precision;  // the key figures' standard errors (and the target's outcome)
  bool interrupted = false;
  bool worker = false;  // an MPI rank other than 0: its results went to rank 0
  std::string error;    // set if the per-replication file could not be written
};

// About how large the files of RunJob will be (an upper estimate, for the free-space check).
// The manifest's run description from the command line and its checked shared options, started now.
RunInfo NewRunInfo(const std::vector<std::string>& command_line, const CommonOptions& common);

double ExpectedOutputBytes(const std::vector<const Model*>& models, const JobOptions& options);

JobOutputs RunJob(const std::vector<const Model*>& models, const std::vector<std::string>& names,
                  const JobOptions& options);

}  // namespace sdsim
