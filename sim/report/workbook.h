// results.xlsx: the run's results as a controller uses them, in six sheets (Samenvatting,
// Begroting, Vergelijking, Risico, Doelen, Herkomst; English names with Lang::kEn), built from the
// run's CSV tables (report/results.h) so that every cell equals a value in the CSV files.
#pragma once

#include <string>

#include "report/labels.h"
#include "report/results.h"

namespace sdsim {

struct WorkbookOptions {
  Lang lang = Lang::kNl;
  bool percentiles = false;  // Begroting: p5 and p95 next to each mean
};

// Writes the workbook to `path`; false with *err on failure (the file may then be incomplete:
// callers write to a temporary name).
bool WriteWorkbook(const RunResults& results, const WorkbookOptions& options,
                   const std::string& path, std::string* err);
// The workbook's bytes (built in a private temporary file, which is removed).
bool WorkbookBytes(const RunResults& results, const WorkbookOptions& options, std::string* bytes,
                   std::string* err);

}  // namespace sdsim
