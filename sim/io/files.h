// Small file helpers: read a whole file, and write one atomically (to a temporary name in the same
// folder, then rename), so an interrupted run never leaves a half-written output behind.
#pragma once

#include <string>

namespace sdsim {

// The most ReadFile reads unless told otherwise.
constexpr size_t kMaxReadBytes = 64000000;

// Reads a whole regular file of at most `max_bytes`. Returns false and sets *err, which starts
// with the path, on failure: "cannot open: <system's reason>", "is a folder, not a file", "is not
// a regular file" (a device or pipe, which could block or never end), or "is 2.1 GB, more than
// the 16 MB ... read" (so a wrong file is not read into memory).
bool ReadFile(const std::string& path, std::string* content, std::string* err,
              size_t max_bytes = kMaxReadBytes);
// "16 MB", "2.1 GB": a byte count for messages.
std::string FormatBytes(double bytes);
// Returns false and sets *err (with the path and the system's reason) on failure.
bool WriteFileAtomic(const std::string& path, const std::string& content, std::string* err);

}  // namespace sdsim
