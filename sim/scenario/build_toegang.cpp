// Scenario document -> Model: a domain's toegang (assessment staff, slots, decision term, what
// happens when it is full) and its age limit (verlengde jeugdhulp, transfers).
#include <algorithm>
#include <cmath>

#include "core/random.h"
#include "engine/metrics.h"
#include "io/files.h"
#include "scenario/build_model.h"
#include "scenario/builder.h"

namespace sdsim {

void Builder::ReadToegang(const Json& j, const std::string& ptr, int d) {
  DomainModel& dm = m_->domains[d];
  Reader r(j, ptr, pr_);
  if (!r.ok()) return;
  NodeModel node;
  node.kind = NodeKind::kToegang;
  node.domain_id = dm.id;
  node.id = "toegang";
  node.domain = d;
  node.label = r.String("label").value_or("toegang");
  node.beschikking = false;
  node.pillar = InternName(&m_->pillars, r.String("pillar").value_or("meedoen"));
  // BBV taakveld 6.2 "Toegang en eerstelijnsvoorzieningen".
  node.taakveld = InternName(&m_->taakvelden, r.String("taakveld").value_or("6.2"));
  node.payer = node.payer_after = InternName(&m_->payers, "gemeente");
  node.duration_key = PurposeKey("duration/" + node.key());
  node.events_key = PurposeKey("events/" + node.key());
  const auto fte = r.Number("fte", Check::kNonNegative);
  const auto per_fte = r.Number("assessments_per_fte_per_year", Check::kPositive);
  if (!r.Find("fte")) r.Missing("fte", "the toegang staff in FTE");
  if (!r.Find("assessments_per_fte_per_year"))
    r.Missing("assessments_per_fte_per_year", "assessments one FTE completes in a year");
  if (const Json* t = r.Find("assessment_time")) {
    if (auto dist = ReadDistribution(*t, r.PointerOf("assessment_time"))) node.duration = *dist;
  } else {
    r.Missing("assessment_time",
              "the time an assessment takes, e.g. {\"type\": \"exponential\", \"mean\": 4, "
              "\"unit\": \"weeks\"}");
  }
  if (fte && per_fte) {
    // Staff work on several assessments at once: the number running at the same time is the
    // throughput (FTE x assessments per FTE per year) times the mean assessment time.
    const double slots = *fte * *per_fte * node.duration.Mean() / kDaysPerYear;
    const auto places =
        DerivedPlaces(slots, r.PointerOf("fte"),
                      "fte x assessments_per_fte_per_year x the mean assessment_time (in years)");
    node.capacity = {{0.0, std::max(1, places.value_or(1))}};
    if (*fte == 0) node.capacity = {{0.0, 0}};
  } else {
    node.capacity = {{0.0, kUnlimited}};
  }
  if (const auto cost = r.Number("cost_per_fte", Check::kNonNegative)) {
    if (fte) ReadYearlyAmount(Json(*fte * *cost), r.PointerOf("cost_per_fte"), &node.fixed);
  }
  node.tariff = RateCurve::Constant(0, m_->calendar.horizon());
  node.pgb_tariff = node.tariff;
  dm.toegang = m_->num_nodes();
  m_->nodes.push_back(std::move(node));
  node_ptr_.push_back(ptr);
  // Requests waiting for an assessment may escalate to a form straight away (crisis).
  ReadEscalation(r, dm.toegang);
  ReadToegangWhenFull(r, d);
}

void Builder::ReadToegangWhenFull(Reader& r, int d) {
  // Open end at the toegang: a request that has waited `max_wait` for an assessment is assessed
  // by interim staff (inhuur) at a price per assessment: the Awb gives the municipality 8 weeks
  // to decide on a request.
  const Json* w = r.Object("when_full");
  if (!w) return;
  DomainModel& dm = m_->domains[d];
  Reader wr(*w, r.PointerOf("when_full"), pr_);
  const auto wait = ReadSpan(wr, "max_wait");
  if (!wr.Find("max_wait"))
    wr.Missing("max_wait",
               "how long a request waits for an assessment before interim staff take it, e.g. "
               "{\"value\": 8, \"unit\": \"weeks\"}");
  const Json* interim = wr.Object("interim");
  if (!interim && !wr.Find("interim"))
    wr.Missing("interim", "the interim staff: {\"cost_per_assessment\": 2500}");
  if (!wait || !interim) return;
  Reader ir(*interim, wr.PointerOf("interim"), pr_);
  const auto cost = ir.Number("cost_per_assessment", Check::kNonNegative);
  if (!ir.Find("cost_per_assessment"))
    ir.Missing("cost_per_assessment", "the price of one assessment by interim staff, in euros");
  if (!cost) return;
  NodeModel node = m_->nodes[dm.toegang];
  node.id = "toegang_inhuur";
  node.label = ir.String("label").value_or("toegang (inhuur)");
  node.capacity = {{0.0, kUnlimited}};
  node.fixed = RateCurve();
  node.per_start = RateCurve::Constant(*cost, m_->calendar.horizon()).Times(index_);
  node.escalation_per_day = 0;
  node.escalation_to = -1;
  node.duration_key = PurposeKey("duration/" + node.key());
  node.events_key = PurposeKey("events/" + node.key());
  NodeModel& main = m_->nodes[dm.toegang];
  main.overflow_to = m_->num_nodes();
  main.max_wait = *wait;
  m_->nodes.push_back(std::move(node));
  node_ptr_.push_back(wr.PointerOf("interim"));
}

void Builder::ReadAgeLimit(const Json& j, const std::string& ptr, int d) {
  DomainModel& dm = m_->domains[d];
  Reader r(j, ptr, pr_);
  if (!r.ok()) return;
  dm.limit_age = static_cast<int>(r.Number("age", Check::kPositiveCount, 18));
  if (dm.limit_age > 100) r.Fail("age", "an age limit must be at most 100");
  double verlengd = 0;
  if (const Json* v = r.Object("verlengd")) {
    Reader vr(*v, r.PointerOf("verlengd"), pr_);
    verlengd = vr.Number("share", Check::kProbability, 0.0);
    if (!vr.Find("share"))
      vr.Missing("share", "the share of clients whose care is extended past the limit");
    dm.until_age = static_cast<int>(vr.Number("until_age", Check::kPositiveCount, 0.0));
    if (!vr.Find("until_age"))
      vr.Missing("until_age", "the age at which verlengde care ends at the latest (21 or 23)");
    else if (dm.until_age <= dm.limit_age)
      vr.Fail("until_age", *vr.Find("until_age"), "must be above the age limit");
  }
  Choice transfer;  // without transfers everyone leaves
  transfer.rest = ExitTarget(ExitType::kAgeOut);
  if (const Json* t = r.Find("transfer")) {
    if (!ReadChoice(*t, r.PointerOf("transfer"), d, {}, false, ExitTarget(ExitType::kAgeOut),
                    "transfer shares", &transfer))
      return;
    for (int32_t target : transfer.target)
      if (m_->nodes[target].domain == d) {
        Problem(r.PointerOf("transfer"),
                "a transfer at the age limit goes to a form of another domain (e.g. "
                "\"wmo.begeleiding\")");
        return;
      }
  }
  // At the limit: verlengd with its share, then the transfers, the rest leaves.
  dm.at_limit = Choice{};
  dm.at_limit.rest = ExitTarget(ExitType::kAgeOut);
  double acc = 0;
  if (verlengd > 0) {
    dm.at_limit.cum.push_back(acc = verlengd);
    dm.at_limit.target.push_back(kChoiceVerlengd);
  }
  for (size_t i = 0; i < transfer.cum.size(); ++i) {
    const double share = transfer.cum[i] - (i ? transfer.cum[i - 1] : 0.0);
    dm.at_limit.cum.push_back(acc += share);
    dm.at_limit.target.push_back(transfer.target[i]);
  }
  if (acc > 1 + kSumTolerance) {
    Json v(std::stod(Fmt(acc)));
    Problem(ptr, "verlengd share and transfer shares sum to " + Fmt(acc) + ", more than 1", &v);
  }
  // At the end of verlengde care: the transfers in the same proportions, the rest leaves.
  dm.at_until = transfer;
  if (verlengd < 1)
    for (double& c : dm.at_until.cum) c /= 1 - verlengd + 1e-300;
}

}  // namespace sdsim
