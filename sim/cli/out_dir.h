// Output folders for `sdsim run`, `sweep` and `expect`: the default new folder under results/,
// creating a folder, and writing a set of files into it atomically.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sdsim {

// results/<date>_<time>_<name> (with -2, -3, ... if it exists), relative to the current folder.
std::string DefaultOutDir(const std::string& name);
// Creates `dir` (and parents) if needed; false with *err if it cannot be a folder.
bool MakeOutDir(const std::string& dir, bool* created, std::string* err);
// Writes every (file name, content) into `dir`, each to a temporary name and renamed.
bool WriteOutputs(const std::string& dir,
                  const std::vector<std::pair<std::string, std::string>>& files, std::string* err);

}  // namespace sdsim
