// Output folders for `sdsim run`, `sweep` and `expect` (and any command that writes a set of
// result files): the default new folder under results/, and OutputFolder, which makes a set of
// files appear all at once or not at all.
//
// The files are written into a hidden temporary folder beside the target
// (".<name>.sdsim-partial-<pid>") and that folder is renamed to the target last. So an
// interruption at any moment - Ctrl-C, kill -9, a full disk, a crash - leaves either no output
// folder or one complete set of files, never a mix of two runs or a half-written file. A target
// that exists and is not empty is refused before any work. A partial folder left by a killed run
// is removed by the next run that writes beside it (its process no longer exists).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sdsim {

// results/<date>_<time>_<name> (with -2, -3, ... if it exists), relative to the current folder.
std::string DefaultOutDir(const std::string& name);

class OutputFolder {
 public:
  OutputFolder() = default;
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  ~OutputFolder();  // removes the temporary folder unless committed

  // Checks `target` and makes the temporary folder beside it: false with *err (a whole sentence
  // for the user) if the target exists and is not an empty folder, its parent cannot be created
  // or written (read-only), or the disk has less free space than `expected_bytes` (an estimate of
  // the files' size; 0 = do not check).
  bool Prepare(const std::string& target, double expected_bytes, std::string* err);
  const std::string& target() const { return target_; }
  // Where a file of the set is written before the commit (e.g. to stream replications.csv).
  std::string TempPath(const std::string& name) const;
  // Writes (or rewrites) one file of the set. On failure the temporary folder is removed and
  // *err says what happened and that nothing was written.
  bool Write(const std::string& name, const std::string& content, std::string* err);
  bool WriteAll(const std::vector<std::pair<std::string, std::string>>& files, std::string* err);
  // Makes the set appear: renames the temporary folder to the target (replacing an empty one).
  // On failure nothing is left and *err says so.
  bool Commit(std::string* err);
  // Removes the temporary folder and everything in it; *what_was_left says what could not be
  // removed ("" = nothing left). Idempotent.
  void Abandon(std::string* what_was_left = nullptr);

 private:
  std::string Failed(const std::string& what);
  std::string target_, temp_;
  bool committed_ = false;
};

}  // namespace sdsim
