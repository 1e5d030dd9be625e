// Progress: replications done, rate and time left, redrawn on one stderr line when stderr is a
// terminal (at most a few times a second); silent otherwise, so logs and pipes stay clean.
#pragma once

#include <chrono>
#include <string>

namespace sdsim {

class Progress {
 public:
  Progress(std::string what, long total, bool enabled);
  ~Progress();
  void Update(long done);
  void Finish();

 private:
  std::string what_;
  long total_;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

// True if stderr is a terminal.
bool StderrIsTerminal();

}  // namespace sdsim
