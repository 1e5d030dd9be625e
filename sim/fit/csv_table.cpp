// Reading delimited text files for `sdsim fit` (see csv_table.h).
#include "fit/csv_table.h"

#include <algorithm>
#include <cctype>

#include "io/files.h"
#include "io/utf8.h"

namespace sdsim {
namespace {

std::string Trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  return s.substr(a, b - a);
}

}  // namespace

std::string InputError::ToString() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  if (!s.empty()) s += ": ";
  if (column > 0) {
    s += "column " + std::to_string(column);
    if (!column_name.empty()) s += " (" + column_name + ")";
    s += ": ";
  }
  if (has_value) s += "value \"" + value + "\": ";
  return s + message;
}

int CsvTable::Column(const std::string& name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

bool ParseCsvTable(const std::string& file, const std::string& raw, CsvTable* table,
                   std::vector<InputError>* errors) {
  auto fail = [&](int line, const std::string& msg) {
    InputError e;
    e.file = file;
    e.line = line;
    e.message = msg;
    errors->push_back(e);
    return false;
  };
  std::string text = raw;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  // The same check as for file names and command-line values (io/utf8.h): no overlong forms,
  // no surrogates (a surrogate let through reached a message and the manifest).
  if (size_t bad = 0; !IsValidUtf8(text, &bad)) {
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + bad, '\n'));
    return fail(line,
                "the file is not UTF-8 text (save it as \"CSV UTF-8\" in Excel, or convert it)");
  }
  // Split into records, honouring quotes (a quoted field may hold a line break).
  std::vector<std::vector<std::string>> records;
  std::vector<int> lines;
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false, field_quoted = false, any = false;
  int line = 1, record_line = 1;
  char sep = 0;
  // The separator: the more frequent of ',' and ';' outside quotes in the first line.
  {
    int commas = 0, semis = 0;
    bool q = false;
    for (char c : text) {
      if (c == '"') q = !q;
      if (!q && c == '\n') break;
      if (!q && c == ',') ++commas;
      if (!q && c == ';') ++semis;
    }
    if (commas == 0 && semis == 0) {
      if (Trim(text).empty()) return fail(0, "the file is empty; it needs a header row");
      return fail(1,
                  "the header row has no ',' or ';' between column names (one column per "
                  "field, e.g. client_id,birth_date,...)");
    }
    sep = semis > commas ? ';' : ',';
  }
  auto end_field = [&]() {
    fields.push_back(field_quoted ? field : Trim(field));
    field.clear();
    field_quoted = false;
  };
  auto end_record = [&]() {
    end_field();
    const bool blank = fields.size() == 1 && fields[0].empty() && !any;
    if (!blank) {
      records.push_back(fields);
      lines.push_back(record_line);
    }
    fields.clear();
    any = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && Trim(field).empty()) {
      quoted = field_quoted = any = true;
      field.clear();
    } else if (c == sep) {
      end_field();
      any = true;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      end_record();
      ++line;
      record_line = line;
    } else {
      field += c;
      if (c != ' ' && c != '\t') any = true;
    }
  }
  if (quoted) return fail(record_line, "a quoted field is not closed (a '\"' is missing)");
  if (!field.empty() || !fields.empty() || any) end_record();
  if (records.empty()) return fail(0, "the file is empty; it needs a header row");
  table->separator = sep;
  table->header.clear();
  for (std::string h : records[0]) {
    std::transform(h.begin(), h.end(), h.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    table->header.push_back(h);
  }
  table->rows.clear();
  bool ok = true;
  for (size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != table->header.size()) {
      InputError e;
      e.file = file;
      e.line = lines[r];
      e.message = "has " + std::to_string(records[r].size()) + " fields, the header has " +
                  std::to_string(table->header.size()) + " (separator '" + std::string(1, sep) +
                  "'; a value holding the separator must be in double quotes)";
      errors->push_back(e);
      ok = false;
      continue;
    }
    table->rows.push_back(CsvRow{lines[r], std::move(records[r])});
  }
  return ok;
}

InputError FieldError(const std::string& file, const CsvTable& t, const CsvRow& row, int c,
                      const std::string& message) {
  InputError e;
  e.file = file;
  e.line = row.line;
  e.column = c + 1;
  e.column_name = t.header[c];
  e.value = row.fields[c];
  e.has_value = true;
  e.message = message;
  return e;
}

bool ReadInputFile(const std::string& path, std::string* text, std::vector<InputError>* errors) {
  std::string err;
  if (ReadFile(path, text, &err)) return true;
  InputError e;
  e.message = err;  // names the file
  errors->push_back(e);
  return false;
}

bool ReadCsvTable(const std::string& path, CsvTable* table, std::vector<InputError>* errors) {
  std::string text;
  return ReadInputFile(path, &text, errors) && ParseCsvTable(path, text, table, errors);
}

}  // namespace sdsim
