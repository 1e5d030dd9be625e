// The metrics measured per reporting period and output group, which metrics apply to which kind
// of group, and the layout of one replication's results (a flat array the aggregator can merge
// without knowing the model).
#pragma once

#include <cstddef>
#include <vector>

#include "core/model.h"

namespace sdsim {

// Definitions (counts are clients; "in care" excludes waiting; a period is [begin, end)):
//   clients_start      in care at the start of the period (for a toegang: in assessment)
//   clients_end        in care at the end of the period
//   mean_clients       mean number in care over the period (client-days / days in the period;
//                      the gemiddeld aantal cliënten that a budget per client-year multiplies)
//   inflow             care starts (episodes): new clients and clients moving in from another form
//   outflow            care ends (episodes), split by type below (they sum to outflow)
//   outflow_afgerond, outflow_overgedragen, outflow_vervolghulp, outflow_voortijdig,
//   outflow_wlz, outflow_age_out
//   unique_clients     distinct clients in care at any moment of the period
//   waiting_end        on a waiting list at the end of the period
//   mean_waiting       mean number on the waiting list over the period (waiting days / days)
//   mean_wait_days     mean days from joining the waiting list to the start, over the period's
//                      starts (0 for those who started at once); for a toegang: the wait for an
//                      assessment; for a care form: from beschikking to start of care
//   waited_share       fraction of the period's starts that had to wait
//   escalated          clients who left this form's waiting list for a heavier form
//   reentries          clients who came back after an earlier exit (counted where they re-enter)
//   diverted           clients sent elsewhere by a lever: requests for this form helped by the
//                      lokaal team instead (diversion), entries shifted to other forms
//   overflowed         clients who found the form full and went to its overflow form (open-end
//                      care: a non-contracted provider), at once or after the maximum wait
//   reassessed         clients in care moved out of this form by a reassessment lever (on its
//                      review date or at the renewal of their beschikking)
//   cost               euros booked to the period (days of care, trajectory and one-off prices
//                      at the start, fixed budgets and staff per day), indexed
//   cost_pgb           the part of cost paid as PGB
//   backlog_cost       at the end of the period: the expected cost still owed to the clients
//                      waiting (on a form's waiting list, or waiting for or in an assessment at
//                      the toegang): each one's expected episode cost (mean time in care x the
//                      day price, PGB mix, plus trajectory and one-off prices) at the prices of
//                      the period's last day; at the toegang weighted by the routing shares
//   cost_with_backlog  cost + the change in backlog_cost over the period: the care given plus
//                      what the period deferred (summed over periods: cost + final backlog)
//   cost_per_client    cost / unique_clients
//   clients_per_1000   unique_clients per 1,000 inhabitants of the driving age band (domain
//                      rows, forms) or of the whole population (other rows); for age-band rows:
//                      clients_end per 1,000 inhabitants of that band
//   share_over_5y      of the clients in care at the end of the period, the share whose
//                      continuous time in the domain exceeds 5 years
//   requests           new requests arriving (domain and age-band rows; re-entries excluded)
//   no_help, algemene_voorziening   requests routed to no help / to a general provision
//   gk_client_share    unique clients in gedwongen-kader forms / unique clients in the domain
//   gk_inflow_share    starts in gedwongen-kader forms / starts in beschikking forms
//   gk_cost_share      cost of gedwongen-kader forms / cost of the domain
//   lifetime_risk_18   probability that a child uses the domain before age 18, from a synthetic
//                      cohort with the period's first-entry rates by single year of age
//   income             euros coming in (income lines: rijksbijdrage, decentralisation funding,
//                      temporary funds), booked per day like fixed costs
//   saldo              income - the cost paid by the municipality itself (payer "gemeente"), for
//                      domains and the total (only in scenarios with income lines)
// The boeggolf: clients_start, clients_end, mean_clients and cost split by cohort (summary.csv's
// `cohort` column; internally the metrics <name>_stock and <name>_new):
//   stock              the clients in care or waiting on the start date, for as long as they
//                      stay in care without a break (moves between forms included; a re-entry
//                      after leaving is new): the care already committed in beschikkingen
//   new                everyone else, and every cost not of a client (staff, lump sums, lines)
enum Metric : int {
  kClientsStart,
  kClientsEnd,
  kMeanClients,
  kInflow,
  kOutflow,
  kOutAfgerond,
  kOutOvergedragen,
  kOutVervolghulp,
  kOutVoortijdig,
  kOutWlz,
  kOutAgeOut,
  kUniqueClients,
  kWaitingEnd,
  kMeanWaiting,
  kMeanWaitDays,
  kWaitedShare,
  kEscalated,
  kReentries,
  kDiverted,
  kOverflowed,
  kReassessed,
  kCost,
  kCostPgb,
  kBacklogCost,
  kCostWithBacklog,
  kCostPerClient,
  kClientsPer1000,
  kShareOver5y,
  kRequests,
  kNoHelp,
  kAlgemeneVoorziening,
  kGkClientShare,
  kGkInflowShare,
  kGkCostShare,
  kLifetimeRisk18,
  kIncome,
  kSaldo,
  kClientsStartStock,
  kClientsEndStock,
  kMeanClientsStock,
  kCostStock,
  kClientsStartNew,
  kClientsEndNew,
  kMeanClientsNew,
  kCostNew,
  kNumMetrics
};

const char* MetricName(int metric);
// Metric index by name, or -1.
int MetricByName(const char* name);
// True if `metric` is reported for groups of this kind.
bool MetricApplies(GroupKind kind, int metric);
// True if values of `metric` can be added across groups (counts, euros; not means or shares).
bool MetricIsAdditive(int metric);
// The cohort metrics: the metric they split (e.g. kCost for kCostStock) and the cohort ("stock",
// "new"); every other metric is itself and "all".
int MetricBase(int metric);
const char* MetricCohort(int metric);

struct ResultLayout {
  int periods = 0;
  int groups = 0;
  int metrics = kNumMetrics;
  size_t size() const { return static_cast<size_t>(periods) * groups * metrics; }
  size_t Index(int period, int group, int metric) const {
    return (static_cast<size_t>(period) * groups + group) * metrics + metric;
  }
};

// One replication's metrics, laid out by ResultLayout. NaN marks "not defined" (a mean wait in a
// period without starts) or "not applicable" (see MetricApplies).
struct RepResult {
  std::vector<double> values;
};

}  // namespace sdsim
