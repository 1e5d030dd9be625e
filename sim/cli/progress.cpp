// Terminal progress line.
#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace sdsim {

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::string what, long total, bool enabled)
    : what_(std::move(what)), total_(total), enabled_(enabled) {
  start_ = last_ = std::chrono::steady_clock::now();
  if (enabled_) {  // from the start, before the first update
    std::fprintf(stderr, "\r%s 0/%ld   ", what_.c_str(), total_);
    std::fflush(stderr);
  }
}

Progress::~Progress() { Finish(); }

void Progress::Update(long done) {
  if (!enabled_ || finished_) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < total_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double rate = secs > 0 ? done / secs : 0;
  const long left = rate > 0 ? static_cast<long>((total_ - done) / rate + 0.5) : 0;
  std::fprintf(stderr, "\r%s %ld/%ld (%.0f/s, %ld:%02ld left)   ", what_.c_str(), done, total_,
               rate, left / 60, left % 60);
  std::fflush(stderr);
}

void Progress::Finish() {
  if (!enabled_ || finished_) return;
  finished_ = true;
  std::fputs("\n", stderr);
}

}  // namespace sdsim
