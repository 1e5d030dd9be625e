// XlsxBook: the owner of one libxlsxwriter workbook while it is built, with the cell formats the
// sheets share, a table writer (header, freeze panes, autofilter, column widths) and native fan
// and line charts. Numbers are written as numbers with number formats; the Dutch display comes
// from the format codes (`[$€-413] #,##0`) and the reader's locale, never from the C locale.
//
// Excel's area charts cannot draw a band between two lines, so a fan is a stacked area chart: an
// invisible base series (p5) with the bands (p50 − p5, p95 − p50) stacked on it; the median is
// the edge between the two shades. Not thread-safe (one workbook per thread).
#pragma once

#include <xlsxwriter.h>

#include <string>
#include <vector>

namespace sdsim {

// One cell of a table.
struct XCell {
  enum Kind { kEmpty, kText, kNumber } kind = kEmpty;
  std::string text;
  double number = 0;
  lxw_format* format = nullptr;
  static XCell Text(std::string t, lxw_format* f = nullptr) { return {kText, std::move(t), 0, f}; }
  // NaN gives an empty cell.
  static XCell Number(double v, lxw_format* f);
};

// A stacked-area fan over `rows` of a sheet: categories from `category_col`, the invisible base
// from `base_col`, one band per column in `band_cols`, lightest first.
struct FanChart {
  std::string title, y_format;
  int first_row = 0, last_row = 0, category_col = 0, base_col = 0;
  std::vector<int> band_cols;
  std::vector<std::string> band_names;
  lxw_color_t color = 0x2E75B6;
};

// A line chart (one line per series) or, with `stacked_columns`, a stacked column chart.
struct LineChart {
  std::string title, y_format;
  bool stacked_columns = false;
  struct Series {
    std::string name;
    int first_row, last_row, category_col, value_col;
  };
  std::vector<Series> series;
};

class XlsxBook {
 public:
  // Creates the workbook at `path` (written by Close).
  explicit XlsxBook(const std::string& path);
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  bool ok() const { return wb_ != nullptr; }
  lxw_worksheet* AddSheet(const std::string& name);
  const std::string& SheetName(lxw_worksheet* ws) const;

  // Writes `header` at `row` and `rows` below it from column `col` and sets column widths to fit.
  // The sheet's main table (`main`) gets the autofilter (one per sheet) and the panes frozen
  // below its header and right of `freeze_cols` columns. Returns the first row after the table.
  int Table(lxw_worksheet* ws, int row, int col, const std::vector<std::string>& header,
            const std::vector<std::vector<XCell>>& rows, bool main, int freeze_cols = 0);
  // A title line (and an optional note below it); returns the next free row.
  int Title(lxw_worksheet* ws, int row, const std::string& title, const std::string& note = "");
  void Insert(lxw_worksheet* ws, int row, int col, const FanChart& fan);
  void Insert(lxw_worksheet* ws, int row, int col, const LineChart& chart);
  // Writes the file; false with *err if libxlsxwriter reports a problem.
  bool Close(std::string* err);

  // Cell formats: money with thousands separators, counts, one decimal, percentages, text.
  lxw_format *title = nullptr, *note = nullptr, *header = nullptr, *euro = nullptr,
             *count = nullptr, *decimal = nullptr, *percent = nullptr, *text = nullptr,
             *bold = nullptr, *general = nullptr;
  static constexpr const char* kEuroFormat = "[$€-413] #,##0;[$€-413] -#,##0";
  // Chart axes: euros in millions (",," divides by a million for display only).
  static constexpr const char* kEuroMlnFormat =
      "[$€-413] #,##0.0,, \"mln\";[$€-413] -#,##0.0,, \"mln\"";

 private:
  lxw_workbook* wb_ = nullptr;
  std::vector<std::pair<lxw_worksheet*, std::string>> sheets_;
  std::vector<std::vector<double>> widths_;  // per sheet: column widths set so far
};

}  // namespace sdsim
