// Output folders for `sdsim run`, `sweep`, `expect` and `backtest` (and any command that writes a
// set of result files): the default new folder under results/, and OutputFolder, which makes a
// set of files appear all at once or not at all. OutputFiles does the same as far as it can for a
// few named files in a folder that already exists (`sdsim fit`: baseline.json and
// fit_report.csv).
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

// A few files in a folder that may hold other files (e.g. a scenario folder): each is written
// whole into a hidden temporary file beside it (".<name>.sdsim-partial-<pid>") and renamed into
// place at the commit, the first file last; so an interruption leaves the files as they were, or
// the others without the first, or the complete new set - never a half-written file, and the
// first file is there only when the set is complete. Existing files are refused unless `replace`.
class OutputFiles {
 public:
  OutputFiles() = default;
  OutputFiles(const OutputFiles&) = delete;
  OutputFiles& operator=(const OutputFiles&) = delete;
  ~OutputFiles();  // removes the temporary files unless committed

  // Checks the targets (not there, or `replace`; not a folder) and that their folder can be made
  // and written, by making the temporary files: false with *err (a sentence for the user, naming
  // `flag` in the suggestion) otherwise.
  bool Prepare(const std::vector<std::string>& targets, bool replace, const std::string& flag,
               std::string* err);
  // Where target i is written before the commit.
  const std::string& TempPath(size_t i) const { return temps_[i]; }
  bool Write(size_t i, const std::string& content, std::string* err);
  // Renames every temporary file into place, the first target last.
  bool Commit(std::string* err);
  void Abandon();

 private:
  std::vector<std::string> targets_, temps_;
  std::vector<std::string> made_;  // folders Prepare created, deepest first
  bool committed_ = false;
};

}  // namespace sdsim
