// The cost table of the terminal report: per period, the cost per domain that the municipality
// pays from its own budget (payer "gemeente"), their total with p5-p95, and what other payers
// (the centrumgemeente) pay besides it, so the printed total is the begroting's.
#pragma once

#include <string>
#include <vector>

#include "io/summary.h"

namespace sdsim {

// The payer whose money is the municipality's own budget (the default payer of every cost).
extern const char* const kOwnPayer;

// The output group of the municipality's own money: the payer row of kOwnPayer, or the total when
// no cost is paid by it.
int OwnCostGroup(const Model& m);

// "12,345" (no decimals), for tables in thousands of euros.
std::string Thousands(double v);

// The baseline (scenarios[baseline]) per domain and period; the other scenarios, if any, one line
// each with their total per period (their differences follow in the paired comparison).
std::string CostTable(const std::vector<ScenarioSummary>& scenarios, size_t baseline = 0);

}  // namespace sdsim
