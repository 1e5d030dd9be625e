// Reader: typed access with problem collection and unknown-key suggestions.
#include "scenario/reader.h"

#include <algorithm>
#include <cmath>

namespace sdsim {

bool CheckNumber(double v, Check check, std::string* rule) {
  if (!(std::fabs(v) <= kMaxScenarioNumber)) {
    *rule = "is beyond the largest number sdsim accepts in a scenario (1e12 = 1000000000000)";
    return false;
  }
  switch (check) {
    case Check::kAny:
      return true;
    case Check::kPositive:
      if (v > 0) return true;
      *rule = "must be greater than 0";
      return false;
    case Check::kNonNegative:
      if (v >= 0) return true;
      *rule = "must not be negative";
      return false;
    case Check::kProbability:
      if (v >= 0 && v <= 1) return true;
      *rule = "is a probability and must lie between 0 and 1 (write 5% as 0.05)";
      return false;
    case Check::kCount:
      if (v >= 0 && v == std::floor(v) && v < 2e9) return true;
      *rule = "must be a whole number, 0 or more";
      return false;
    case Check::kPositiveCount:
      if (v >= 1 && v == std::floor(v) && v < 2e9) return true;
      *rule = "must be a whole number, 1 or more";
      return false;
  }
  return true;
}

Reader::Reader(const Json& obj, std::string pointer, Problems* problems)
    : obj_(&obj), pointer_(std::move(pointer)), problems_(problems) {
  if (!obj.is_object()) {
    Problem p;
    p.pointer = pointer_;
    p.value = ShortJson(obj);
    p.message = "must be an object { \"key\": value, ... }";
    problems_->push_back(p);
    ok_ = false;
    obj_ = nullptr;
  }
}

Reader::~Reader() { Done(); }

std::string Reader::PointerOf(const std::string& key) const {
  return key.empty() ? pointer_ : pointer_ + "/" + PointerToken(key);
}

const Json* Reader::Find(const std::string& key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.push_back(key);
  if (!obj_) return nullptr;
  const auto it = obj_->find(key);
  return it == obj_->end() ? nullptr : &*it;
}

void Reader::Known(std::initializer_list<const char*> keys) {
  for (const char* k : keys) Find(k);
}

void Reader::Fail(const std::string& key, const std::string& message) {
  Problem p;
  p.pointer = PointerOf(key);
  p.message = message;
  problems_->push_back(p);
  ok_ = false;
}

void Reader::Fail(const std::string& key, const Json& value, const std::string& message) {
  Problem p;
  p.pointer = PointerOf(key);
  p.value = ShortJson(value);
  p.message = message;
  problems_->push_back(p);
  ok_ = false;
}

void Reader::Missing(const std::string& key, const std::string& what) {
  Fail(key, "is required: " + what);
}

std::optional<double> Reader::Number(const std::string& key, Check check) {
  const Json* v = Find(key);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    Fail(key, *v, "must be a number" + std::string(v->is_string() ? " (without quotes)" : ""));
    return std::nullopt;
  }
  const double x = v->get<double>();
  std::string rule;
  if (!CheckNumber(x, check, &rule)) {
    Fail(key, *v, rule);
    return std::nullopt;
  }
  return x;
}

double Reader::Number(const std::string& key, Check check, double fallback) {
  return Number(key, check).value_or(fallback);
}

std::optional<std::string> Reader::String(const std::string& key) {
  const Json* v = Find(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Fail(key, *v, "must be text in double quotes");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<std::string> Reader::Choice(const std::string& key,
                                          const std::vector<std::string>& choices) {
  const Json* v = Find(key);
  if (!v) return std::nullopt;
  std::string list;
  for (const std::string& c : choices) list += (list.empty() ? "\"" : ", \"") + c + "\"";
  if (!v->is_string()) {
    Fail(key, *v, "must be one of " + list);
    return std::nullopt;
  }
  const std::string s = v->get<std::string>();
  if (std::find(choices.begin(), choices.end(), s) != choices.end()) return s;
  std::string msg = "unknown value; must be one of " + list;
  const std::string near = NearestWord(s, choices);
  if (!near.empty()) msg += "; did you mean \"" + near + "\"?";
  Fail(key, *v, msg);
  return std::nullopt;
}

const Json* Reader::Object(const std::string& key) {
  const Json* v = Find(key);
  if (!v) return nullptr;
  if (!v->is_object()) {
    Fail(key, *v, "must be an object { \"key\": value, ... }");
    return nullptr;
  }
  return v;
}

std::optional<bool> Reader::Bool(const std::string& key) {
  const Json* v = Find(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    Fail(key, *v, "must be true or false (without quotes)");
    return std::nullopt;
  }
  return v->get<bool>();
}

void Reader::Done() {
  if (done_ || !obj_) return;
  done_ = true;
  for (auto it = obj_->begin(); it != obj_->end(); ++it) {
    if (std::find(known_.begin(), known_.end(), it.key()) != known_.end()) continue;
    std::string msg = "unknown key \"" + it.key() + "\"";
    const std::string near = NearestWord(it.key(), known_);
    if (!near.empty())
      msg += "; did you mean \"" + near + "\"?";
    else {
      std::vector<std::string> sorted = known_;
      std::string list;
      for (const std::string& k : sorted) list += (list.empty() ? "" : ", ") + k;
      msg += "; known keys here: " + list;
    }
    Problem p;
    p.pointer = PointerOf(it.key());
    p.message = msg;
    problems_->push_back(p);
    ok_ = false;
  }
}

}  // namespace sdsim
