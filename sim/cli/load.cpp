// Loading scenario files for the CLI.
#include "cli/load.h"

#include <algorithm>
#include <cstdio>

#include "cli/dist.h"
#include "scenario/plausibility.h"

namespace sdsim {

bool ReportWarnings(const std::vector<Problems>& warnings, bool strict) {
  std::vector<std::string> lines;
  for (const Problems& ws : warnings)
    for (const Problem& w : ws) {
      const std::string text = w.ToString();
      if (std::find(lines.begin(), lines.end(), text) == lines.end()) lines.push_back(text);
    }
  if (lines.empty()) return true;
  if (!CurrentDist().root()) return !strict;
  for (const std::string& l : lines) std::fprintf(stderr, "%s\n", l.c_str());
  const char* s = lines.size() == 1 ? "" : "s";
  if (strict) {
    std::fprintf(stderr,
                 "sdsim: %zu warning%s, errors under --strict; nothing was run or written.\n",
                 lines.size(), s);
    return false;
  }
  std::fprintf(
      stderr,
      "sdsim: %zu warning%s: allowed values that look mistyped; check them (--strict makes "
      "warnings errors).\n",
      lines.size(), s);
  return true;
}

bool LoadScenarioFiles(const std::vector<std::string>& files, const BuildOptions& options,
                       LoadedScenarios* out, bool strict) {
  Problems problems;
  for (const std::string& f : files) {
    ResolvedScenario r;
    Model m;
    LoadScenario(f, options, &r, &m, &problems);
    out->resolved.push_back(std::move(r));
    out->models.push_back(std::move(m));
  }
  if (problems.empty()) {
    for (size_t i = 0; i < files.size(); ++i)
      for (size_t j = 0; j < i; ++j)
        if (out->resolved[i].name == out->resolved[j].name) {
          Problem p;
          p.file = files[i];
          p.pointer = "/name";
          p.value = "\"" + out->resolved[i].name + "\"";
          p.message = "two scenarios in one run have the same name (also " + files[j] +
                      "); give each file its own \"name\"";
          problems.push_back(p);
        }
  }
  if (CurrentDist().root()) {  // rank 0 reports
    for (const Problem& p : problems) std::fprintf(stderr, "%s\n", p.ToString().c_str());
    if (!problems.empty())
      std::fprintf(stderr, "sdsim: %zu problem%s found; nothing was run or written.\n",
                   problems.size(), problems.size() == 1 ? "" : "s");
  }
  if (!problems.empty()) return false;
  for (size_t i = 0; i < files.size(); ++i)
    out->warnings.push_back(CheckPlausibility(out->resolved[i], out->models[i]));
  return ReportWarnings(out->warnings, strict);
}

void PrintDistinctProblems(const Problems& problems) {
  std::vector<std::string> shown;
  for (const Problem& p : problems) {
    const std::string text = p.ToString();
    if (std::find(shown.begin(), shown.end(), text) != shown.end()) continue;
    shown.push_back(text);
    std::fprintf(stderr, "%s\n", text.c_str());
  }
}

}  // namespace sdsim
