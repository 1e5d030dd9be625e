// Reading scenario JSON: comments allowed (`//` and `/* */`, so finance staff can note the source
// of every number), duplicate keys rejected (a second value would silently win), syntax errors
// reported with line, column and the offending line.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "scenario/problems.h"

namespace sdsim {

// Object keys keep the order of the file, so output rows follow the order a user wrote.
using Json = nlohmann::ordered_json;

// The largest scenario or budget file sdsim reads: a scenario is a few kB; 16 MB is a wrong file.
constexpr size_t kMaxJsonFileBytes = 16000000;

// Parses `text` (the contents of `file`). On failure adds problems and returns false.
bool ParseJsonText(const std::string& text, const std::string& file, Json* out, Problems* problems);

// Escapes one JSON-pointer reference token ("~" -> "~0", "/" -> "~1").
std::string PointerToken(const std::string& key);
// Compact JSON text of a value, shortened to `max_len` characters for messages.
std::string ShortJson(const Json& value, size_t max_len = 60);

}  // namespace sdsim
