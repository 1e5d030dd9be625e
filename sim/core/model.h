// Model: the immutable, validated description of one scenario that the engine runs.
//
// Built once from a scenario file (scenario/build_model.h) and shared read-only by every
// replication and thread. Everything here is already checked: shares and transition rows sum to
// 1 (the remainder of a transition row leaves care), rates and tariffs are non-negative, ids are
// resolved to indices. The engine never validates or repairs.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/distribution.h"
#include "core/rate_curve.h"

namespace sdsim {

constexpr int kUnlimited = std::numeric_limits<int>::max();

// Places available from `day` on (kUnlimited = no cap).
struct CapacityStep {
  double day = 0;
  int places = kUnlimited;
};

// Up to 128 output groups per scenario, as a bit set (see Model::groups).
using GroupMask = std::array<uint64_t, 2>;
constexpr int kMaxGroups = 128;

struct FormModel {
  std::string domain_id;  // "jeugd"
  std::string id;         // "verblijf"
  std::string label;      // free text for people
  int domain = 0;
  std::vector<CapacityStep> capacity;  // sorted by day; capacity[0].day == 0
  Distribution duration;               // days
  RateCurve tariff;                    // euros per day in care
  // End of care: move to next_form[i] with probability next_cum[i] - next_cum[i-1];
  // with the rest (1 - next_cum.back()) the client leaves care.
  std::vector<int> next_form;
  std::vector<double> next_cum;
  GroupMask groups{};  // output groups this form's clients count in
  uint64_t duration_key = 0, transition_key = 0;  // random stream purposes

  std::string key() const { return domain_id + "." + id; }
  bool capped() const { return capacity.size() > 1 || capacity[0].places != kUnlimited; }
};

// A stream of new requests (a Poisson process with a time-varying intensity), routed to forms.
struct SourceModel {
  std::string id;
  int domain = 0;
  RateCurve intensity;  // requests per day
  std::vector<int> route_form;
  std::vector<double> route_cum;  // cumulative shares, last == 1
  uint64_t arrival_key = 0, routing_key = 0;
};

struct DomainModel {
  std::string id;
  std::string label;
  std::vector<int> forms;
};

// An output row set: one form, one domain (form "all") or the whole scenario ("all", "all").
struct GroupModel {
  std::string domain;  // domain id or "all"
  std::string form;    // form id or "all"
  std::vector<int> forms;  // member forms
};

struct Model {
  std::string name;
  Calendar calendar{Date{2025, 1, 1}, Date{2028, 12, 31}, PeriodKind::kYear};
  std::vector<DomainModel> domains;
  std::vector<FormModel> forms;
  std::vector<SourceModel> sources;
  std::vector<GroupModel> groups;

  int num_forms() const { return static_cast<int>(forms.size()); }
  int num_groups() const { return static_cast<int>(groups.size()); }
  // Fills `groups` (forms, then each domain's "all", then the total) and each form's mask.
  // Call once after forms and domains are complete.
  void BuildGroups();
};

}  // namespace sdsim
