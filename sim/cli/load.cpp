// Loading scenario files for the CLI.
#include "cli/load.h"

#include <algorithm>
#include <cstdio>

#include "cli/dist.h"

namespace sdsim {

bool LoadScenarioFiles(const std::vector<std::string>& files, const BuildOptions& options,
                       LoadedScenarios* out) {
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
  if (!CurrentDist().root()) return problems.empty();  // rank 0 reports
  for (const Problem& p : problems) std::fprintf(stderr, "%s\n", p.ToString().c_str());
  if (!problems.empty()) {
    std::fprintf(stderr, "sdsim: %zu problem%s found; nothing was run or written.\n",
                 problems.size(), problems.size() == 1 ? "" : "s");
    return false;
  }
  return true;
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
