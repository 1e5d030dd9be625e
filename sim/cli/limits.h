// The command-line values the commands share (replications, seed, threads, output folder,
// period, CSV dialect, quiet) and the one check of them and of every path and free-text value:
// run, sweep, expect, fit and backtest apply the same limits with the same messages (issue 13).
//
// A command declares the shared options it takes with AddCommonOptions (plus its own), parses
// with ParseCommandLine (cli/options.h), then calls CheckCommonOptions, which turns the texts
// into checked values or returns the usage error to print. Values are read as text and parsed
// here, so "1e12", "4294967297" or "-5" get a message naming the rule instead of wrapping around.
#pragma once

#include <boost/program_options.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/model.h"
#include "io/csv.h"

namespace sdsim {

// 10^8 replications of the Dronten set take about 2 weeks on 2 cores; more is never meant.
constexpr int kMaxReplications = 100000000;
// More worker threads than this is a typo (and each thread keeps its own simulation state).
constexpr int kMaxThreads = 1024;
// Seeds are whole numbers from 0 to 2^63 - 1 (what a spreadsheet or shell script can carry).
constexpr uint64_t kMaxSeed = 9223372036854775807ULL;

// The shared options, as bits: a command passes the ones it takes.
enum CommonOption : unsigned {
  kOptReplications = 1u << 0,
  kOptSeed = 1u << 1,
  kOptThreads = 1u << 2,
  kOptOut = 1u << 3,
  kOptPeriod = 1u << 4,
  kOptCsv = 1u << 5,
  kOptQuiet = 1u << 6,
  kOptAllCommon = (1u << 7) - 1,
};

struct CommonOptions {
  // As typed; the defaults are the ones --help shows.
  std::string replications_text = "1000";
  bool replications_given = false;  // --replications was on the command line
  std::string seed_text = "1";
  std::string threads_text = "0";
  std::string period_text = "year";
  std::string csv_text = "intl";
  std::string out;  // output folder; "" = a new folder under results/
  bool quiet = false;
  // Checked values, set by CheckCommonOptions.
  int replications = 1000;
  uint64_t seed = 1;
  int threads = 0;  // 0 = all cores
  PeriodKind period = PeriodKind::kYear;
  CsvDialect dialect = CsvDialect::kIntl;
};

// Adds the options named in `which` to `opts`, reading into `values`. `replications_help` says
// what the replications are for this command (e.g. "replications per sweep point").
void AddCommonOptions(boost::program_options::options_description* opts, unsigned which,
                      CommonOptions* values,
                      const std::string& replications_help = "replications per scenario");

// Checks the options named in `which` (and --out's text when kOptOut is in it). Returns "" if all
// are fine, else the first usage error, e.g.
//   --replications must be a whole number from 1 to 100000000 (got "1e12")
std::string CheckCommonOptions(unsigned which, CommonOptions* values);

// The single checks, for commands that read such a value under another name. Each returns "" or
// the usage error naming `flag`.
std::string CheckReplications(const std::string& flag, const std::string& text, int* out);
std::string CheckSeed(const std::string& flag, const std::string& text, uint64_t* out);
std::string CheckThreads(const std::string& flag, const std::string& text, int* out);
// A file or folder name: valid UTF-8 (it goes into manifest.json), no control characters.
std::string CheckPathText(const std::string& what, const std::string& path);
// Every name in `files` (positional FILE arguments, --baseline, --budget, ...).
std::string CheckPathTexts(const std::string& what, const std::vector<std::string>& files);
// A free-text value (e.g. a --vary value): valid UTF-8.
std::string CheckText(const std::string& flag, const std::string& text);

// Memory: each worker thread holds one replication of every model at a time (Model::work.bytes,
// an upper bound). Returns "" if `threads` of them fit in this machine's memory, else why not and
// how many threads would fit, naming the key that needs most (for the command to print; exit 1).
std::string CheckMemoryFits(const std::vector<const Model*>& models,
                            const std::vector<std::string>& names, int threads);
// This machine's physical memory in bytes (0 if unknown).
double PhysicalMemoryBytes();

// Prints "sdsim COMMAND: <message> (see sdsim COMMAND --help)" and returns the usage exit code.
int UsageError(const char* command, const std::string& message);

}  // namespace sdsim
