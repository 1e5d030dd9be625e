// Reading and checking the varied keys of a sweep.
#include "cli/sweep_axes.h"

#include <cmath>

namespace sdsim {
namespace {

// Splits at top-level `sep` (not inside quotes, brackets or braces).
std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  int depth = 0;
  bool quoted = false;
  for (char c : s) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == '[' || c == '{')) ++depth;
    if (!quoted && (c == ']' || c == '}')) --depth;
    if (c == sep && depth == 0 && !quoted) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

bool HasTopLevel(const std::string& s, char sep) { return Split(s, sep).size() > 1; }

bool IsInteger(const std::string& s) {
  size_t i = s.rfind('-', 0) == 0 ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// "0,3" or "-1,25": digits, one comma, digits.
bool LooksDutchDecimal(const std::string& s) {
  const size_t comma = s.find(',');
  return comma != std::string::npos && comma > 0 && IsInteger(s.substr(0, comma)) &&
         s.substr(0, comma) != "-" && comma + 1 < s.size() && s[comma + 1] != '-' &&
         IsInteger(s.substr(comma + 1));
}

// The reference tokens of a JSON pointer, unescaped.
std::vector<std::string> Tokens(const std::string& pointer) {
  std::vector<std::string> out;
  for (const std::string& raw : Split(pointer.substr(1), '/')) {
    std::string t;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size()) {
        t += raw[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        t += raw[i];
      }
    }
    out.push_back(t);
  }
  return out;
}

std::string Dotted(const std::vector<std::string>& tokens, size_t n) {
  std::string out;
  for (size_t i = 0; i < n && i < tokens.size(); ++i) out += (i ? "." : "") + tokens[i];
  return out;
}

}  // namespace

std::string KeyToPointer(const std::string& key) {
  if (!key.empty() && key[0] == '/') return key;
  std::string out;
  for (const std::string& part : Split(key, '.')) out += "/" + PointerToken(part);
  return out;
}

std::string ParseAxis(const std::string& text, Axis* axis) {
  const size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    return "--vary needs KEY=v1,v2,... (got \"" + text + "\")";
  axis->key = text.substr(0, eq);
  axis->pointer = KeyToPointer(axis->key);
  const std::string list = text.substr(eq + 1);
  axis->separator = HasTopLevel(list, ';') ? ';' : ',';
  axis->text = Split(list, axis->separator);
  for (const std::string& item : axis->text) {
    if (item.empty())
      return "--vary " + text + ": an empty value (two separators in a row, or one at the end)";
    if (LooksDutchDecimal(item)) {
      std::string dot = item;
      dot[dot.find(',')] = '.';
      return "--vary " + text + ": \"" + item + "\" looks like a Dutch decimal (" + dot +
             "); write decimals with a point, e.g. " + axis->key + "=" + dot;
    }
    Json value;
    try {
      value = Json::parse(item);
    } catch (const Json::exception&) {
      value = Json(item);  // plain text without quotes
    }
    axis->values.push_back(value);
  }
  return "";
}

std::string CheckAxisValues(const Axis& axis, const ResolvedScenario& base) {
  const std::string given = axis.key + "=";
  // Two whole numbers separated by a comma where the file has a fraction, or starting with "0,"
  // or going on with a leading zero ("1,05"), are a Dutch decimal more often than two values.
  if (axis.separator == ',') {
    const Json* current = nullptr;
    try {
      const Json::json_pointer p(axis.pointer);
      if (base.doc.contains(p)) current = &base.doc.at(p);
    } catch (const Json::exception&) {
    }
    const bool fraction = current && current->is_number_float() &&
                          current->get<double>() != std::floor(current->get<double>());
    for (size_t i = 0; i + 1 < axis.text.size(); ++i) {
      const std::string &a = axis.text[i], &b = axis.text[i + 1];
      if (!IsInteger(a) || !IsInteger(b) || b[0] == '-') continue;
      if (!(fraction || a == "0" || a == "-0" || (b.size() > 1 && b[0] == '0'))) continue;
      const std::string dot = a + "." + b;
      std::string typed, separate;
      for (size_t j = 0; j < axis.text.size(); ++j) {
        typed += (j ? "," : "") + axis.text[j];
        separate += (j ? ";" : "") + axis.text[j];
      }
      return "--vary " + given + typed + ": \"" + a + "," + b + "\" looks like a Dutch decimal (" +
             dot + (fraction ? "; the file has " + current->dump() : std::string()) +
             "): write decimals with a point (" + given + dot + ")" +
             (b[0] == '0' ? std::string()  // "05" is no number anyway
                          : "; if you meant separate values, separate them with ';' (" + given +
                                separate + ")");
    }
  }
  return "";
}

std::string CheckAxisKey(const Axis& axis, const ResolvedScenario& base,
                         const BuildOptions& options, const std::string& file) {
  // The key's parent must exist (after extends); name the nearest key where the path breaks.
  const std::vector<std::string> tokens = Tokens(axis.pointer);
  const Json* at = &base.doc;
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    const Json* next = nullptr;
    if (at->is_object() && at->contains(tokens[i])) next = &(*at)[tokens[i]];
    if (at->is_array() && !tokens[i].empty() &&
        tokens[i].find_first_not_of("0123456789") == std::string::npos &&
        std::stoul(tokens[i]) < at->size())
      next = &(*at)[std::stoul(tokens[i])];
    if (!next) {
      std::string hint;
      if (at->is_object()) {
        std::vector<std::string> keys;
        for (auto it = at->begin(); it != at->end(); ++it) keys.push_back(it.key());
        const std::string near = NearestWord(tokens[i], keys);
        if (!near.empty()) {
          std::vector<std::string> fixed = tokens;
          fixed[i] = near;
          hint = "; did you mean " + Dotted(fixed, tokens.size()) + "?";
        }
      }
      return "--vary " + axis.key + ": " + Dotted(tokens, i + 1) + " does not exist in " + file +
             " (after extends)" + hint;
    }
    at = next;
  }
  // A key the format does not know fails every point: say so once, with the builder's suggestion.
  ResolvedScenario variant = base;
  variant.doc[Json::json_pointer(axis.pointer)] = axis.values.front();
  Model model;
  Problems problems;
  BuildModel(variant, options, &model, &problems);
  for (const Problem& p : problems)
    if (p.pointer == axis.pointer && p.message.rfind("unknown key", 0) == 0)
      return "--vary " + axis.key + ": " + p.message + " (" + Dotted(tokens, tokens.size() - 1) +
             " in " + file + ")";
  return "";
}

}  // namespace sdsim
