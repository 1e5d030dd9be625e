// Scenario JSON parsing with comments, duplicate-key detection and positioned syntax errors.
#include "scenario/json_file.h"

#include <set>
#include <vector>

#include "io/utf8.h"
#include "scenario/json_scan.h"

namespace sdsim {
namespace {

// Tracks the JSON pointer of the parser's position through the callback events, to report
// duplicate keys.
struct PathTracker {
  struct Frame {
    bool object = false;
    std::string key;
    size_t index = 0;
    std::set<std::string> keys;
  };
  std::vector<Frame> frames;

  std::string Pointer(size_t depth) const {
    std::string p;
    for (size_t i = 0; i < depth && i < frames.size(); ++i)
      p += "/" + (frames[i].object ? PointerToken(frames[i].key) : std::to_string(frames[i].index));
    return p;
  }
  void ValueDone() {
    if (!frames.empty() && !frames.back().object) ++frames.back().index;
  }
};

}  // namespace

std::string PointerToken(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string ShortJson(const Json& value, size_t max_len) {
  std::string s = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (s.size() > max_len) {
    // Cut at a character boundary: a cut inside a multi-byte UTF-8 sequence would make the
    // message itself invalid UTF-8 (found by the budget fuzz target).
    size_t cut = max_len - 3;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "...";
  }
  return s;
}

bool ParseJsonText(const std::string& text, const std::string& file, Json* out,
                   Problems* problems) {
  PathTracker tracker;
  const size_t before = problems->size();
  auto callback = [&](int /*depth*/, Json::parse_event_t event, Json& parsed) {
    using E = Json::parse_event_t;
    switch (event) {
      case E::object_start:
        tracker.frames.push_back({true, "", 0, {}});
        break;
      case E::array_start:
        tracker.frames.push_back({false, "", 0, {}});
        break;
      case E::key: {
        auto& f = tracker.frames.back();
        f.key = parsed.get<std::string>();
        if (!f.keys.insert(f.key).second) {
          Problem p;
          p.file = file;
          p.pointer = tracker.Pointer(tracker.frames.size());
          p.message = "duplicate key \"" + f.key +
                      "\": the object already has this key; remove one of the two (JSON would "
                      "silently keep only the last)";
          problems->push_back(p);
        }
        break;
      }
      case E::object_end:
      case E::array_end:
        tracker.frames.pop_back();
        tracker.ValueDone();
        break;
      case E::value:
        tracker.ValueDone();
        break;
    }
    return true;
  };
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    Problem p;
    p.file = file;
    p.line = 1;
    p.column = 1;
    p.message = "the file is empty; a scenario or budget file is one JSON object { ... }";
    problems->push_back(p);
    return false;
  }
  if (!ScanJsonText(text, file, problems)) return false;
  try {
    *out = Json::parse(text, callback, /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const Json::parse_error& e) {
    // Position: nlohmann reports the byte just past the error; turn it into line and column.
    const size_t byte = e.byte > 0 ? std::min<size_t>(e.byte - 1, text.size()) : 0;
    const TextPosition pos = PositionOf(text, byte);
    std::string what = Printable(e.what());
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error while
    // parsing object - unexpected '}'; expected string literal" -> keep the part after " - ".
    const size_t dash = what.find(" - ");
    std::string reason = dash != std::string::npos ? what.substr(dash + 3) : what;
    const std::string& src = pos.source_line;
    Problem p;
    p.file = file;
    p.line = pos.line;
    p.column = pos.column;
    // Hints for the mistakes people make most when editing JSON by hand.
    std::string hint;
    if (reason.find("unexpected string literal; expected '}'") != std::string::npos ||
        reason.find("unexpected string literal; expected ']'") != std::string::npos ||
        reason.find("unexpected '{'; expected '}'") != std::string::npos)
      hint = " (is a comma missing at the end of the previous line?)";
    else if (reason.find("unexpected number literal; expected string literal") != std::string::npos)
      hint = " (a decimal comma? write 40.50, not 40,50)";
    else if (reason.find("invalid literal") != std::string::npos &&
             src.find('\'') != std::string::npos)
      hint = " (text must be in double quotes \"...\", not single quotes)";
    else if (reason.find("invalid literal") != std::string::npos &&
             (text.compare(byte, 3, "NaN") == 0 || text.compare(byte, 8, "Infinity") == 0 ||
              text.compare(byte, 9, "-Infinity") == 0))
      hint = " (NaN and Infinity are not numbers in JSON; give a number)";
    else if (reason.find("unexpected '}'") != std::string::npos ||
             reason.find("unexpected ']'") != std::string::npos)
      hint = " (a comma after the last item? remove it)";
    p.message = "syntax error: " + reason + hint + "\n    " + src + "\n    " +
                std::string(static_cast<size_t>(pos.caret_column - 1), ' ') + "^ near here";
    problems->push_back(p);
    return false;
  } catch (const Json::exception& e) {
    // Anything else the parser refuses (the scan above catches the cases known to reach here).
    Problem p;
    p.file = file;
    p.message = "cannot read the JSON: " + Printable(e.what());
    problems->push_back(p);
    return false;
  }
  return problems->size() == before;
}

}  // namespace sdsim
