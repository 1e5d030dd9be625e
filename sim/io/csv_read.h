// ResultTable: reads back the CSV text that CsvWriter writes (either dialect), so that other views
// of the results (the Excel workbook, the HTML report) are built from exactly the values in the
// CSV files, found by column name. Columns added to a CSV later are carried along without changes
// here. Quoted fields, "" escapes, the nl byte-order mark and the decimal comma are understood.
// (Not fit/csv_table.h's CsvTable, which reads users' records files with their errors.)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sdsim {

class ResultTable {
 public:
  // Parses `text`; the dialect is recognised by the byte-order mark and the header's separator.
  // An empty text gives an empty table (no columns, no rows).
  static ResultTable Parse(std::string_view text);

  const std::vector<std::string>& columns() const { return columns_; }
  size_t rows() const { return rows_.size(); }
  // Index of a column by name, or -1.
  int Column(std::string_view name) const;
  bool Has(std::string_view name) const { return Column(name) >= 0; }
  // Every field of a row, as read (a row may have more or fewer fields than there are columns).
  const std::vector<std::string>& Row(size_t row) const { return rows_[row]; }
  // The raw text of a cell; "" for a column the table does not have (col < 0).
  const std::string& Text(size_t row, int col) const;
  // The number in a cell (NaN if empty, not a number, or col < 0). Exact: the CSV holds the
  // shortest text that reads back to the same double.
  double Number(size_t row, int col) const;

 private:
  char decimal_ = '.';
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// Parses a whole field as a number with the given decimal separator; false if it is not one.
bool ParseCsvNumber(std::string_view text, char decimal_point, double* value);

}  // namespace sdsim
