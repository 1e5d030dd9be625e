// Shared helpers for the tests: temporary folders with real files, loading scenario text, running
// the real sdsim binary, and tolerances derived from replication spread.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/model.h"
#include "scenario/build_model.h"

namespace sdsim::testing {

// A fresh folder under the system temp dir, removed when the object goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("sdsim-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string path() const { return path_.string(); }
  // Writes `content` to `name` inside the folder and returns its path.
  std::string Write(const std::string& name, const std::string& content) const {
    const auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Loads scenario text (written to a temp file); returns the problems as strings.
inline std::vector<std::string> LoadText(const std::string& text, Model* model,
                                         BuildOptions options = {}) {
  TempDir dir;
  const std::string path = dir.Write("scenario.json", text);
  ResolvedScenario resolved;
  Problems problems;
  Model local;
  LoadScenario(path, options, &resolved, model ? model : &local, &problems);
  std::vector<std::string> out;
  for (const Problem& p : problems) {
    Problem q = p;
    // Report paths relative to the temp folder so expected messages are stable.
    if (q.file.rfind(dir.path(), 0) == 0) q.file = q.file.substr(dir.path().size() + 1);
    out.push_back(q.ToString());
  }
  return out;
}

// Runs a shell command; returns its exit code and captures stdout+stderr.
inline int RunShell(const std::string& command, std::string* output = nullptr) {
  const std::string cmd = command + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int status = pclose(pipe);
  if (output) *output = out;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Every entry of folder `dir` (hidden ones too), sorted.
inline std::vector<std::string> Entries(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Runs the real sdsim binary with `args` (a shell-quoted string).
inline int RunSdsim(const std::string& args, std::string* output = nullptr) {
  return RunShell(std::string(SDSIM_BINARY) + " " + args, output);
}

// The same, in the folder `dir` (so file names in messages are as a user there types them).
inline int RunSdsimIn(const std::string& dir, const std::string& args,
                      std::string* output = nullptr) {
  return RunShell("cd '" + dir + "' && " + std::string(SDSIM_BINARY) + " " + args, output);
}

inline std::string SourcePath(const std::string& rel) {
  return std::string(SDSIM_SOURCE_DIR) + "/" + rel;
}

// A small scenario (one year, two domains, a few hundred events a replication) for command-line
// tests that need thousands of replications; `extra` goes in at the top level (e.g. levers).
inline std::string SmallScenario(const std::string& name, const std::string& extra = "") {
  return R"({"name": ")" + name + R"(", "start_date": "2025-01-01", "end_date": "2025-12-31", )" +
         extra + R"(
    "domains": {
      "jeugd": {"arrivals_per_day": 0.5, "routing": {"f": 0.7, "g": 0.3},
        "forms": {"f": {"duration": {"type": "exponential", "mean": 90}, "tariff": {"amount": 80, "per": "day"},
                        "initial": {"clients": 40}},
                  "g": {"capacity": 10, "duration": {"type": "lognormal", "mean": 60, "sd": 40}, "tariff": {"amount": 150, "per": "day"}}}},
      "wmo": {"arrivals_per_day": 0.2, "routing": {"h": 1},
        "forms": {"h": {"duration": {"type": "exponential", "mean": 200}, "tariff": {"amount": 20, "per": "day"},
                        "initial": {"clients": 50}}}}}})";
}

// True if |observed - expected| <= k standard errors (plus a tiny absolute slack).
inline bool WithinSe(double observed, double expected, double se, double k = 4.0) {
  return std::fabs(observed - expected) <= k * se + 1e-9 * std::fabs(expected);
}

}  // namespace sdsim::testing
