// ResultTable parsing (RFC 4180 quoting, either sdsim dialect).
#include "io/csv_read.h"

#include <charconv>
#include <cmath>

namespace sdsim {

bool ParseCsvNumber(std::string_view text, char decimal_point, double* value) {
  if (text.empty()) return false;
  std::string s(text);
  if (decimal_point != '.') {
    if (s.find('.') != std::string::npos) return false;  // a thousands point is not a number here
    for (char& c : s)
      if (c == decimal_point) c = '.';
  }
  const auto res = std::from_chars(s.data(), s.data() + s.size(), *value);
  return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

ResultTable ResultTable::Parse(std::string_view text) {
  ResultTable t;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const size_t eol = text.find('\n');
  const std::string_view head = text.substr(0, eol);
  const char sep = head.find(';') != std::string_view::npos ? ';' : ',';
  t.decimal_ = sep == ';' ? ',' : '.';
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  auto end_field = [&] {
    // A field written as ="6.1" (kept as text by spreadsheets) is the text 6.1.
    if (field.size() >= 3 && field[0] == '=' && field[1] == '"' && field.back() == '"')
      field = field.substr(2, field.size() - 3);
    row.push_back(std::move(field));
    field.clear();
  };
  auto end_row = [&] {
    end_field();
    if (t.columns_.empty())
      t.columns_ = std::move(row);
    else
      t.rows_.push_back(std::move(row));
    row.clear();
    any = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += text[++i];
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      if (field == "=") field.clear();  // ="6.1" unquoted: the text 6.1
      quoted = any = true;
    } else if (c == sep) {
      end_field();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) end_row();
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) end_row();
  return t;
}

int ResultTable::Column(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i] == name) return static_cast<int>(i);
  return -1;
}

const std::string& ResultTable::Text(size_t row, int col) const {
  static const std::string kEmpty;
  if (col < 0 || row >= rows_.size() || static_cast<size_t>(col) >= rows_[row].size())
    return kEmpty;
  return rows_[row][col];
}

double ResultTable::Number(size_t row, int col) const {
  double v = 0;
  return ParseCsvNumber(Text(row, col), decimal_, &v) ? v : std::nan("");
}

}  // namespace sdsim
