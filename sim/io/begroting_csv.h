// begroting.csv: the cost laid out as a begroting, wide, to paste into a spreadsheet as it is. One
// row per taakveld and payer (taakvelden in BBV order, each followed by its total), per domain and
// payer (each followed by the domain's total), per payer and the total; one column per period for
// the mean, p5 and p95 of the cost (euros, rounded to cents). The `level` column names each row's
// aggregation level, as in summary.csv: a sum over one level never counts anything twice.
#pragma once

#include <string>
#include <vector>

#include "io/csv.h"
#include "io/summary.h"

namespace sdsim {

// The BBV name of a taakveld of the sociaal domein ("6.72" -> "Maatwerkdienstverlening 18-"), or
// "" for others.
const char* TaakveldName(const std::string& taakveld);

std::string BegrotingCsv(const std::vector<ScenarioSummary>& scenarios, CsvDialect dialect);

}  // namespace sdsim
