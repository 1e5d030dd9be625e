// `sdsim validate FILE...`: check scenario files (and their extends chains) without running.
#include <algorithm>
#include <cstdio>

#include "cli/commands.h"
#include "cli/limits.h"
#include "cli/load.h"
#include "cli/validate_budget.h"
#include "scenario/budget_file.h"
#include "scenario/plausibility.h"

namespace sdsim {

namespace {

// Each care form's cost per client-year next to the Dutch range for its kind of care.
void PrintCosts(const std::string& name, const Model& m) {
  std::printf(
      "cost per client-year in %d of scenario \"%s\" (Dutch ranges: scenarios/README.md):\n",
      m.calendar.start().year, name.c_str());
  for (const FormCost& f : FormCosts(m)) {
    const CostRange& r = *f.range;
    const char* where = f.per_client_year < r.low    ? "below"
                        : f.per_client_year > r.high ? "above"
                                                     : "within";
    std::printf("  %-28s %13s  %-6s %s %s-%s\n", m.nodes[f.node].key().c_str(),
                Euros(f.per_client_year).c_str(), where, r.kind, Euros(r.low).c_str(),
                Euros(r.high).substr(4).c_str());
  }
}

}  // namespace

int ValidateCommand(const std::vector<std::string>& args) {
  std::vector<std::string> files, budgets;
  bool strict = false, costs = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      std::puts(
          "Usage: sdsim validate FILE... [--strict] [--costs]\n"
          "       sdsim validate --budget BEGROTING.json [SCENARIO.json...]\n"
          "\n"
          "Checks scenario files without running them: JSON syntax (with line and column), every\n"
          "key and value (with the JSON path, the rule and a suggestion), and the extends chain.\n"
          "A begroting file (a top-level \"budget\", as for sdsim run --budget) among the files\n"
          "is checked as one: against the scenario it names (\"scenario\": \"baseline.json\"),\n"
          "or with --budget against the scenario files given.\n"
          "Prints one line per problem; exit code 0 if all files are valid, 1 otherwise.\n"
          "Then checks plausibility: values that are allowed but look mistyped (a thousands "
          "point,\n"
          "a percentage written as a whole number, a tariff far outside the Dutch range for its\n"
          "kind of care, clients above capacity or far from inflow x duration, years without an\n"
          "indexation figure) are printed as warnings with what they probably should be.\n"
          "Nothing is written.\n"
          "\n"
          "Options:\n"
          "  --budget F check begroting file F against the scenario files given\n"
          "  --strict   warnings are errors (exit code 1)\n"
          "  --costs    also print each care form's cost per client-year next to the Dutch range");
      return kExitOk;
    }
    if (a == "--budget" || a.rfind("--budget=", 0) == 0) {
      if (a == "--budget" && i + 1 == args.size()) {
        std::fputs("sdsim validate: --budget needs a begroting file (see sdsim validate --help)\n",
                   stderr);
        return kExitUsage;
      }
      budgets.push_back(a == "--budget" ? args[++i] : a.substr(9));
      continue;
    }
    if (a == "--strict") {
      strict = true;
      continue;
    }
    if (a == "--costs") {
      costs = true;
      continue;
    }
    if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "sdsim validate: unknown option %s (see sdsim validate --help)\n",
                   a.c_str());
      return kExitUsage;
    }
    files.push_back(a);
  }
  if (files.empty() && budgets.empty()) {
    std::fputs("sdsim validate: name at least one scenario file (see sdsim validate --help)\n",
               stderr);
    return kExitUsage;
  }
  if (const std::string err = CheckPathTexts("the file name", files); !err.empty())
    return UsageError("validate", err);
  // Begroting files among the files are checked as such, against the scenario each names.
  const auto is_budget = [](const std::string& f) { return IsBudgetFile(f); };
  std::vector<std::string> own_budgets;
  for (const std::string& f : files)
    if (is_budget(f)) own_budgets.push_back(f);
  files.erase(std::remove_if(files.begin(), files.end(), is_budget), files.end());
  LoadedScenarios loaded;
  if (!files.empty() && !LoadScenarioFiles(files, BuildOptions{}, &loaded, strict))
    return kExitInvalidInput;
  for (size_t i = 0; i < files.size(); ++i) {
    const Model& m = loaded.models[i];
    const auto forms = std::count_if(m.nodes.begin(), m.nodes.end(),
                                     [](const NodeModel& n) { return n.is_care(); });
    auto plural = [](size_t n, const char* one, const char* many) {
      return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    const size_t warnings = loaded.warnings[i].size();
    std::printf("%s: ok%s (scenario \"%s\", %s, %s, %s, %s .. %s)\n", files[i].c_str(),
                warnings ? (" with " + plural(warnings, "warning", "warnings")).c_str() : "",
                loaded.resolved[i].name.c_str(),
                plural(m.domains.size(), "domain", "domains").c_str(),
                plural(static_cast<size_t>(forms), "care form", "care forms").c_str(),
                plural(m.targets.size(), "target", "targets").c_str(),
                FormatDate(m.calendar.start()).c_str(), FormatDate(m.calendar.last()).c_str());
  }
  if (costs)
    for (size_t i = 0; i < files.size(); ++i) PrintCosts(loaded.resolved[i].name, loaded.models[i]);
  // --budget files against the scenario files given (or their own, if none are).
  const bool own_ok = ValidateBudgetFiles(own_budgets, {});
  const bool given_ok = ValidateBudgetFiles(budgets, files);
  return own_ok && given_ok ? kExitOk : kExitInvalidInput;
}

}  // namespace sdsim
