// A first pass over the text of a JSON file, before the parser sees it, for what the parser
// cannot report well or at all: files saved as UTF-16, zero bytes, nesting so deep that it would
// exhaust the stack (60,000 brackets crashed sdsim), and numbers beyond the range of a double
// (1e400 made nlohmann/json throw out_of_range, which aborted sdsim). Each is reported with
// line and column, like a syntax error.
#pragma once

#include <string>

#include "scenario/problems.h"

namespace sdsim {

// The deepest nesting of [ ] and { } a file may have. A scenario needs about 8 (levers with a
// distribution inside a domain's form); 200 leaves room for anything a person writes.
constexpr int kMaxJsonNesting = 200;

// Checks `text` (the contents of `file`); adds problems and returns false if it must not be parsed.
bool ScanJsonText(const std::string& text, const std::string& file, Problems* problems);

// Line and column (1-based, in bytes) of byte `offset` of `text`, and that line without its
// line break, for messages.
struct TextPosition {
  int line = 1;
  int column = 1;
  std::string source_line;  // made printable (invalid bytes as \xNN)
  int caret_column = 1;     // the column in source_line (after escaping)
};
TextPosition PositionOf(const std::string& text, size_t offset);

}  // namespace sdsim
