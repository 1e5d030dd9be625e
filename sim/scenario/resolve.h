// Resolving a scenario file: read it, follow its `extends` chain (a base file, relative to the
// file that names it, or a list of bases that are combined in order), and merge each file over its
// bases as a JSON merge patch (RFC 7386):
// objects merge key by key, anything else replaces, and `null` removes a key so that its default
// applies again. The resolved document is what the model is built from and what the manifest
// records.
#pragma once

#include <string>
#include <vector>

#include "scenario/json_file.h"
#include "scenario/problems.h"

namespace sdsim {

struct ScenarioFile {
  std::string
      path;  // as named (the user's path, or base paths joined to the extending file's folder)
  std::string sha256;  // of the file's bytes
  Json doc;            // as written, comments stripped
};

struct ResolvedScenario {
  std::vector<ScenarioFile> chain;  // [0] = the file given, then its base, its base's base, ...
  Json doc;                         // merged, without "extends"
  std::string name;                 // "name" key, or the file name without ".json"
                                    // (neither "name" nor "baseline" is inherited from a base)

  const std::string& path() const { return chain.front().path; }
  // The most derived file in the chain that defines `pointer` (or its nearest parent): the file
  // a user must edit to fix a problem there.
  std::string OriginOf(const std::string& pointer) const;
  // Fills in Problem::file for problems that have none.
  void AttachFiles(Problems* problems) const;
};

// Returns false (with problems) if a file in the chain cannot be read or parsed, an `extends`
// value is not a string, or the chain loops.
bool ResolveScenario(const std::string& path, ResolvedScenario* out, Problems* problems);

}  // namespace sdsim
