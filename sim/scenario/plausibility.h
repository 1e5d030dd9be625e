// Plausibility checks: values that pass every rule of the scenario format but that a person
// probably mistyped — a thousands point ("count": 5.600 is read as 5.6), a percentage written as a
// whole number ("volatility": 10), a monthly tariff typed per year, clients above the places of
// their form, a start-date stock far from inflow x mean duration, years without an indexation
// figure. They are warnings (Problem::warning): `sdsim validate` and every run and sweep print them
// and go on; --strict turns them into errors. Each names the file, the JSON path, the value, why it
// looks wrong and what it probably should be. The thresholds are wide on purpose (a factor of 3
// outside a Dutch cost range, a factor of 2 from a steady flow): they catch slips of a factor 10,
// 12 or 1,000, not honest estimates; scenarios/README.md lists them.
//
// Files: plausibility.cpp (numbers: population, growth, volatility, indexation, amounts, levers),
// plausibility_costs.cpp (cost per client-year against Dutch ranges), plausibility_stock.cpp
// (clients on the start date against capacity and against inflow x duration).
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "scenario/json_file.h"
#include "scenario/problems.h"
#include "scenario/resolve.h"

namespace sdsim {

// The warnings for a scenario that built into `model` without problems, with files attached (the
// file that holds each value), in the order of the checks.
Problems CheckPlausibility(const ResolvedScenario& scenario, const Model& model);

// A range of cost per client-year that Dutch municipalities see for one kind of care, in 2024
// prices (scenarios/README.md, "Dutch cost ranges", gives the table and its sources).
struct CostRange {
  const char* kind;  // "pleegzorg", "residential youth care (verblijf)"
  double low, high;  // euros per client-year
};

// What one care form costs per client in care for a year, in the first year of the horizon.
struct FormCost {
  int node = 0;
  std::string pointer;               // "/domains/jeugd/forms/verblijf"
  double per_client_year = 0;        // tariff x a year + prices per episode / mean years in care +
                                     // fixed budgets and staff / places
  double tariff_part = 0;            // the part that comes from `tariff`
  const CostRange* range = nullptr;  // the Dutch range it is compared with (nullptr: none known)
};

// Every care form that costs something, with the range its kind is compared with.
std::vector<FormCost> FormCosts(const Model& model);

// "EUR 60,000" style, for messages and the cost table of `sdsim validate --costs`.
std::string Euros(double v);

namespace plausibility {

// Shared by the check files: a warning at `pointer` with the value found there.
Problem Warn(const ResolvedScenario& sc, const std::string& pointer, const std::string& message,
             const std::string& suggestion);
// The value at `pointer` in the resolved document, or nullptr.
const Json* At(const Json& doc, const std::string& pointer);
// JSON pointer of a node: /domains/<d>/forms/<f>, /domains/<d>/toegang or .../cost_lines/<id>.
std::string NodePointer(const NodeModel& node);
// A number for messages: at most `digits` significant digits, no exponent ("5.6", "310", "0.035").
std::string Num(double v, int digits = 4);
// A fraction as a percentage ("3.5%").
std::string Pct(double fraction);

// "5600 (JSON reads 5.600 as 5.6: ...)" for a value v that was probably typed with a thousands
// point; with `key`, the suggestion starts with "key": .
std::string ThousandsHint(double v, const std::string& key);

void CheckCosts(const ResolvedScenario& sc, const Model& m, Problems* out);
void CheckStocks(const ResolvedScenario& sc, const Model& m, Problems* out);

}  // namespace plausibility
}  // namespace sdsim
