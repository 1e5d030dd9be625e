// CSV formatting.
#include "io/csv.h"

#include <charconv>
#include <cmath>

namespace sdsim {

bool ParseCsvDialect(std::string_view text, CsvDialect* dialect) {
  if (text == "intl")
    *dialect = CsvDialect::kIntl;
  else if (text == "nl")
    *dialect = CsvDialect::kNl;
  else
    return false;
  return true;
}

std::string FormatNumber(double v, char decimal_point) {
  if (std::isnan(v)) return "";
  if (v == 0) v = 0;  // no "-0"
  char buf[512];
  const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  std::string s(buf, res.ptr);
  if (decimal_point != '.')
    for (char& c : s)
      if (c == '.') c = decimal_point;
  return s;
}

double RoundTo(double v, int decimals) {
  if (std::isnan(v) || std::isinf(v) || std::fabs(v) >= 1e15) return v;
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

bool LooksNumeric(std::string_view t) {
  bool digit = false;
  for (char c : t) {
    if (c >= '0' && c <= '9')
      digit = true;
    else if (std::string_view(".,+-/:% eE").find(c) == std::string_view::npos)
      return false;
  }
  return digit;
}

CsvWriter::CsvWriter(CsvDialect dialect, bool bom)
    : dialect_(dialect),
      sep_(dialect == CsvDialect::kNl ? ';' : ','),
      decimal_(dialect == CsvDialect::kNl ? ',' : '.') {
  if (dialect_ == CsvDialect::kNl && bom) out_ = "\xEF\xBB\xBF";
}

void CsvWriter::Separator() {
  if (!row_start_) out_ += sep_;
  row_start_ = false;
}

CsvWriter& CsvWriter::Text(std::string_view t) {
  if (LooksNumeric(t)) {  // ="6.1", quoted: a formula whose value is the text
    Separator();
    out_ += "\"=\"\"";
    out_ += t;
    out_ += "\"\"\"";
    return *this;
  }
  return Raw(t);
}

CsvWriter& CsvWriter::Raw(std::string_view t) {
  Separator();
  const bool quote =
      t.find_first_of(std::string{sep_, '"', '\n', '\r', ','}) != std::string_view::npos ||
      (!t.empty() && (t.front() == ' ' || t.back() == ' '));
  if (!quote) {
    out_ += t;
    return *this;
  }
  out_ += '"';
  for (char c : t) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
  return *this;
}

CsvWriter& CsvWriter::Number(double v) {
  Separator();
  out_ += FormatNumber(v, decimal_);
  return *this;
}

CsvWriter& CsvWriter::Integer(long long v) {
  Separator();
  out_ += std::to_string(v);
  return *this;
}

void CsvWriter::EndRow() {
  out_ += "\n";
  row_start_ = true;
}

}  // namespace sdsim
