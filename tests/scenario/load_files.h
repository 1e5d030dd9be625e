// Test helper for the scenario loader: a set of files written into a fresh folder, the first one
// loaded, its problems returned as the user would read them (paths relative to that folder).
#pragma once

#include <string>
#include <vector>

#include "scenario/build_model.h"
#include "testing.h"

namespace sdsim::testing {

struct File {
  std::string name;
  std::string text;
};

// Writes `files` into a fresh folder and loads the first one. Problem lines are returned with the
// folder removed from every path, so they read as the user would see them from inside the folder.
inline std::vector<std::string> LoadFiles(const std::vector<File>& files, Model* model = nullptr,
                                          ResolvedScenario* resolved = nullptr) {
  TempDir dir;
  for (const File& f : files) dir.Write(f.name, f.text);
  ResolvedScenario local_resolved;
  Model local_model;
  Problems problems;
  LoadScenario(dir.path() + "/" + files.front().name, BuildOptions{},
               resolved ? resolved : &local_resolved, model ? model : &local_model, &problems);
  std::vector<std::string> out;
  const std::string prefix = dir.path() + "/";
  for (const Problem& p : problems) {
    std::string s = p.ToString();
    for (size_t at; (at = s.find(prefix)) != std::string::npos;) s.erase(at, prefix.size());
    out.push_back(s);
  }
  return out;
}

}  // namespace sdsim::testing
