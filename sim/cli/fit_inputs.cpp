// Inputs and output checks of `sdsim fit` and `sdsim backtest` (see fit_inputs.h).
#include "cli/fit_inputs.h"

#include <cstdio>
#include <filesystem>

#include "core/model.h"
#include "io/files.h"
#include "scenario/build_model.h"

namespace fs = std::filesystem;

namespace sdsim {

bool LoadFitInputs(const char* command, const FitInputOptions& o, RecordSet* records,
                   PopulationTable* population) {
  std::vector<InputError> errors;
  RecordMaps maps;
  if (!o.map.empty()) ReadProductMap(o.map, &maps, &errors);
  if (!o.reasons.empty()) ReadReasonMap(o.reasons, &maps, &errors);
  if (errors.empty()) {
    RecordOptions ro;
    ro.skip_bad_rows = o.skip_bad_rows;
    ReadRecords(o.records, maps, ro, records, &errors);
  }
  ReadPopulation(o.population, population, &errors);
  for (const InputError& e : errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
  if (!errors.empty()) {
    std::fprintf(stderr, "sdsim %s: %zu problem%s in the input files; nothing was written.%s\n",
                 command, errors.size(), errors.size() == 1 ? "" : "s",
                 o.skip_bad_rows ? "" : " (--skip-bad-rows skips and counts bad records rows)");
    return false;
  }
  return true;
}

bool ParseDateOption(const char* command, const char* flag, const std::string& text, int64_t* day) {
  if (text.empty()) return true;
  if (ParseDay(text, false, day)) return true;
  std::fprintf(stderr,
               "sdsim %s: --%s \"%s\" is not a date; use YYYY-MM-DD (see sdsim %s --help)\n",
               command, flag, text.c_str(), command);
  return false;
}

bool LoadBase(const std::string& path, ResolvedScenario* base) {
  Problems problems;
  Model model;
  if (LoadScenario(path, BuildOptions{}, base, &model, &problems)) return true;
  for (const Problem& p : problems) std::fprintf(stderr, "%s\n", p.ToString().c_str());
  std::fprintf(stderr, "sdsim: the --extends scenario %s has problems; nothing was written.\n",
               path.c_str());
  return false;
}

std::string RelativeTo(const std::string& base, const std::string& out_path) {
  std::error_code ec;
  const fs::path dir = fs::absolute(fs::path(out_path), ec).parent_path();
  const fs::path rel = fs::relative(fs::absolute(base, ec), dir, ec);
  return ec || rel.empty() ? fs::absolute(base, ec).string() : rel.generic_string();
}

bool WriteValidScenario(const std::string& path, const std::string& shown,
                        const std::string& text) {
  // Validated where it will live (`path` is beside `shown`), so a relative "extends" resolves as
  // it will.
  std::string err;
  if (!WriteFileAtomic(path, text, &err)) {
    std::fprintf(stderr, "sdsim: %s\n", err.c_str());
    return false;
  }
  ResolvedScenario resolved;
  Model model;
  Problems problems;
  if (LoadScenario(path, BuildOptions{}, &resolved, &model, &problems)) return true;
  std::error_code ec;
  fs::remove(path, ec);
  for (Problem& p : problems) {
    if (p.file == path) p.file = shown;
    std::fprintf(stderr, "%s\n", p.ToString().c_str());
  }
  std::fprintf(stderr,
               "sdsim: the fitted scenario would not validate (above); nothing was written.\n");
  return false;
}

}  // namespace sdsim
