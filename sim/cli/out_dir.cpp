// Output folders.
#include "cli/out_dir.h"

#include <cctype>
#include <ctime>
#include <filesystem>

#include "io/files.h"

namespace fs = std::filesystem;

namespace sdsim {

std::string DefaultOutDir(const std::string& name) {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d_%H%M%S", &tm);
  std::string safe;
  for (char c : name)
    safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  const std::string base = std::string("results/") + stamp + "_" + safe;
  std::string dir = base;
  for (int i = 2; fs::exists(dir); ++i) dir = base + "-" + std::to_string(i);
  return dir;
}

bool MakeOutDir(const std::string& dir, bool* created, std::string* err) {
  std::error_code ec;
  *created = !fs::exists(dir);
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    *err = "cannot create output folder " + dir + ": " +
           (ec ? ec.message() : "a file with that name exists");
    return false;
  }
  return true;
}

bool WriteOutputs(const std::string& dir,
                  const std::vector<std::pair<std::string, std::string>>& files, std::string* err) {
  for (const auto& [name, content] : files)
    if (!WriteFileAtomic((fs::path(dir) / name).string(), content, err)) return false;
  return true;
}

}  // namespace sdsim
