// XlsxBook: formats, tables and charts on top of libxlsxwriter.
#include "report/xlsx_book.h"

#include <algorithm>
#include <cmath>

#include "io/utf8.h"

namespace sdsim {
namespace {

lxw_chart_font kTitleFont = {nullptr, 11, LXW_TRUE, 0, 0, 0, 0, 0, 0, 0};

}  // namespace

XCell XCell::Number(double v, lxw_format* f) {
  if (std::isnan(v)) return XCell{};
  return {kNumber, "", v, f};
}

XlsxBook::XlsxBook(const std::string& path) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  wb_ = workbook_new_opt(path.c_str(), &options);
  if (!wb_) return;
  auto fmt = [&](const char* num_format) {
    lxw_format* f = workbook_add_format(wb_);
    if (num_format) format_set_num_format(f, num_format);
    return f;
  };
  title = fmt(nullptr);
  format_set_bold(title);
  format_set_font_size(title, 14);
  note = fmt(nullptr);
  format_set_italic(note);
  format_set_font_color(note, 0x595959);
  header = fmt(nullptr);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bottom(header, LXW_BORDER_THIN);
  format_set_bg_color(header, 0xDDEBF7);
  euro = fmt(kEuroFormat);
  count = fmt("#,##0");
  decimal = fmt("#,##0.0");
  percent = fmt("0%");
  text = fmt(nullptr);
  general = fmt("#,##0.###");
  bold = fmt(nullptr);
  format_set_bold(bold);
}

XlsxBook::~XlsxBook() {
  if (wb_) workbook_close(wb_);  // only reached if Close was not called
}

lxw_worksheet* XlsxBook::AddSheet(const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9);  // A4
  worksheet_fit_to_pages(ws, 1, 0);
  sheets_.push_back({ws, name});
  widths_.emplace_back();
  return ws;
}

const std::string& XlsxBook::SheetName(lxw_worksheet* ws) const {
  for (const auto& s : sheets_)
    if (s.first == ws) return s.second;
  static const std::string kNone;
  return kNone;
}

int XlsxBook::Title(lxw_worksheet* ws, int row, const std::string& t, const std::string& n) {
  worksheet_write_string(ws, row++, 0, t.c_str(), title);
  if (!n.empty()) worksheet_write_string(ws, row++, 0, n.c_str(), note);
  return row + 1;
}

int XlsxBook::Table(lxw_worksheet* ws, int row, int col, const std::vector<std::string>& head,
                    const std::vector<std::vector<XCell>>& rows, bool main, int freeze_cols) {
  size_t sheet = 0;
  while (sheet < sheets_.size() && sheets_[sheet].first != ws) ++sheet;
  std::vector<double>& widths = widths_[sheet];
  auto widen = [&](size_t c, double w) {
    if (widths.size() <= c) widths.resize(c + 1, 0);
    widths[c] = std::max(widths[c], std::min(w, 48.0));
  };
  for (size_t c = 0; c < head.size(); ++c) {
    worksheet_write_string(ws, row, col + c, head[c].c_str(), header);
    widen(col + c, std::min(static_cast<double>(Utf8Chars(head[c])) + 2, 16.0));
  }
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const XCell& x = rows[r][c];
      const lxw_row_t rr = row + 1 + r;
      const lxw_col_t cc = col + c;
      if (x.kind == XCell::kText) {
        worksheet_write_string(ws, rr, cc, x.text.c_str(), x.format);
        widen(cc, static_cast<double>(Utf8Chars(x.text)) + 2);
      } else if (x.kind == XCell::kNumber) {
        worksheet_write_number(ws, rr, cc, x.number, x.format);
        widen(cc, x.format == euro ? 15 : 10);
      }
    }
  for (size_t c = 0; c < widths.size(); ++c)
    if (widths[c] > 0) worksheet_set_column(ws, c, c, widths[c], nullptr);
  const int last = row + static_cast<int>(rows.size());
  if (main && !head.empty()) worksheet_autofilter(ws, row, col, last, col + head.size() - 1);
  if (main) worksheet_freeze_panes(ws, row + 1, freeze_cols);
  return last + 1;
}

void XlsxBook::Insert(lxw_worksheet* ws, int row, int col, const FanChart& fan) {
  const std::string& sheet = SheetName(ws);
  lxw_chart* chart = workbook_add_chart(wb_, LXW_CHART_AREA_STACKED);
  auto series = [&](int value_col) {
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, sheet.c_str(), fan.first_row, fan.category_col, fan.last_row,
                                fan.category_col);
    chart_series_set_values(s, sheet.c_str(), fan.first_row, value_col, fan.last_row, value_col);
    return s;
  };
  lxw_chart_series* base = series(fan.base_col);
  chart_series_set_name(base, "p5");
  lxw_chart_fill none{};
  none.none = LXW_TRUE;
  lxw_chart_line no_line{};
  no_line.none = LXW_TRUE;
  chart_series_set_fill(base, &none);
  chart_series_set_line(base, &no_line);
  for (size_t b = 0; b < fan.band_cols.size(); ++b) {
    lxw_chart_series* s = series(fan.band_cols[b]);
    chart_series_set_name(s, fan.band_names[b].c_str());
    lxw_chart_fill fill{};
    fill.color = fan.color;
    // Lighter bands first: 55%, 25% transparency.
    fill.transparency = static_cast<uint8_t>(b + 1 == fan.band_cols.size() ? 25 : 55);
    chart_series_set_fill(s, &fill);
    chart_series_set_line(s, &no_line);
  }
  int16_t hide[] = {0, -1};  // the base series has no legend entry
  chart_legend_delete_series(chart, hide);
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_title_set_name(chart, fan.title.c_str());
  chart_title_set_name_font(chart, &kTitleFont);
  if (!fan.y_format.empty()) chart_axis_set_num_format(chart->y_axis, fan.y_format.c_str());
  worksheet_insert_chart(ws, row, col, chart);
}

void XlsxBook::Insert(lxw_worksheet* ws, int row, int col, const LineChart& lc) {
  const std::string& sheet = SheetName(ws);
  lxw_chart* chart =
      workbook_add_chart(wb_, lc.stacked_columns ? LXW_CHART_COLUMN_STACKED : LXW_CHART_LINE);
  for (const LineChart::Series& ls : lc.series) {
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, sheet.c_str(), ls.first_row, ls.category_col, ls.last_row,
                                ls.category_col);
    chart_series_set_values(s, sheet.c_str(), ls.first_row, ls.value_col, ls.last_row,
                            ls.value_col);
    chart_series_set_name(s, ls.name.c_str());
  }
  chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
  chart_title_set_name(chart, lc.title.c_str());
  chart_title_set_name_font(chart, &kTitleFont);
  if (!lc.y_format.empty()) chart_axis_set_num_format(chart->y_axis, lc.y_format.c_str());
  worksheet_insert_chart(ws, row, col, chart);
}

bool XlsxBook::Close(std::string* err) {
  const lxw_error e = workbook_close(wb_);
  wb_ = nullptr;
  if (e != LXW_NO_ERROR) {
    *err = std::string("cannot write the workbook: ") + lxw_strerror(e);
    return false;
  }
  return true;
}

}  // namespace sdsim
