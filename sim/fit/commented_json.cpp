// Printing JSON with comments (see commented_json.h).
#include "fit/commented_json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "scenario/json_file.h"

namespace sdsim {
namespace {

constexpr size_t kWidth = 100;

void Comment(const std::map<std::string, std::string>& comments, const std::string& ptr,
             const std::string& indent, std::string* out) {
  const auto it = comments.find(ptr);
  if (it == comments.end()) return;
  size_t a = 0;
  while (a <= it->second.size()) {
    size_t b = it->second.find('\n', a);
    if (b == std::string::npos) b = it->second.size();
    *out += indent + "// " + it->second.substr(a, b - a) + "\n";
    a = b + 1;
  }
}

bool HasComments(const std::map<std::string, std::string>& comments, const std::string& ptr) {
  const auto it = comments.lower_bound(ptr + "/");
  return it != comments.end() && it->first.rfind(ptr + "/", 0) == 0;
}

void Print(const Json& j, const std::string& ptr, int depth, size_t column,
           const std::map<std::string, std::string>& comments, std::string* out) {
  const std::string indent(2 * (depth + 1), ' '), close(2 * depth, ' ');
  if (!j.is_structured() || j.empty()) {
    *out += j.dump();
    return;
  }
  // One line: {"a": 1, "b": 2} with spaces after ':' and ','.
  if (!HasComments(comments, ptr)) {
    const std::string line = j.dump(-1);
    std::string pretty;
    bool in_string = false;
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      pretty += c;
      if (c == '"' && (i == 0 || line[i - 1] != '\\')) in_string = !in_string;
      if (!in_string && (c == ':' || c == ',')) pretty += ' ';
    }
    if (column + pretty.size() <= kWidth) {
      *out += pretty;
      return;
    }
    if (j.is_array()) {
      bool numbers = true;
      for (const Json& v : j) numbers = numbers && v.is_number();
      if (numbers) {  // wrapped, several per line
        *out += "[\n" + indent;
        size_t col = indent.size();
        for (size_t i = 0; i < j.size(); ++i) {
          const std::string v = j[i].dump() + (i + 1 < j.size() ? "," : "");
          if (col + v.size() + 1 > kWidth && col > indent.size()) {
            *out += "\n" + indent;
            col = indent.size();
          } else if (i > 0) {
            *out += " ";
            ++col;
          }
          *out += v;
          col += v.size();
        }
        *out += "\n" + close + "]";
        return;
      }
    }
  }
  const bool object = j.is_object();
  *out += object ? "{\n" : "[\n";
  size_t i = 0;
  for (auto it = j.begin(); it != j.end(); ++it, ++i) {
    const std::string child = ptr + "/" + (object ? PointerToken(it.key()) : std::to_string(i));
    Comment(comments, child, indent, out);
    *out += indent;
    size_t col = indent.size();
    if (object) {
      const std::string key = Json(it.key()).dump() + ": ";
      *out += key;
      col += key.size();
    }
    Print(*it, child, depth + 1, col, comments, out);
    if (std::next(it) != j.end()) *out += ",";
    *out += "\n";
  }
  *out += close + (object ? "}" : "]");
}

}  // namespace

double Round(double v, int digits) {
  if (v == 0 || !std::isfinite(v)) return v;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return std::strtod(buf, nullptr);
}

std::string PrintCommentedJson(const Json& doc,
                               const std::map<std::string, std::string>& comments) {
  std::string out;
  Comment(comments, "", "", &out);
  Print(doc, "", 0, 0, comments, &out);
  return out + "\n";
}

}  // namespace sdsim
