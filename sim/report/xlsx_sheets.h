// The sheets of results.xlsx (report/workbook.h), one function per sheet; shared helpers for
// writing period labels and bands as cells.
#pragma once

#include <string>
#include <vector>

#include "report/labels.h"
#include "report/results.h"
#include "report/workbook.h"
#include "report/xlsx_book.h"

namespace sdsim {

struct SheetContext {
  XlsxBook& book;
  const RunResults& results;
  const Labels& L;
  const WorkbookOptions& options;
};

void SummarySheet(const SheetContext& c);
void BudgetLayoutSheet(const SheetContext& c);
void ComparisonSheet(const SheetContext& c);
void RiskSheet(const SheetContext& c);
void TargetsSheet(const SheetContext& c);
void ProvenanceSheet(const SheetContext& c);

// A period label as a cell: a number for a year ("2026"), else text ("2026-H1").
XCell PeriodCell(const std::string& label);
// The cell format of a metric's values (euros for money, counts, else a plain number).
lxw_format* MetricFormat(const XlsxBook& book, const std::string& metric);
// A readable name of a summary row: "6.72 Maatwerkdienstverlening 18-", "Jeugdhulp", "Totaal".
std::string RowName(const RunResults& results, const Labels& L, const RowKey& key);

}  // namespace sdsim
