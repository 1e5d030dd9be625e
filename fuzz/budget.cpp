// Fuzz target "budget": the begroting file reader (scenario/build_model.h ApplyBudgetFile) against
// the Dronten baseline, as `sdsim run --budget FILE` reads it. The input is the budget file.
// A crash, a sanitizer report or a hang is a bug; every problem message must be UTF-8, and a
// file that is accepted must give budget lines for existing rows and periods.
#include <cstdlib>

#include "driver/fuzz_files.h"
#include "io/utf8.h"
#include "scenario/build_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sdsim;
  static Model model = [] {
    ResolvedScenario resolved;
    Model m;
    Problems problems;
    if (!LoadScenario(SDSIM_SOURCE_DIR "/scenarios/dronten/baseline.json", BuildOptions{},
                      &resolved, &m, &problems))
      std::abort();
    return m;
  }();
  const std::string path = fuzz::WriteFiles(fuzz::SplitFiles(data, size, "begroting.json"));
  Problems problems;
  const bool ok = ApplyBudgetFile(path, &model, &problems);
  if (ok != problems.empty()) std::abort();
  for (const Problem& p : problems)
    if (!IsValidUtf8(p.ToString())) std::abort();
  if (ok)
    for (const BudgetLine& line : model.budget)
      if (line.group < 0 || line.group >= model.num_groups() || line.period < 0 ||
          line.period >= model.calendar.num_periods() || !(line.amount >= 0))
        std::abort();
  return 0;
}
