// The views of a run's results beside the CSV files: results.xlsx (with --xlsx) and report.html
// (unless --no-report). Both are built from the output files already made (summary.csv,
// compare.csv, budget.csv, targets.csv, manifest.json) and added to the same set, so they are
// written, under temporary names and renamed, together with the rest: an interrupted run
// leaves none of them behind.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "report/workbook.h"

namespace sdsim {

struct PresentationOptions {
  bool xlsx = false;
  bool report = true;
  WorkbookOptions workbook;  // also carries the language of the report
};

// The file names AddPresentations adds, in order (for the manifest's list of outputs).
std::vector<std::string> PresentationNames(const PresentationOptions& options);
// Adds the requested views to `files`; false with *err if one cannot be made.
bool AddPresentations(const PresentationOptions& options,
                      std::vector<std::pair<std::string, std::string>>* files, std::string* err);

}  // namespace sdsim
