// results.xlsx and report.html from the run's output files.
#include "cli/presentations.h"

#include "report/html_report.h"
#include "report/results.h"

namespace sdsim {

std::vector<std::string> PresentationNames(const PresentationOptions& options) {
  std::vector<std::string> names;
  if (options.xlsx) names.push_back("results.xlsx");
  if (options.report) names.push_back("report.html");
  return names;
}

bool AddPresentations(const PresentationOptions& options,
                      std::vector<std::pair<std::string, std::string>>* files, std::string* err) {
  if (!options.xlsx && !options.report) return true;
  const RunResults results(*files);
  std::vector<std::pair<std::string, std::string>> added;
  if (options.xlsx) {
    std::string bytes;
    if (!WorkbookBytes(results, options.workbook, &bytes, err)) return false;
    added.push_back({"results.xlsx", std::move(bytes)});
  }
  if (options.report) added.push_back({"report.html", ReportHtml(results, options.workbook.lang)});
  files->insert(files->end(), added.begin(), added.end());
  return true;
}

}  // namespace sdsim
