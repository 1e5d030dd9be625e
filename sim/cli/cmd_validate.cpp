// `sdsim validate FILE...`: check scenario files (and their extends chains) without running.
#include <algorithm>
#include <cstdio>

#include "cli/commands.h"
#include "cli/limits.h"
#include "cli/load.h"

namespace sdsim {

int ValidateCommand(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      std::puts(
          "Usage: sdsim validate FILE...\n"
          "\n"
          "Checks scenario files without running them: JSON syntax (with line and column), every\n"
          "key and value (with the JSON path, the rule and a suggestion), and the extends chain.\n"
          "Prints one line per problem; exit code 0 if all files are valid, 1 otherwise.\n"
          "Nothing is written.");
      return kExitOk;
    }
    if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "sdsim validate: unknown option %s (see sdsim validate --help)\n",
                   a.c_str());
      return kExitUsage;
    }
    files.push_back(a);
  }
  if (files.empty()) {
    std::fputs("sdsim validate: name at least one scenario file (see sdsim validate --help)\n",
               stderr);
    return kExitUsage;
  }
  if (const std::string err = CheckPathTexts("the file name", files); !err.empty())
    return UsageError("validate", err);
  LoadedScenarios loaded;
  if (!LoadScenarioFiles(files, BuildOptions{}, &loaded)) return kExitInvalidInput;
  for (size_t i = 0; i < files.size(); ++i) {
    const Model& m = loaded.models[i];
    const auto forms = std::count_if(m.nodes.begin(), m.nodes.end(),
                                     [](const NodeModel& n) { return n.is_care(); });
    auto plural = [](size_t n, const char* one, const char* many) {
      return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::printf("%s: ok (scenario \"%s\", %s, %s, %s, %s .. %s)\n", files[i].c_str(),
                loaded.resolved[i].name.c_str(),
                plural(m.domains.size(), "domain", "domains").c_str(),
                plural(static_cast<size_t>(forms), "care form", "care forms").c_str(),
                plural(m.targets.size(), "target", "targets").c_str(),
                FormatDate(m.calendar.start()).c_str(), FormatDate(m.calendar.last()).c_str());
  }
  return kExitOk;
}

}  // namespace sdsim
