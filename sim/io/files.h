// Small file helpers: read a whole file, and write one atomically (to a temporary name in the same
// folder, then rename), so an interrupted run never leaves a half-written output behind.
#pragma once

#include <string>

namespace sdsim {

// Returns false and sets *err (with the path and the system's reason) on failure.
bool ReadFile(const std::string& path, std::string* content, std::string* err);
bool WriteFileAtomic(const std::string& path, const std::string& content, std::string* err);

}  // namespace sdsim
