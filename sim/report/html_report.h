// report.html: one self-contained file (no scripts, no fonts or images from elsewhere, so it
// opens offline in any browser and prints as it shows) with the run's results for the
// raadsvoorstel and the team meeting: fan charts of cost and clients per domain and scenario, the
// differences from the baseline with intervals, P(saving), the cumulative net effect and payback,
// the budget risk, the boeggolf and saldo when the results have them, the targets, and the
// provenance. Built from the run's CSV tables (report/results.h); charts are SVG
// (report/svg_chart.h).
#pragma once

#include <string>

#include "report/labels.h"
#include "report/results.h"

namespace sdsim {

std::string ReportHtml(const RunResults& results, Lang lang);

}  // namespace sdsim
