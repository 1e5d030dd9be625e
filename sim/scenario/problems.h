// Problem: one thing wrong with a scenario file, said so that a finance user can fix it: the
// file, where in it (JSON pointer, or line and column for a syntax error), the offending value,
// the rule it breaks and, for a misspelt key, the nearest valid one.
#pragma once

#include <string>
#include <vector>

namespace sdsim {

struct Problem {
  std::string file;     // filled in once the scenario's files are known
  std::string pointer;  // JSON pointer ("/domains/jeugd/forms/verblijf/capacity"); "" = document
  int line = 0;         // 1-based, for syntax errors; 0 = not known
  int column = 0;
  std::string value;    // the offending value as JSON text (shortened); "" = none
  std::string message;  // the rule broken, in words
  // A plausibility warning (scenario/plausibility.h): a value that is allowed but was probably
  // mistyped. Warnings do not stop a run unless --strict.
  bool warning = false;
  std::string suggestion;  // what the value probably should be; "" = none

  // "file: /pointer: message (value: v)" or "file:line:col: message"; a warning reads
  // "file: /pointer: warning: message (value: v); probably suggestion".
  std::string ToString() const;
};

using Problems = std::vector<Problem>;

// Levenshtein distance, for "did you mean".
int EditDistance(const std::string& a, const std::string& b);
// The candidate nearest to `word`, or "" if none is close enough to be a likely typo.
std::string NearestWord(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace sdsim
