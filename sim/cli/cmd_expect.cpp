// `sdsim expect FILE...`: expected values without sampling (placeholder until the expected-value
// model lands).
#include <cstdio>

#include "cli/commands.h"

namespace sdsim {

int ExpectCommand(const std::vector<std::string>&, const std::vector<std::string>&) {
  std::fputs("sdsim expect: not available yet\n", stderr);
  return kExitUsage;
}

}  // namespace sdsim
