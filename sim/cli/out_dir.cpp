// Output folders: the default name, and the all-or-nothing set of files (see out_dir.h).
#include "cli/out_dir.h"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "io/files.h"

namespace fs = std::filesystem;

namespace sdsim {
namespace {

constexpr char kPartial[] = ".sdsim-partial-";

// fsync of a folder, so a rename in it is on disk before we say it is done.
void SyncFolder(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Removes partial folders left in `parent` by sdsim processes that no longer exist (kill -9).
void RemoveStalePartials(const fs::path& parent) {
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const size_t at = name.rfind(kPartial);
    if (name.empty() || name[0] != '.' || at == std::string::npos) continue;
    const std::string pid_text = name.substr(at + sizeof kPartial - 1);
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
    const long pid = std::strtol(pid_text.c_str(), nullptr, 10);
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running
    std::error_code rm;
    fs::remove_all(it->path(), rm);
  }
}

std::string WriteHint(const std::error_code& ec) {
  return ec == std::errc::read_only_file_system || ec == std::errc::permission_denied
             ? " (choose an --out in a folder you can write to)"
         : ec == std::errc::no_space_on_device ? " (the disk is full)"
                                               : "";
}

}  // namespace

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

OutputFolder::~OutputFolder() { Abandon(); }

std::string OutputFolder::TempPath(const std::string& name) const {
  return (fs::path(temp_) / name).string();
}

bool OutputFolder::Prepare(const std::string& target, double expected_bytes, std::string* err) {
  std::string t = target;
  while (t.size() > 1 && t.back() == '/') t.pop_back();
  target_ = t;
  const fs::path path(t);
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(path, ec);
  if (fs::exists(st)) {
    if (!fs::is_directory(st)) {
      *err = "the output folder " + t +
             " exists and is a file; choose another --out (a new or empty folder)";
      return false;
    }
    std::vector<std::string> names;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
      names.push_back(it->path().filename().string());
    if (ec) {
      *err = "cannot read the output folder " + t + ": " + ec.message();
      return false;
    }
    if (!names.empty()) {
      std::sort(names.begin(), names.end());
      std::string list;
      for (size_t i = 0; i < names.size() && i < 4; ++i) list += (i ? ", " : "") + names[i];
      if (names.size() > 4) list += ", ...";
      *err = "the output folder " + t + " already exists and is not empty (" + list +
             "); sdsim never mixes the files of two runs: choose a new --out, remove the old "
             "folder first, or leave --out out for a new folder under results/";
      return false;
    }
  }
  const fs::path name = path.filename();
  if (name.empty() || name == "." || name == "..") {
    *err =
        "the output folder " + t + " is not a folder name sdsim can create; choose another --out";
    return false;
  }
  fs::path parent = path.parent_path();
  if (parent.empty()) parent = ".";
  fs::create_directories(parent, ec);
  if (ec || !fs::is_directory(parent)) {
    *err = "cannot create the output folder " + t + ": " +
           (ec ? ec.message() + WriteHint(ec) : parent.string() + " is a file");
    return false;
  }
  RemoveStalePartials(parent);
  temp_ = (parent / ("." + name.string() + kPartial + std::to_string(::getpid()))).string();
  fs::remove_all(temp_, ec);
  if (!fs::create_directory(temp_, ec) || ec) {
    *err = "cannot write in " + parent.string() + " (for the output folder " + t +
           "): " + (ec ? ec.message() + WriteHint(ec) : "unknown error");
    temp_.clear();
    return false;
  }
  struct statvfs vfs {};
  if (expected_bytes > 0 && ::statvfs(temp_.c_str(), &vfs) == 0) {
    const double free = static_cast<double>(vfs.f_bavail) * static_cast<double>(vfs.f_frsize);
    if (free < expected_bytes) {
      Abandon();
      *err = "the disk of " + parent.string() + " has " + FormatBytes(free) +
             " free, and the results need about " + FormatBytes(expected_bytes) +
             "; free some space or choose an --out on another disk";
      return false;
    }
  }
  return true;
}

std::string OutputFolder::Failed(const std::string& what) {
  std::string left;
  Abandon(&left);
  return what + (left.empty() ? "; nothing was written (the partial files were removed)"
                              : "; nothing complete was written, but " + left +
                                    " could not be removed: delete it");
}

bool OutputFolder::Write(const std::string& name, const std::string& content, std::string* err) {
  if (temp_.empty()) {
    *err = "internal: the output folder was not prepared";
    return false;
  }
  const std::string path = TempPath(name);
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    *err = Failed("cannot write " + target_ + "/" + name + ": " + std::strerror(errno));
    return false;
  }
  bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size() &&
            std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  int saved = errno;
  if (std::fclose(f) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  if (!ok) {
    *err = Failed("cannot write " + target_ + "/" + name + ": " + std::strerror(saved));
    return false;
  }
  return true;
}

bool OutputFolder::WriteAll(const std::vector<std::pair<std::string, std::string>>& files,
                            std::string* err) {
  for (const auto& [name, content] : files)
    if (!Write(name, content, err)) return false;
  return true;
}

bool OutputFolder::Commit(std::string* err) {
  if (temp_.empty()) {
    *err = "internal: the output folder was not prepared";
    return false;
  }
  SyncFolder(temp_);
  // rename(2) replaces an empty folder in one step, and fails if the target has files.
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    const int saved = errno;
    *err = Failed("cannot move the results into " + target_ + ": " + std::strerror(saved) +
                  (saved == ENOTEMPTY || saved == EEXIST
                       ? " (the folder was made by someone else meanwhile)"
                       : ""));
    return false;
  }
  committed_ = true;
  temp_.clear();
  fs::path parent = fs::path(target_).parent_path();
  SyncFolder(parent.empty() ? "." : parent.string());
  return true;
}

