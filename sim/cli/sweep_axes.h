// The varied keys of `sdsim sweep` (--vary KEY=v1,v2,...): reading the values, and refusing what
// would silently run the wrong grid — values that look like Dutch decimals ("share=0,3" would run
// the two points 0 and 3) and keys the scenario does not have (every point would fail).
#pragma once

#include <string>
#include <vector>

#include "scenario/build_model.h"
#include "scenario/json_file.h"

namespace sdsim {

struct Axis {
  std::string key;                // as given: "domains.jeugd.toegang.fte" or a JSON pointer
  std::string pointer;            // "/domains/jeugd/toegang/fte"
  std::vector<std::string> text;  // each value as typed
  std::vector<Json> values;       // each value as JSON (plain text without quotes is a string)
  char separator = ',';           // ';' when the values were separated by ';'
};

// "a.b.0.c" -> "/a/b/0/c"; a JSON pointer stays as it is.
std::string KeyToPointer(const std::string& key);

// Parses "KEY=v1,v2,..." or "KEY=v1;v2;..." (values are JSON: numbers, "text", [lists],
// {objects}; a ',' inside brackets or quotes does not separate). Returns "" or a usage error.
std::string ParseAxis(const std::string& text, Axis* axis);

// Values that look like Dutch decimals given the base scenario (two whole numbers where the file
// has a fraction, "0,3", "1,05"). Returns "" or the error (a usage error).
std::string CheckAxisValues(const Axis& axis, const ResolvedScenario& base);

// The key against the base scenario (read from `file`): a parent that does not exist (naming the
// nearest key where the path breaks), or a key the scenario format does not know (with the
// builder's suggestion). Returns "" or the error.
std::string CheckAxisKey(const Axis& axis, const ResolvedScenario& base,
                         const BuildOptions& options, const std::string& file);

}  // namespace sdsim
