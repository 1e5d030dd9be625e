// Model: the immutable, validated description of one scenario that the engine runs.
//
// Built once from a scenario file (scenario/build_model.h) and shared read-only by every
// replication and thread. Everything here is already checked: shares and outcome rows sum to 1,
// rates and prices are non-negative, ids are resolved to indices, prices are indexed and in
// euros per day of the calendar. The engine never validates or repairs.
//
// The engine moves clients between *nodes*: care forms (where clients are in care and cost
// money), toegang stages (where requests wait for and receive an assessment) and cost lines
// (fixed costs without clients: uitvoeringskosten, programme budgets; and income lines, which
// are cost lines that bring money in instead).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/distribution.h"
#include "core/effect.h"
#include "core/rate_curve.h"

namespace sdsim {

constexpr int kUnlimited = std::numeric_limits<int>::max();
constexpr double kDaysPerYear = 365.2425;  // mean Gregorian year, for rates and ages in years

// Places available from `day` on (kUnlimited = no cap).
struct CapacityStep {
  double day = 0;
  int places = kUnlimited;
};

// Up to 128 output groups that count unique clients, as a bit set.
using GroupMask = std::array<uint64_t, 2>;
constexpr int kMaxMaskGroups = 128;

enum class NodeKind : uint8_t { kCare, kToegang, kCostLine };

// How a care episode ends (the outflow types of summary.csv).
enum class ExitType : uint8_t {
  kAfgerond,      // care completed
  kOvergedragen,  // handed over to the voorveld / lokaal team
  kVervolghulp,   // moved on to another care form on a new beschikking
  kVoortijdig,    // ended early
  kWlz,           // left for the Wet langdurige zorg
  kAgeOut,        // reached the domain's age limit (18, or the end of verlengde jeugdhulp)
  kCount
};

// A weighted choice: target[i] is chosen with probability cum[i] - cum[i-1]; with the remaining
// probability 1 - cum.back() `rest` is chosen. cum holds cumulative shares, so it never
// decreases (Draw relies on that). Targets >= 0 are node indices; negative targets
// are the codes below.
struct Choice {
  std::vector<double> cum;
  std::vector<int32_t> target;
  int32_t rest = 0;

  template <class S>
  int32_t Draw(S& stream) const {
    if (cum.empty()) return rest;
    const double u = stream.Uniform();
    // The first i with u < cum[i], counted without a branch per entry (which entry matches is
    // unpredictable, and a mispredicted branch costs more than the few extra compares). cum is
    // non-decreasing, so the count of entries <= u is that index.
    size_t i = 0;
    for (const double c : cum) i += c <= u;
    return i < target.size() ? target[i] : rest;
  }
};
// Negative choice targets.
constexpr int32_t kRouteNoHelp = -1;  // routing: no help needed
constexpr int32_t kRouteAv = -2;      // routing: referred to a general provision
constexpr int32_t ExitTarget(ExitType t) { return -10 - static_cast<int32_t>(t); }
constexpr bool IsExitTarget(int32_t t) { return t <= -10; }
constexpr ExitType ExitOf(int32_t t) { return static_cast<ExitType>(-10 - t); }
constexpr int32_t kChoiceVerlengd = -3;  // age limit: continue in verlengde jeugdhulp

struct NodeModel {
  NodeKind kind = NodeKind::kCare;
  std::string domain_id;  // "jeugd"
  std::string id;         // "verblijf"; a toegang stage is "toegang"
  std::string label;
  int domain = 0;
  int pillar = 0;    // index into Model::pillars
  int taakveld = 0;  // index into Model::taakvelden
  bool beschikking = true;
  bool gedwongen_kader = false;  // a measure (JB, JR): its clients count as gedwongen kader
  bool investment = false;       // a cost line that is an investment of a scenario

  std::vector<CapacityStep> capacity;  // sorted by day; capacity[0].day == 0
  Distribution duration;               // days in care (or in assessment)

