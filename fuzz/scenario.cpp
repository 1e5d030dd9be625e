// Fuzz target "scenario": the scenario loader (scenario/build_model.h LoadScenario: read, scan,
// parse, resolve `extends`, build and check the model). The input is a scenario file, followed
// by the files beside it that it may extend (after "//@file NAME" lines; driver/fuzz_files.h).
// A crash, a sanitizer report, a hang (libFuzzer -timeout) or a broken invariant is a bug:
// every problem message must be UTF-8 (it may end up in manifest.json), a valid model must have
// a finite work estimate within the limits, and problems and the result must agree.
#include <cmath>
#include <cstdlib>

#include "driver/fuzz_files.h"
#include "io/utf8.h"
#include "scenario/build_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sdsim;
  const std::string path = fuzz::WriteFiles(fuzz::SplitFiles(data, size, "scenario.json"));
  ResolvedScenario resolved;
  Model model;
  Problems problems;
  const bool ok = LoadScenario(path, BuildOptions{}, &resolved, &model, &problems);
  if (ok != problems.empty()) std::abort();
  for (const Problem& p : problems)
    if (!IsValidUtf8(p.ToString())) std::abort();
  if (ok && !(std::isfinite(model.work.events) && model.work.events <= 1e9 &&
              std::isfinite(model.work.bytes) && model.work.bytes <= 16e9))
    std::abort();
  return 0;
}
