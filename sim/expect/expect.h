// `sdsim expect`: the expected values of the simulator's metrics, computed without sampling.
//
// An independent second way to compute the means of `sdsim run`: instead of simulating clients,
// it follows the expected number of clients day by day. For every care form, toegang and re-entry
// delay it keeps the mass that started on each day and convolves it with day kernels of the
// duration (expect/kernels.h); ends feed the next forms, exits with re-entry feed delays, the
// toegang feeds its routing, the age limit ends care on the birthday. Because an uncapped form
// treats every client independently, every count and cost the simulator adds up (clients, flows,
// outflow by type, cost, PGB, requests, re-entries, clients per age band) has an expectation that
// this linear flow gives exactly, up to sub-day timing (see kernels.h) and the approximations
// listed in ExpectNotes().
//
// Ages: clients are grouped in classes of birth dates whose bounds are the birthdays that matter
// (the age-band edges on every period end, the age limit and verlengd age on the start date and at
// the end of the horizon; classes that reach both the limit and the end of verlengde care within
// the horizon are cut into quarter years). Within a class births are taken as uniform, which is
// exact for new requests and clients in care on the start date and stays exact under the age limit
// when a domain's streams reach up to the limit (as a 0-17 jeugd stream does): the limit only
// removes the oldest births of a class. The classes are computed in parallel and added in order.
//
// Not representable (reported by Unrepresentable(), never silently ignored): capacity limits and
// toegang slots (queues), escalation while waiting, and levers with an uncertain size other than
// inflow and tariff levers (whose mean size gives the exact mean). Levers of fixed size are
// computed exactly. With `ignore_capacity` capacities are treated as absent (no waiting, hence no
// escalation, and a diversion always finds a place).
//
// Metrics that are not means of sums (ratios, unique clients where a client can return) are left
// NaN; see NotComputedMetrics().
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "engine/metrics.h"

namespace sdsim {

struct ExpectOptions {
  bool ignore_capacity = false;
  int threads = 0;         // 0 = all cores (the birth classes are computed in parallel)
  int max_class_days = 0;  // > 0: split birth classes longer than this (a check on the age classes)
};

// One part of a scenario that expected values cannot represent.
struct ExpectIssue {
  std::string where;      // "domains.jeugd.forms.verblijf"
  std::string what;       // "capacity 30 places"
  bool capacity = false;  // true: can be computed as if absent with ignore_capacity
};

// Everything in `model` that Expect() cannot represent. Issues with capacity = true are lifted by
// ExpectOptions::ignore_capacity; the others (uncertain levers) make Expect() unusable for the
// scenario.
std::vector<ExpectIssue> Unrepresentable(const Model& model);

// Metrics left empty (NaN) by Expect() in every row, and those computed only for some rows.
std::vector<int> NotComputedMetrics();
// Short notes on what is approximated and how closely (for --help and the manifest).
std::vector<std::string> ExpectNotes();

struct ExpectedValues {
  ResultLayout layout;
  std::vector<double> values;  // laid out as RepResult::values; NaN = not computed / not applicable
  int birth_classes = 0;       // for diagnostics
  // Clients left in same-day chains that did not die out (forms with zero durations in a loop);
  // 0 in any sensible scenario.
  double unconverged = 0;
};

// Expected values of every metric of `model` (issues in Unrepresentable() are ignored: check them
// first). Deterministic: the same model gives the same bits for any thread count.
ExpectedValues Expect(const Model& model, const ExpectOptions& options = {});

}  // namespace sdsim
