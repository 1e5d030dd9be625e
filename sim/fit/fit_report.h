// The fit report: every estimate of `sdsim fit` with its standard error and 95% interval as
// fit_report.csv (long format, one row per estimate), and a short readable summary for the
// terminal. Text only; the cli layer writes and prints it.
#pragma once

#include <string>

#include "fit/estimate.h"
#include "io/csv.h"

namespace sdsim {

// Columns: domain,form,section,parameter,value,se,ci_low,ci_high,n,note
std::string FitReportCsv(const RecordSet& r, const PopulationTable& pop, const FitResult& fit,
                         CsvDialect dialect);
std::string FitSummary(const RecordSet& r, const PopulationTable& pop, const FitResult& fit);

}  // namespace sdsim
