// PrintCommentedJson: writes a JSON document as the commented, indented text of a scenario file
// (sdsim reads // comments), for the fitted baseline of `sdsim fit`.
#pragma once

#include <map>
#include <string>

#include "scenario/json_file.h"

namespace sdsim {

// `comments` maps a JSON pointer ("/domains/jeugd/forms/ambulant/duration") to text written as
// "// ..." lines before that member ("" = at the top of the file; '\n' separates lines). Objects
// and arrays that fit on one line and hold no commented member are written on one line; long
// arrays of numbers are wrapped.
std::string PrintCommentedJson(const Json& doc, const std::map<std::string, std::string>& comments);

// `v` rounded to `digits` significant digits (so the file shows 0.15, not 0.15000000000000002).
double Round(double v, int digits = 6);

}  // namespace sdsim
