// Metric names and which group kinds report them.
#include "engine/metrics.h"

#include <cstring>

namespace sdsim {
namespace {

const char* const kNames[kNumMetrics] = {"clients_start",
                                         "clients_end",
                                         "mean_clients",
                                         "inflow",
                                         "outflow",
                                         "outflow_afgerond",
                                         "outflow_overgedragen",
                                         "outflow_vervolghulp",
                                         "outflow_voortijdig",
                                         "outflow_wlz",
                                         "outflow_age_out",
                                         "unique_clients",
                                         "waiting_end",
                                         "mean_waiting",
                                         "mean_wait_days",
                                         "waited_share",
                                         "escalated",
                                         "reentries",
                                         "diverted",
                                         "overflowed",
                                         "reassessed",
                                         "cost",
                                         "cost_pgb",
                                         "backlog_cost",
                                         "cost_with_backlog",
                                         "cost_per_client",
                                         "clients_per_1000",
                                         "share_over_5y",
                                         "requests",
                                         "no_help",
                                         "algemene_voorziening",
                                         "gk_client_share",
                                         "gk_inflow_share",
                                         "gk_cost_share",
                                         "lifetime_risk_18",
                                         "income",
                                         "saldo",
                                         "clients_start_stock",
                                         "clients_end_stock",
                                         "mean_clients_stock",
                                         "cost_stock",
                                         "clients_start_new",
                                         "clients_end_new",
                                         "mean_clients_new",
                                         "cost_new"};

}  // namespace

const char* MetricName(int metric) {
  return metric >= 0 && metric < kNumMetrics ? kNames[metric] : "?";
}

int MetricByName(const char* name) {
  for (int m = 0; m < kNumMetrics; ++m)
    if (std::strcmp(kNames[m], name) == 0) return m;
  return -1;
}

int MetricBase(int m) {
  static const int kBase[] = {kClientsStart, kClientsEnd, kMeanClients, kCost};
  return m >= kClientsStartStock ? kBase[(m - kClientsStartStock) % 4] : m;
}

const char* MetricCohort(int m) {
  return m >= kClientsStartNew ? "new" : m >= kClientsStartStock ? "stock" : "all";
}

bool MetricApplies(GroupKind kind, int m) {
  if (m >= kClientsStartStock) return MetricApplies(kind, MetricBase(m));
  switch (kind) {
    case GroupKind::kCostLine:
    case GroupKind::kPayer:
      return m == kCost;
    case GroupKind::kIncomeLine:
      return m == kIncome;
    case GroupKind::kBand:
      return m == kClientsEnd || m == kRequests || m == kClientsPer1000;
    case GroupKind::kToegang:
      return m <= kOutflow || m == kUniqueClients || m == kWaitingEnd || m == kMeanWaiting ||
             m == kMeanWaitDays || m == kWaitedShare || m == kEscalated || m == kOverflowed ||
             m == kReentries || m == kCost || m == kBacklogCost || m == kCostWithBacklog ||
             m == kNoHelp || m == kAlgemeneVoorziening;
    case GroupKind::kDomain:
      return true;
    case GroupKind::kTotal:
      return m <= kShareOver5y || m == kIncome || m == kSaldo;
    case GroupKind::kTaakveld:
      return m <= kShareOver5y || m == kIncome;
    case GroupKind::kForm:
    case GroupKind::kDomainPillar:
    case GroupKind::kPillar:
      return m <= kShareOver5y;
  }
  return false;
}

bool MetricIsAdditive(int m) {
  switch (m) {
    case kMeanWaitDays:
    case kWaitedShare:
    case kCostPerClient:
    case kClientsPer1000:
    case kShareOver5y:
    case kGkClientShare:
    case kGkInflowShare:
    case kGkCostShare:
    case kLifetimeRisk18:
    case kUniqueClients:  // a client can be in two forms in one period
      return false;
    default:
      return true;
  }
}

}  // namespace sdsim