  // Costs, all indexed, in euros. Per day in care (zorg in natura), per day for PGB clients, once
  // at the start of an episode (trajectory price, one-off costs; the value at the start date), and
  // fixed per day regardless of clients (lump sum, staff).
  RateCurve tariff;
  RateCurve pgb_tariff;
  double pgb_share = 0;
  RateCurve per_start;  // trajectory prices (the bekostiging)
  RateCurve one_off;    // one-off costs at each start (hulpmiddel, woningaanpassing)
  RateCurve fixed;
  // Payer: index into Model::payers before `payer_switch_day`, `payer_after` from then on.
  int payer = 0;
  int payer_after = 0;
  double payer_switch_day = std::numeric_limits<double>::infinity();

  Choice end;                      // at the end of care: a form (vervolghulp) or an exit type
  double reentry_probability = 0;  // after afgerond/voortijdig: comes back as a new request
  Distribution reentry_delay;
  bool reentry_via_toegang = false;  // else straight back to this form
  double escalation_per_day = 0;     // hazard per day of waiting (care forms and the toegang)
  int escalation_to = -1;
  // When the form is full (open-end care): -1 = wait FIFO; else a client who cannot start at once
  // waits at most `max_wait` days and then goes to the form `overflow_to` (0 = at once).
  int overflow_to = -1;
  double max_wait = 0;
  // Mean time in care: E[min(duration, Wlz exit)], for the expected cost of waiting clients.
  double mean_time_in_care = 0;
  double wlz_per_day = 0;  // hazard per day in care of leaving for the Wlz

  // Clients in care (and waiting) on the start date.
  int initial_clients = 0;
  int initial_waiting = 0;
  std::vector<double> initial_age_cum;  // cumulative shares over Model::bands (empty = no ages)
  double initial_gk_share = 0;          // share of initial clients under a GK measure
  bool initial_elapsed_steady = true;   // elapsed time from the equilibrium distribution
  Distribution initial_elapsed;         // else from this distribution
  std::vector<double> equilibrium_quantiles;  // tabulated inverse CDF of the elapsed time
  // Given per client (initial.elapsed_days, initial.age_days), one entry per initial client;
  // empty = drawn as above. Birth days are days relative to the start date (negative).
  std::vector<double> initial_elapsed_days;
  std::vector<double> initial_birth_days;
  // Draw the steady-state stock by the length-biased closed form with rejection of the Wlz exits
  // (exact, same draws as before); false when most draws would be rejected (a Wlz hazard far
  // above 1 / mean duration), then the tabulated quantiles are used instead.
  bool stock_by_rejection = true;

  GroupMask groups{};  // groups this node's clients count in for unique clients
  uint64_t duration_key = 0, events_key = 0, stock_key = 0;

  // Income lines (kind kCostLine, is_income): euros per day coming in, times (1 + the drawn
  // effect `income_effect`, -1 = certain).
  bool is_income = false;
  RateCurve income;
  int income_effect = -1;