void OutputFolder::Abandon(std::string* what_was_left) {
  if (what_was_left) what_was_left->clear();
  if (temp_.empty() || committed_) return;
  std::error_code ec;
  fs::remove_all(temp_, ec);
  if (ec && what_was_left) *what_was_left = temp_;
  temp_.clear();
}

OutputFiles::~OutputFiles() { Abandon(); }

bool OutputFiles::Prepare(const std::vector<std::string>& targets, bool replace,
                          const std::string& flag, std::string* err) {
  committed_ = false;
  Abandon();
  targets_ = targets;
  std::error_code ec;
  for (const std::string& t : targets) {
    const fs::path path(t);
    const fs::file_status st = fs::symlink_status(path, ec);
    if (fs::is_directory(st)) {
      *err = t + " is a folder; give a file name to " + flag;
      return false;
    }
    if (fs::exists(st) && !replace) {
      *err = t + " exists; choose another " + flag + " or add --force to replace it";
      return false;
    }
    fs::path parent = path.parent_path();
    if (parent.empty()) parent = ".";
    // Folders made here are removed again if nothing is committed.
    std::vector<std::string> missing;
    for (fs::path p = parent; !p.empty() && !fs::exists(fs::symlink_status(p, ec));
         p = p.parent_path())
      missing.push_back(p.string());
    fs::create_directories(parent, ec);
    made_.insert(made_.end(), missing.begin(), missing.end());
    if (ec || !fs::is_directory(parent)) {
      Abandon();
      *err = "cannot create the folder of " + t + ": " +
             (ec ? ec.message() + WriteHint(ec) : parent.string() + " is a file");
      return false;
    }
    RemoveStalePartials(parent);
    const std::string temp =
        (parent / ("." + path.filename().string() + kPartial + std::to_string(::getpid())))
            .string();
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
      const std::error_code why(errno, std::generic_category());
      Abandon();
      *err = "cannot write in " + parent.string() + " (for " + t + "): " + why.message() +
             WriteHint(why);
      return false;
    }
    ::close(fd);
    temps_.push_back(temp);
  }
  return true;
}

bool OutputFiles::Write(size_t i, const std::string& content, std::string* err) {
  FILE* f = std::fopen(temps_[i].c_str(), "wb");
  bool ok = f && std::fwrite(content.data(), 1, content.size(), f) == content.size() &&
            std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  int saved = errno;
  if (f && std::fclose(f) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  if (ok) return true;
  const std::error_code why(saved, std::generic_category());
  Abandon();
  *err = "cannot write " + targets_[i] + ": " + why.message() + WriteHint(why) +
         "; nothing was written (the partial files were removed)";
  return false;
}

bool OutputFiles::Commit(std::string* err) {
  // The first target last: it is there only when all the others are.
  for (size_t n = 0; n < targets_.size(); ++n) {
    const size_t i = (n + 1) % targets_.size();
    if (std::rename(temps_[i].c_str(), targets_[i].c_str()) != 0) {
      const std::error_code why(errno, std::generic_category());
      Abandon();
      *err = "cannot move the result into " + targets_[i] + ": " + why.message() +
             (n == 0 ? "; nothing was written"
                     : "; the other files of the set are in place, but not " + targets_.front());
      return false;
    }
    temps_[i].clear();
  }
  committed_ = true;
  temps_.clear();
  made_.clear();
  for (const std::string& t : targets_) {
    const fs::path parent = fs::path(t).parent_path();
    SyncFolder(parent.empty() ? "." : parent.string());
  }
  return true;
}

void OutputFiles::Abandon() {
  if (committed_) return;
  for (const std::string& temp : temps_)
    if (!temp.empty()) ::unlink(temp.c_str());
  temps_.clear();
  for (const std::string& dir : made_) ::rmdir(dir.c_str());  // deepest first; only if empty
  made_.clear();
}

}  // namespace sdsim
