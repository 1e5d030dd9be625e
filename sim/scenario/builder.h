// Builder: the internals of BuildModel (scenario document -> Model), shared by the files that
// read each part: build_model.cpp (top level, population, domains, demand, targets),
// build_form.cpp (care forms) and build_values.cpp (dates, distributions, prices, capacities,
// weighted choices). Not part of the public interface; see build_model.h.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "scenario/build_model.h"
#include "scenario/reader.h"

namespace sdsim {

constexpr double kSumTolerance = 1e-9;
// The most places (or assessment slots) a form may have: more than the Dutch population, so any
// larger number is a typo, and with a capacity lever (at most +1000%) it still fits an int.
constexpr double kMaxPlaces = 1e8;

// "%.10g", for numbers in messages.
std::string Fmt(double v);
// The message for an amount in euros that CheckNumber refused with `rule`.
std::string AmountRule(const Json& value, const std::string& rule);

class Builder {
 public:
  Builder(const ResolvedScenario& sc, const BuildOptions& opt, Model* m, Problems* pr)
      : sc_(sc), opt_(opt), m_(m), pr_(pr) {}
  void Build();

  // --- build_values.cpp ---
  // A date inside the horizon, or a problem.
  std::optional<double> ReadDay(Reader& r, const std::string& key);
  std::optional<Distribution> ReadDistribution(const Json& j, const std::string& ptr);
  // A span of time in days: a number of days, or {"value": 13, "unit": "weeks"}.
  std::optional<double> ReadSpan(Reader& r, const std::string& key);
  // Prices: per day/week/month/year (into *daily, euros per day) or per trajectory (into
  // *per_start, the amount at a start date), one price or a schedule; indexed.
  bool ReadPrice(const Json& j, const std::string& ptr, RateCurve* daily, RateCurve* per_start);
  // An amount per year (or schedule of them) as euros per day of each calendar year; indexed.
  bool ReadYearlyAmount(const Json& j, const std::string& ptr, RateCurve* daily);
  bool ReadCapacity(const Json& j, const std::string& ptr, std::vector<CapacityStep>* out);
  // Whole places from a derived number (FTE x clients per FTE, budget / cost per place), rounded
  // down; a problem at `ptr` (saying `how` it was derived) if above kMaxPlaces.
  std::optional<int> DerivedPlaces(double places, const std::string& ptr, const std::string& how);
  // Resolves "form" (in `domain`) or "domain.form" to a node index, or adds a problem.
  int ResolveForm(const std::string& name, int domain, const std::string& ptr);
  // Reads {target: probability}. `reserved` maps special keys (e.g. "afgerond", "no_help") to
  // negative targets. If `must_sum_to_one`, or the key meaning `rest` itself is given, the row
  // must sum to 1; otherwise to at most 1 and the remainder goes to `rest`.
  bool ReadChoice(const Json& j, const std::string& ptr, int domain,
                  const std::map<std::string, int32_t>& reserved, bool must_sum_to_one,
                  int32_t rest, const std::string& what, Choice* out);
  // The price index of each calendar year (1 in the base year), as a curve over the horizon.
  const RateCurve& index() const { return index_; }
  void Problem(const std::string& ptr, const std::string& message, const Json* value = nullptr);

  // --- build_form.cpp ---
  void ReadForm(const Json& j, const std::string& ptr, int node);
  void TabulateEquilibrium(NodeModel* node);
  // "escalation": {"hazard_per_day": .., "to": form} of a care form or a toegang.
  void ReadEscalation(Reader& r, int node);
  // "when_full" of a capped form (open-end care): wait, or overflow to a form (after a maximum
  // wait); and the check, once every form is read, that overflow chains end.
  void ReadWhenFull(Reader& r, int node);
  void CheckOverflowChains();

  // --- build_income.cpp ---
  // domains.<d>.income: income lines (rijksbijdrage, decentralisation funding, temporary funds).
  void ReadIncome(const Json& j, const std::string& ptr, int domain);

  // --- build_levers.cpp ---
  // An effect size: a number or {"distribution": ..}, whose values must lie in [lowest, highest].
  std::optional<EffectSize> ReadEffect(Reader& r, const std::string& key, double lowest,
                                       double highest, const std::string& meaning);
  // The phase-in of a lever: "from", "ramp_months" or "ramp" {year: fraction}.
  std::optional<RateCurve> ReadRamp(Reader& r);
  void ReadLevers(const Json& j, const std::string& ptr);
  // The review of a reassessment lever: "on_date" and "renewal_every".
  bool ReadReview(Reader& r, LeverModel* lever);
  void ReadCorrelations(const Json& j, const std::string& ptr);

  // --- build_workload.cpp ---
  // Fills Model::work and refuses a scenario that would need more events or memory per
  // replication than sensible, or whose clients can move between forms forever without time
  // passing, naming the key that causes it.
  void EstimateWork();

  // --- build_model.cpp ---
  int InternName(std::vector<std::string>* names, const std::string& name);
  int BandById(const std::string& id) const;

 private:
  void ReadIndexation(Reader& top);
  void ReadPopulation(Reader& top);
  void DeclareDomains(const Json& domains);
  void ReadDomain(const Json& j, const std::string& ptr, int d);
  void ReadDemand(Reader& dr, int d);
  void ReadStream(const Json& j, const std::string& ptr, const std::string& id, int d,
                  bool shorthand);
  void ReadToegang(const Json& j, const std::string& ptr, int d);
  void ReadToegangWhenFull(Reader& r, int d);
  void ReadAgeLimit(const Json& j, const std::string& ptr, int d);
  void ReadCostLines(const Json& j, const std::string& ptr, int d);
  void ReadTargets(const Json& j, const std::string& ptr);

 public:
  // The begroting: {"line name": {"domain": .., "amounts": {"2026": 18000000, ...}}, ...}.
  void ReadBudget(const Json& j, const std::string& ptr);

 private:
  const ResolvedScenario& sc_;
  const BuildOptions& opt_;
  Model* m_;
  Problems* pr_;
  RateCurve index_;
  std::vector<std::string> node_ptr_;         // JSON pointer of each node, for messages
  std::vector<std::string> domain_taakveld_;  // each domain's default taakveld
  std::vector<std::string> source_ptr_;       // JSON pointer of each source's rate, for messages
};

}  // namespace sdsim
