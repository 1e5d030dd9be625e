// File helpers (POSIX): whole-file read, atomic write through a temporary name.
#include "io/files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace sdsim {

std::string FormatBytes(double bytes) {
  const char* units[] = {"bytes", "kB", "MB", "GB", "TB"};
  int u = 0;
  while (bytes >= 1000 && u < 4) {
    bytes /= 1000;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 || bytes >= 10 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  return buf;
}

bool ReadFile(const std::string& path, std::string* content, std::string* err, size_t max_bytes) {
  // Look before opening: opening a pipe could block, and a folder opens but cannot be read.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    *err = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    *err = path + ": is a folder, not a file";
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    *err = path + ": is not a regular file (a device, pipe or socket); give a file";
    return false;
  }
  const auto too_big = [&](double size) {
    *err = path + ": is " + FormatBytes(size) + ", more than the " +
           FormatBytes(static_cast<double>(max_bytes)) +
           " sdsim reads from such a file; is it the right file?";
    return false;
  };
  if (static_cast<unsigned long long>(st.st_size) > max_bytes)
    return too_big(static_cast<double>(st.st_size));
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    *err = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  std::string out;
  char buf[1 << 16];
  size_t n;
  // A file that grows while it is read (or a /proc file of size 0) is still bounded.
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    out.append(buf, n);
    if (out.size() > max_bytes) {
      std::fclose(f);
      return too_big(static_cast<double>(out.size()));
    }
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) {
    *err = path + ": read error";
    return false;
  }
  *content = std::move(out);
  return true;
}

bool WriteFileAtomic(const std::string& path, const std::string& content, std::string* err) {
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) {
    *err = tmp + ": cannot create: " + std::strerror(errno);
    return false;
  }
  const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size() &&
                  std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  const int saved = errno;
  if (std::fclose(f) != 0 || !ok) {
    std::remove(tmp.c_str());
    *err = path + ": write failed: " + std::strerror(ok ? errno : saved);
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    *err = path + ": cannot rename from " + tmp + ": " + std::strerror(errno);
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace sdsim
