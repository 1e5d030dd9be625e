// Which scenario of a run is the baseline the others are compared with, chosen by meaning, not by
// the order of the files: the one marked `"baseline": true`, else the one every other file
// extends (directly or through other bases). When neither settles it, the choice is an error that
// names the files and suggests --baseline or the base they share.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "scenario/resolve.h"

namespace sdsim {

struct BaselineChoice {
  int index = -1;      // into the scenarios; -1 = not clear (see error)
  std::string reason;  // "marked \"baseline\": true", "every other file extends it"
  std::string error;   // why it is not clear, with a suggestion
};

// `files` are the paths as given (for messages), in the order of `scenarios`.
BaselineChoice ChooseBaseline(const std::deque<ResolvedScenario>& scenarios,
                              const std::vector<std::string>& files);

}  // namespace sdsim
