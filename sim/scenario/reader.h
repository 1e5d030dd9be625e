// Reader: typed, checked access to one JSON object of a scenario, collecting every problem
// instead of stopping at the first.
//
// Each accessor names the key it reads; Done() then reports keys nobody asked for as unknown,
// with the nearest known key as a suggestion. Values are checked, never repaired: a probability
// of 1.2 is a problem, not 1.0.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scenario/json_file.h"
#include "scenario/problems.h"

namespace sdsim {

enum class Check {
  kAny,            // any number
  kPositive,       // > 0
  kNonNegative,    // >= 0
  kProbability,    // in [0, 1]
  kCount,          // whole number >= 0
  kPositiveCount,  // whole number >= 1
};

class Reader {
 public:
  // `obj` must outlive the Reader. If it is not an object, a problem is added and every accessor
  // returns "absent".
  Reader(const Json& obj, std::string pointer, Problems* problems);
  ~Reader();  // calls Done() if it was not called

  const std::string& pointer() const { return pointer_; }
  std::string PointerOf(const std::string& key) const;
  Problems* problems() const { return problems_; }
  bool ok() const { return ok_; }

  // The raw value (marks the key known); nullptr if absent.
  const Json* Find(const std::string& key);
  std::optional<double> Number(const std::string& key, Check check);
  double Number(const std::string& key, Check check, double fallback);
  // Absent -> nullopt; present but wrong -> nullopt plus a problem.
  std::optional<std::string> String(const std::string& key);
  // One of `choices`; a problem lists them (and the nearest) otherwise.
  std::optional<std::string> Choice(const std::string& key,
                                    const std::vector<std::string>& choices);
  // Must be a JSON object (absent -> nullptr, wrong type -> problem + nullptr).
  const Json* Object(const std::string& key);
  // Must be absent or true/false.
  std::optional<bool> Bool(const std::string& key);
  // Marks keys as known without reading them (handled elsewhere).
  void Known(std::initializer_list<const char*> keys);

  // Adds a problem at this object's key (or at the object itself with key "").
  void Fail(const std::string& key, const std::string& message);
  void Fail(const std::string& key, const Json& value, const std::string& message);
  void Missing(const std::string& key, const std::string& what);

  // Reports unknown keys. Idempotent.
  void Done();

 private:
  const Json* obj_;
  std::string pointer_;
  Problems* problems_;
  std::vector<std::string> known_;
  bool ok_ = true;
  bool done_ = false;
};

// The largest magnitude of any number in a scenario or budget file: 10^12 (a trillion euros,
// inhabitants or days) is far beyond every real value and keeps sums and products finite.
constexpr double kMaxScenarioNumber = 1e12;

// True if `v` passes `check` and lies within +-kMaxScenarioNumber; otherwise sets *rule to the
// rule in words.
bool CheckNumber(double v, Check check, std::string* rule);

}  // namespace sdsim
