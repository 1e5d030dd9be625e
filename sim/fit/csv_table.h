// CsvTable: a delimited text file (records.csv, population.csv, mapping files) read into rows of
// fields with their line numbers, for the readers of `sdsim fit`.
//
// Accepts UTF-8 with or without a byte-order mark, `,` or `;` as the separator (detected from the
// header line: the one that occurs more often outside quotes), double-quoted fields with "" for a
// quote, and \n or \r\n line ends. Blank lines are skipped. Fields are trimmed of spaces. Problems
// (not UTF-8, an unclosed quote) are returned as messages with the line number; nothing throws.
#pragma once

#include <string>
#include <vector>

namespace sdsim {

// One problem in an input file: "file:line: column N (name): value "v": message".
struct InputError {
  std::string file;
  int line = 0;    // 1-based; 0 = the whole file
  int column = 0;  // 1-based field number; 0 = the whole line
  std::string column_name;
  std::string value;
  bool has_value = false;
  std::string message;
  std::string ToString() const;
};

struct CsvRow {
  int line = 0;  // line number of the row's first line in the file
  std::vector<std::string> fields;
};

struct CsvTable {
  char separator = ',';
  std::vector<std::string> header;  // trimmed, lower-case
  std::vector<CsvRow> rows;
  // Index of a header column, or -1.
  int Column(const std::string& name) const;
};

// Parses `text` (the content of `file`). Returns false with the problems in *errors if the file
// cannot be read as a table at all (empty, not UTF-8, no separator in the header, an unclosed
// quote); rows whose field count differs from the header's are reported too.
bool ParseCsvTable(const std::string& file, const std::string& text, CsvTable* table,
                   std::vector<InputError>* errors);

// An error at one field of a row: file, line, column number and name, value, message.
InputError FieldError(const std::string& file, const CsvTable& table, const CsvRow& row, int column,
                      const std::string& message);
// Reads a whole file; a file that cannot be read is one error (false).
bool ReadInputFile(const std::string& path, std::string* text, std::vector<InputError>* errors);

// Reads the file and parses it; a file that cannot be read is one error.
bool ReadCsvTable(const std::string& path, CsvTable* table, std::vector<InputError>* errors);

}  // namespace sdsim
