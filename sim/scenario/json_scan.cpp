// The pre-parse scan of JSON text: encoding, zero bytes, nesting depth and number range.
#include "scenario/json_scan.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "io/utf8.h"

namespace sdsim {
namespace {

void Report(const std::string& text, const std::string& file, size_t offset,
            const std::string& message, Problems* problems) {
  const TextPosition pos = PositionOf(text, offset);
  Problem p;
  p.file = file;
  p.line = pos.line;
  p.column = pos.column;
  p.message = message;
  problems->push_back(p);
}

bool StartsWith(const std::string& text, const char* prefix, size_t n) {
  return text.size() >= n && text.compare(0, n, prefix, n) == 0;
}

bool IsNumberChar(char c) {
  return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

}  // namespace

TextPosition PositionOf(const std::string& text, size_t offset) {
  TextPosition pos;
  size_t line_start = 0;
  offset = std::min(offset, text.size());
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++pos.line;
      line_start = i + 1;
    }
  pos.column = static_cast<int>(offset - line_start) + 1;
  size_t line_end = text.find('\n', line_start);
  if (line_end == std::string::npos) line_end = text.size();
  if (line_end > line_start && text[line_end - 1] == '\r') --line_end;  // CRLF files
  pos.source_line = Printable(text.substr(line_start, line_end - line_start));
  pos.caret_column =
      static_cast<int>(Printable(text.substr(line_start, offset - line_start)).size()) + 1;
  return pos;
}

bool ScanJsonText(const std::string& text, const std::string& file, Problems* problems) {
  // A file saved as "Unicode" (UTF-16) or UTF-32, e.g. by Notepad: every other byte is zero.
  if (StartsWith(text, "\xFF\xFE", 2) || StartsWith(text, "\xFE\xFF", 2) ||
      (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0'))) {
    Report(text, file, 0,
           "the file is saved as UTF-16 or UTF-32 (\"Unicode\"), not as UTF-8 text; save it again "
           "with the encoding UTF-8 (e.g. in Notepad: Save as, Encoding: UTF-8)",
           problems);
    return false;
  }
  const size_t zero = text.find('\0');
  if (zero != std::string::npos) {
    Report(text, file, zero,
           "the file contains a zero byte here: it is not a text file (a scenario or budget file "
           "is JSON text, saved as UTF-8)",
           problems);
    return false;
  }
  int depth = 0;
  for (size_t i = StartsWith(text, "\xEF\xBB\xBF", 3) ? 3 : 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {  // a string: skip to its closing quote
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      i = text.find('\n', i);
      if (i == std::string::npos) break;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      i = text.find("*/", i + 2);
      if (i == std::string::npos) break;
      ++i;
      continue;
    }
    if (c == '[' || c == '{') {
      if (++depth > kMaxJsonNesting) {
        Report(text, file, i,
               "more than " + std::to_string(kMaxJsonNesting) +
                   " levels of [ ] and { } inside each other; a scenario or budget file needs "
                   "about 10 (is a closing bracket missing, or is this not such a file?)",
               problems);
        return false;
      }
    } else if (c == ']' || c == '}') {
      --depth;
    } else if ((c == '-' || (c >= '0' && c <= '9')) &&
               (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) ||
                            text[i - 1] == '_' || text[i - 1] == '.'))) {
      size_t end = i;
      while (end < text.size() && IsNumberChar(text[end])) ++end;
      const std::string literal = text.substr(i, end - i);
      errno = 0;
      const double v = std::strtod(literal.c_str(), nullptr);
      if (errno == ERANGE && std::isinf(v)) {
        Report(text, file, i,
               "the number " + literal +
                   " is too large to compute with (the largest is about 1.8e308, and each key "
                   "has far smaller limits); is an exponent or a digit too many?",
               problems);
        return false;
      }
      i = end - 1;
    }
  }
  return true;
}

}  // namespace sdsim
