// Shared by `sdsim fit` and `sdsim backtest`: reading the records, mapping files and population
// (printing every problem), the date options, and writing a fitted scenario only once it
// validates.
#pragma once

#include <string>

#include "fit/estimate.h"
#include "fit/population.h"
#include "fit/records.h"
#include "scenario/resolve.h"

namespace sdsim {

struct FitInputOptions {
  std::string records, population, map, reasons;
  bool skip_bad_rows = false;
};

// Reads everything; on problems prints them ("sdsim COMMAND: ...") and returns false.
bool LoadFitInputs(const char* command, const FitInputOptions& o, RecordSet* records,
                   PopulationTable* population);
// Parses a --from / --extract-date value; prints a usage error and returns false if bad.
bool ParseDateOption(const char* command, const char* flag, const std::string& text, int64_t* day);
// Resolves the --extends base; prints its problems and returns false if it cannot be read.
bool LoadBase(const std::string& path, ResolvedScenario* base);
// `extends` as written in a file at `out_path`: the base path relative to the file's folder.
std::string RelativeTo(const std::string& base, const std::string& out_path);
// Writes `text` to `path` (a temporary file of an output set, beside where it will be shown) and
// checks that it builds as a valid scenario; otherwise prints the problems (naming `shown`),
// removes it and returns false.
bool WriteValidScenario(const std::string& path, const std::string& shown, const std::string& text);

}  // namespace sdsim
