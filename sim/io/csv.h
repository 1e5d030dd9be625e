// CsvWriter: builds CSV text that spreadsheets read as numbers.
//
// Two dialects: kIntl (',' separator, '.' decimals) and kNl (';' separator, ',' decimals and a
// UTF-8 byte-order mark, as a Dutch Excel expects). Numbers are written in the shortest fixed
// notation that reads back to exactly the same double (no exponent), or rounded to a number of
// decimals first (Number(v, decimals): costs to cents, counts to hundredths); NaN is written as an
// empty cell. Text is quoted when needed, and text a spreadsheet would turn into a number or a date
// (an age band "75+", a taakveld "6.1", a period "2025-01") is written as the formula ="6.1"
// (quoted as CSV requires: "=""6.1"""), which Excel and LibreOffice show as the text 6.1 in both
// dialects.
#pragma once

#include <string>
#include <string_view>

namespace sdsim {

enum class CsvDialect { kIntl, kNl };
bool ParseCsvDialect(std::string_view text, CsvDialect* dialect);

// Shortest round-trip fixed notation with the given decimal separator; "" for NaN.
std::string FormatNumber(double value, char decimal_point = '.');
// `value` rounded to `decimals` places, half away from zero (values beyond 1e15 are kept).
double RoundTo(double value, int decimals);
// True if a spreadsheet would read `text` as a number or a date: it has a digit and nothing but
// digits, ".,+-/:% eE" ("6.1", "75+", "2025", "1-5", "12:30").
bool LooksNumeric(std::string_view text);

// One cell given from outside (e.g. a sweep's varied value): a number or text.
struct CsvCell {
  std::string text;
  double number = 0;
  bool numeric = false;
};

class CsvWriter {
 public:
  // `bom`: start with the UTF-8 byte-order mark (kNl only); false for text appended to a file.
  explicit CsvWriter(CsvDialect dialect, bool bom = true);
  CsvWriter& Text(std::string_view text);
  // Text as it is (quoted only where CSV needs it), for a value a program reads back or that a
  // spreadsheet rightly reads as a date or number: the dates of a records file, a year.
  CsvWriter& Raw(std::string_view text);
  CsvWriter& Number(double value);
  CsvWriter& Number(double value, int decimals) { return Number(RoundTo(value, decimals)); }
  CsvWriter& Integer(long long value);
  CsvWriter& Cell(const CsvCell& cell) {
    return cell.numeric ? Number(cell.number) : Text(cell.text);
  }
  void EndRow();
  const std::string& str() const { return out_; }

 private:
  void Separator();
  CsvDialect dialect_;
  char sep_, decimal_;
  bool row_start_ = true;
  std::string out_;
};

}  // namespace sdsim
