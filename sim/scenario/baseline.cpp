// Choosing the baseline of a run by meaning.
#include "scenario/baseline.h"

#include <filesystem>

namespace sdsim {
namespace {

std::string Canonical(const std::string& path) {
  std::error_code ec;
  const std::string c = std::filesystem::weakly_canonical(path, ec).string();
  return ec ? path : c;
}

// True if `base` is in the extends chain of `s` (not s itself).
bool Extends(const ResolvedScenario& s, const std::string& base) {
  for (size_t i = 1; i < s.chain.size(); ++i)
    if (Canonical(s.chain[i].path) == base) return true;
  return false;
}

std::string List(const std::vector<std::string>& files, const std::vector<int>& which) {
  std::string out;
  for (size_t i = 0; i < which.size(); ++i)
    out += (i == 0 ? "" : i + 1 == which.size() ? " and " : ", ") + files[which[i]];
  return out;
}

}  // namespace

BaselineChoice ChooseBaseline(const std::deque<ResolvedScenario>& scenarios,
                              const std::vector<std::string>& files) {
  BaselineChoice out;
  const int n = static_cast<int>(scenarios.size());
  if (n == 1) {
    out.index = 0;
    out.reason = "the only scenario";
    return out;
  }
  std::vector<int> marked;
  for (int i = 0; i < n; ++i) {
    const auto it = scenarios[i].doc.find("baseline");
    if (it != scenarios[i].doc.end() && it->is_boolean() && it->get<bool>()) marked.push_back(i);
  }
  if (marked.size() == 1) {
    out.index = marked[0];
    out.reason = "marked \"baseline\": true";
    return out;
  }
  if (marked.size() > 1) {
    out.error = List(files, marked) +
                " are all marked \"baseline\": true; mark one, or name it with --baseline FILE";
    return out;
  }
  // The file every other file extends.
  std::vector<int> extended;
  for (int i = 0; i < n; ++i) {
    const std::string me = Canonical(scenarios[i].path());
    bool all = true;
    for (int j = 0; j < n && all; ++j) all = j == i || Extends(scenarios[j], me);
    if (all) extended.push_back(i);
  }
  if (extended.size() == 1) {
    out.index = extended[0];
    out.reason = "every other file extends it";
    return out;
  }
  // Not clear. A base that every file extends but that is not in the run is the likely baseline.
  std::string shared;
  for (size_t b = 1; b < scenarios[0].chain.size() && shared.empty(); ++b) {
    const std::string base = Canonical(scenarios[0].chain[b].path);
    bool all = true;
    for (int j = 1; j < n && all; ++j) all = Extends(scenarios[j], base);
    if (all) shared = scenarios[0].chain[b].path;
  }
  std::vector<int> every(n);
  for (int i = 0; i < n; ++i) every[i] = i;
  out.error = "which scenario is the baseline is not clear: none of " + List(files, every) +
              " is extended by all the others, and none is marked \"baseline\": true; " +
              (shared.empty() ? std::string()
                              : "add " + shared + " (which they all extend) to the files, or ") +
              "name the baseline with --baseline FILE (e.g. --baseline " + files[0] +
              "), or add \"baseline\": true to it";
  return out;
}

}  // namespace sdsim
