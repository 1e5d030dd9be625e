// SVG charts written by sdsim itself for report.html: fan charts (the p5–p95 and p25–p75 bands
// around the median line, one fan per series) and stacked columns. The output is plain text,
// the same bytes for the same numbers, and needs no script or library to display or print.
//
// Each chart is one <svg class="chart"> element; everything that shows data carries the class
// "mark" (bands, median lines, points, columns, reference marks), so a test can check in a real
// browser that every chart drew its marks. Points and columns have a <title> tooltip with the
// values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/labels.h"
#include "report/results.h"

namespace sdsim {

// Text escaped for HTML and SVG (& < > ").
std::string HtmlEscape(std::string_view text);

struct ChartFan {
  std::string name;
  std::string color;         // CSS colour, e.g. "#0072B2"
  std::vector<Band> values;  // per category; p25/p75 may be NaN (then only p5–p95 is drawn)
};

struct FanChartSpec {
  std::string title;
  std::vector<std::string> categories;  // x axis (periods)
  std::vector<ChartFan> fans;
  std::vector<double> reference;  // a mark per category (e.g. the budget); NaN or empty = none
  std::string reference_name;
  bool money = true;          // y values are euros
  bool zero = false;          // the y range includes 0 (differences: saving or not)
  double y_lo = 0, y_hi = 0;  // a shared y range (both 0: fit the data)
  int width = 340, height = 210;
};

struct StackedSpec {
  std::string title;
  std::vector<std::string> categories;
  std::vector<std::string> names, colors;   // one per stacked series
  std::vector<std::vector<double>> values;  // [series][category], >= 0
  int width = 340, height = 230;
};

// The y range (low, high) that FanChartSvg would use for these fans and reference values.
std::pair<double, double> FanRange(const std::vector<ChartFan>& fans,
                                   const std::vector<double>& reference, bool zero = false);
std::string FanChartSvg(const FanChartSpec& spec, const Labels& L);
std::string StackedColumnsSvg(const StackedSpec& spec, const Labels& L);

}  // namespace sdsim