  std::string key() const { return domain_id + "." + id; }
  bool capped() const { return capacity.size() > 1 || capacity[0].places != kUnlimited; }
  bool is_care() const { return kind == NodeKind::kCare; }
};

// An age band of the population, e.g. 0-17: ages lo..hi inclusive, in whole years.
struct BandModel {
  std::string id;
  int lo = 0, hi = 0;  // hi = 200 for an open band ("75+")
  double count = 0;    // inhabitants on the start date
  double growth = 0;   // per year
  int width() const { return hi - lo + 1; }
};

// A stream of new requests (a Poisson process), arriving via the toegang or directly, and routed
// to care forms or other outcomes.
struct SourceModel {
  std::string id;  // "jeugd.huisarts"
  int domain = 0;
  int band = -1;                  // driving band (-1: none)
  double age_lo = 0, age_hi = 0;  // age at arrival uniform in [age_lo, age_hi) years; hi 0 = no age
  RateCurve intensity;            // requests per day, before the yearly volatility factor
  int toegang = -1;              // toegang node index, or -1 for a direct route (huisarts, rechter)
  bool gedwongen_kader = false;  // requests by court order: clients are under a GK measure
  Choice routing;                // forms, kNoHelp or kAlgemeneVoorziening
  uint64_t arrival_key = 0, routing_key = 0;
};

struct DomainModel {
  std::string id;
  std::string label;
  std::vector<int> nodes;  // care forms and cost lines of this domain (not the toegang)
  int toegang = -1;
  int toegang_source = -1;  // a source that arrives via the toegang (routes re-entries of clients
                            // without a source of their own, e.g. those in care on the start date)
  int handover = -1;        // form that receives "overgedragen" clients (lokaal team), or -1
  int band = -1;            // band whose population clients are counted against (per 1,000)
  double volatility = 0;    // sd of the yearly demand factor (mean 1, lognormal)
  bool has_gk = false;      // any gedwongen-kader form or route (the gk_* metrics apply)
  bool band_unknown = false;  // (while reading) the domain names a band that does not exist
  // Age limit: at `limit_age` a client in care continues (verlengd, to `until_age`), transfers
  // to another domain's form, or leaves. limit_age 0 = no limit.
  int limit_age = 0;
  int until_age = 0;
  Choice at_limit;   // kChoiceVerlengd, a node, or ExitTarget(kAgeOut)
  Choice at_until;   // a node, or ExitTarget(kAgeOut)
  uint64_t key = 0;  // random stream for this domain's own draws
};

// What an output row group contains. Rows are identified by (domain, form, pillar, taakveld,
// payer, age_band), each a name or "all".
enum class GroupKind : uint8_t {
  kForm,
  kToegang,
  kCostLine,
  kIncomeLine,
  kDomain,
  kDomainPillar,
  kDomainTaakveld,
  kPillar,
  kTaakveld,
  kPayer,  // the cost one payer pays: in all, or within one domain or one taakveld (set)
  kBand,
  kTotal
};

struct GroupModel {
  GroupKind kind = GroupKind::kTotal;
  std::string domain = "all", form = "all", pillar = "all", taakveld = "all", payer = "all",
              age_band = "all";
  std::vector<int> nodes;  // member nodes (for kBand: none)
  int domain_index = -1;   // for kDomain, kDomainPillar, kBand
  int band_index = -1;     // for kBand; for others the band used for "per 1,000" (-1: all)
  int payer_index = -1;    // for kPayer
  int mask_bit = -1;       // bit in GroupMask if the group counts unique clients
};

// The aggregation level of a group, the `level` column of the outputs: the rows of one level
// never overlap, so a sum over one level never counts anything twice. "form" (every care form,
// toegang and cost line), "domain", "domain_pillar", "domain_taakveld", "domain_payer",
// "domain_age_band", "pillar", "taakveld", "taakveld_payer", "payer", "total".
const char* GroupLevel(const GroupModel& group);

// BBV order of taakvelden: by main number, then by the number after the point (6.1, 6.2, ...,
// 6.6, 6.71, 6.72, 6.81, 6.82; 0.9 before 0.10); names that are not taakveld numbers last, in
// alphabetical order.
bool TaakveldBefore(const std::string& a, const std::string& b);

// A target the scenario declares (e.g. "pleegzorg + verblijf about 63 on 1 January 2025"):
// the metric summed over `groups` (or the one group's value for non-additive metrics) in
// `period` should lie within [lower, upper].
struct TargetModel {
  std::string name;
  std::string source;     // where the figure comes from (free text)
  std::string selection;  // readable, e.g. "jeugd / pleegzorg+verblijf"
  int metric = 0;
  int period = 0;
  std::vector<int> groups;
  double lower = -std::numeric_limits<double>::infinity();
  double upper = std::numeric_limits<double>::infinity();
};

// A policy lever of an investment scenario: an effect of uncertain size, phased in over time
// (ramp from 0 to 1), on a selection of demand streams or forms.
enum class LeverKind : uint8_t {
  kInflow,        // demand of the selected streams x (1 + change x ramp)
  kDuration,      // durations of care starting at t x (1 + change x ramp(t))
  kReentry,       // re-entry probability x (1 + change x ramp)
  kEscalation,    // escalation hazard x (1 + change x ramp)
  kTariff,        // all prices of the form x (1 + change x ramp)
  kCapacity,      // places x (1 + change x ramp), rounded down
  kDiversion,     // a share of requests routed to the forms goes to `to` (the lokaal team) if it
                  // has a free place, else as before
  kRoutingShift,  // a share of every entry into the forms goes to the `to` forms instead
  kReassessment,  // clients already in care in the forms are reviewed (on a date, and/or at each
                  // renewal of their beschikking) and a share moves to `to` if it has a place
};

struct LeverModel {
  std::string name;
  LeverKind kind = LeverKind::kInflow;
  int effect = 0;            // index into Model::effects (the size, drawn per replication)
  RateCurve ramp;            // 0 before the start, rising to 1
  std::vector<int> sources;  // kInflow
  std::vector<int> nodes;    // the other kinds
  Choice to;                 // kDiversion, kReassessment (one form) and kRoutingShift (forms)
  uint64_t key = 0;          // random stream for per-client decisions
  // kReassessment: review everyone in care on `review_day` (if on_date), and each client at every
  // renewal of the beschikking (every `validity_days` from its date; 0 = no renewals) from then on.
  bool on_date = false;
  double review_day = 0;
  double validity_days = 0;
};

// A begroting line: the budgeted amount for one output row (a domain, pillar, taakveld, payer or
// the total) in one period.
struct BudgetLine {
  std::string name;       // e.g. "jeugd"
  std::string selection;  // readable
  int group = 0;
  int period = 0;
  double amount = 0;
};

// The price index change of one calendar year: given in the scenario, carried forward from the
// last earlier year with a figure, or 0 when no earlier year has one.
struct IndexYear {
  int year = 0;
  double rate = 0;
  bool given = false;
  int carried_from = 0;  // the year whose figure is used (0 = given, or none: rate 0)
};

// An effect size shared by one or more levers (levers with the same name share it).
struct EffectModel {
  std::string name;
  EffectSize size;
  uint64_t key = 0;  // random stream of its draw
};

// What one replication of a model costs, estimated from the model before running it (by the
// scenario builder): the basis of the up-front refusal of runs that would take too long or need
// more memory than the machine has.
struct WorkEstimate {
  double events = 0;          // events per replication (arrivals, assessments, episodes)
  double clients = 0;         // clients held at once, at most (start-date stock + all arrivals)
  double bytes = 0;           // memory per replication (per worker thread)
  std::string heaviest;       // JSON pointer of the key that contributes most, for messages
  std::string heaviest_what;  // what that key gives, e.g. "400000000 requests over the horizon"
};

struct Model {
  std::string name;
  Calendar calendar{Date{2025, 1, 1}, Date{2028, 12, 31}, PeriodKind::kYear};
  std::vector<std::string> pillars, taakvelden, payers;
  std::vector<BandModel> bands;
  std::vector<DomainModel> domains;
  std::vector<NodeModel> nodes;
  std::vector<SourceModel> sources;
  std::vector<GroupModel> groups;
  std::vector<int> node_group;  // each node's own row group (kForm, kCostLine or kToegang)
  std::vector<TargetModel> targets;
  std::vector<BudgetLine> budget;
  // Indexation per year between the base year and the horizon (empty: the scenario has none).
  std::vector<IndexYear> indexation;
  std::vector<EffectModel> effects;
  std::vector<LeverModel> levers;
  // Lower Cholesky factor of the effects' correlation matrix (row-major, effects x effects);
  // empty = independent.
  std::vector<double> effect_cholesky;
  WorkEstimate work;

  int num_nodes() const { return static_cast<int>(nodes.size()); }
  // The payer whose money the saldo is about: the municipality itself ("gemeente"), or -1.
  int OwnPayer() const;
  bool HasIncome() const;
  int num_groups() const { return static_cast<int>(groups.size()); }
  // Inhabitants of `band` in the calendar year containing day t (growth compounds per year).
  double Population(int band, int year) const;
  // Inhabitants of one single year of age (band population spread evenly over its ages).
  double PopulationAtAge(int age, int year) const;
  // Fills `groups` and each node's mask. Returns false if more than kMaxMaskGroups groups count
  // unique clients.
  bool BuildGroups();
};

}  // namespace sdsim
