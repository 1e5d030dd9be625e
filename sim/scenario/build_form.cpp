// Reading one care form (domains.<d>.forms.<f>): capacity, duration, prices and contracts, what
// happens at the end of care, waiting, re-entry, Wlz exit and the clients in care on the start
// date. See scenarios/README.md for every key.
#include <algorithm>
#include <cmath>

#include "core/random.h"
#include "scenario/builder.h"

namespace sdsim {
namespace {

// E[min(D, W)] for a duration D and a Wlz exit W at hazard h per day: the integral of
// S(x) e^{-hx}; D's own mean without a Wlz exit.
double MeanTimeInCare(const Distribution& d, double h) {
  if (h <= 0) return d.Mean();
  const double top = std::min(d.Quantile(1 - 1e-9), 40.0 / h);
  const int steps = 1 << 14;
  const double step = top / steps;
  double sum = 0, prev = 1;
  for (int i = 1; i <= steps; ++i) {
    const double s = d.Survival(i * step) * std::exp(-h * i * step);
    sum += 0.5 * step * (prev + s);
    prev = s;
  }
  return sum;
}

}  // namespace

void Builder::ReadEscalation(Reader& r, int k) {
  NodeModel& node = m_->nodes[k];
  const Json* esc = r.Object("escalation");
  if (!esc) return;
  Reader er(*esc, r.PointerOf("escalation"), pr_);
  node.escalation_per_day = er.Number("hazard_per_day", Check::kNonNegative, 0.0);
  if (!er.Find("hazard_per_day"))
    er.Missing("hazard_per_day", "the chance per day of waiting of moving to a heavier form");
  if (const auto to = er.String("to")) {
    node.escalation_to = ResolveForm(*to, node.domain, er.PointerOf("to"));
    if (node.escalation_to == k) {
      er.Fail("to", Json(*to), "a client cannot escalate to the form they are waiting for");
      node.escalation_to = -1;
    }
  } else if (!er.Find("to")) {
    er.Missing("to", "the heavier form a waiting client escalates to");
  }
  if (node.escalation_to < 0) node.escalation_per_day = 0;
}

void Builder::ReadWhenFull(Reader& r, int k) {
  NodeModel& node = m_->nodes[k];
  const Json* w = r.Find("when_full");
  if (!w) return;
  const std::string ptr = r.PointerOf("when_full");
  if (w->is_string()) {
    if (w->get<std::string>() != "wait")
      Problem(ptr,
              "must be \"wait\" (a FIFO waiting list) or {\"overflow_to\": \"form\"} with an "
              "optional \"max_wait\"",
              w);
    return;
  }
  Reader wr(*w, ptr, pr_);
  if (!wr.ok()) return;
  const auto to = wr.String("overflow_to");
  if (!to) {
    if (!wr.Find("overflow_to"))
      wr.Missing("overflow_to",
                 "the form that takes clients when this one is full (e.g. a non-contracted "
                 "provider)");
    wr.Find("max_wait");
    return;
  }
  if (!node.capped()) {
    wr.Fail("overflow_to", Json(*to),
            "applies to a form with a capacity; this form has none, so it is never full");
    return;
  }
  const int target = ResolveForm(*to, node.domain, wr.PointerOf("overflow_to"));
  if (target < 0) return;
  if (target == k) {
    wr.Fail("overflow_to", Json(*to), "a form cannot overflow to itself");
    return;
  }
  node.max_wait = 0;
  if (wr.Find("max_wait")) {
    const auto days = ReadSpan(wr, "max_wait");
    if (!days) return;
    node.max_wait = *days;
  }
  node.overflow_to = target;
}

void Builder::CheckOverflowChains() {
  // Overflow from a full form to a full form must end somewhere: no cycles.
  for (int k = 0; k < m_->num_nodes(); ++k) {
    int at = m_->nodes[k].overflow_to, steps = 0;
    while (at >= 0 && at != k && steps <= m_->num_nodes()) {
      at = m_->nodes[at].overflow_to;
      ++steps;
    }
    if (at == k) {
      Problem(node_ptr_[k] + "/when_full/overflow_to",
              "overflow forms a circle (" + m_->nodes[k].key() +
                  " comes back to itself): the last form of a chain must wait or have no cap");
      return;
    }
  }
}

void Builder::TabulateEquilibrium(NodeModel* node) {
  // The time already spent by clients in care in a steady flow has density S(a) / E[T], with
  // S the survival of the time in care T (the duration, cut short by a Wlz exit at its hazard);
  // tabulate its inverse CDF at 1024 equal probability steps.
  const Distribution& d = node->duration;
  const double h = node->wlz_per_day;
  const double top = std::min(d.Quantile(1 - 1e-7), 200 * kDaysPerYear);
  const int steps = 1 << 14;
  const double step = top / steps;
  std::vector<double> cdf(steps + 1, 0.0);
  // The same integral without the Wlz exit (only needed when there is one).
  double prev = d.Survival(0), prev_d = prev, total_d = 0;
  for (int i = 1; i <= steps; ++i) {
    const double s_d = d.Survival(i * step), s = h > 0 ? s_d * std::exp(-h * i * step) : s_d;
    cdf[i] = cdf[i - 1] + 0.5 * step * (prev + s);
    total_d += 0.5 * step * (prev_d + s_d);
    prev = s;
    prev_d = s_d;
  }
  const double total = cdf.back();
  // The rejection step in the engine keeps a fraction E[T] / E[D] of its draws (total / total_d
  // here). Below 2% (50 tries per client on average, and without bound as the Wlz hazard grows)
  // the table is used instead.
  node->stock_by_rejection = !(total < 0.02 * total_d);
  const int n = 1024;
  node->equilibrium_quantiles.assign(n + 1, top);
  int i = 0;
  for (int k = 0; k <= n; ++k) {
    const double target = total * k / n;
    while (i < steps && cdf[i + 1] < target) ++i;
    const double span = cdf[i + 1] - cdf[i];
    node->equilibrium_quantiles[k] =
        k == n ? top : step * (i + (span > 0 ? (target - cdf[i]) / span : 0));
  }
}

void Builder::ReadForm(const Json& j, const std::string& ptr, int k) {
  NodeModel& node = m_->nodes[k];
  Reader r(j, ptr, pr_);
  if (!r.ok()) return;
  node.label = r.String("label").value_or(node.id);
  node.beschikking = r.Bool("beschikking").value_or(true);
  node.gedwongen_kader = r.Bool("gedwongen_kader").value_or(false);
  // Pillar: vangnet for beschikking-based care, meedoen for beschikkingsvrij help (BRIEF 2).
  node.pillar = InternName(&m_->pillars,
                           r.String("pillar").value_or(node.beschikking ? "vangnet" : "meedoen"));
  if (const auto t = r.String("taakveld")) node.taakveld = InternName(&m_->taakvelden, *t);
  node.duration_key = PurposeKey("duration/" + node.key());
  node.events_key = PurposeKey("events/" + node.key());
  node.stock_key = PurposeKey("stock/" + node.key());

  // Prices and contracts.
  const Json* tariff = r.Find("tariff");
  const Json* lump = r.Object("lump_sum");
  if (tariff)
    ReadPrice(*tariff, r.PointerOf("tariff"), &node.tariff, &node.per_start);
  else if (!lump && !r.Find("staff"))
    r.Missing("tariff",
              "the price of care, e.g. {\"amount\": 40, \"per\": \"day\"} (0 if free), or a "
              "lump_sum contract");
  if (!tariff) node.tariff = RateCurve::Constant(0, m_->calendar.horizon());
  std::vector<RateCurve> fixed;
  std::optional<int> lump_places;
  if (lump) {
    Reader lr(*lump, r.PointerOf("lump_sum"), pr_);
    RateCurve budget;
    const Json* b = lr.Find("budget_per_year");
    if (!b)
      lr.Missing("budget_per_year", "the fixed annual budget of the contract, in euros");
    else if (ReadYearlyAmount(*b, lr.PointerOf("budget_per_year"), &budget))
      fixed.push_back(budget);
    if (const auto cpp = lr.Number("cost_per_place", Check::kPositive)) {
      // One yearly amount (a number, or {"amount": .., "per": "year"}) gives the places.
      double amount = -1;
      if (b && b->is_number())
        amount = b->get<double>();
      else if (b && b->is_object() && b->value("per", "") == "year" && b->contains("amount") &&
               (*b)["amount"].is_number())
        amount = (*b)["amount"].get<double>();
      if (amount >= 0)
        lump_places = DerivedPlaces(amount / *cpp, lr.PointerOf("cost_per_place"),
                                    "budget_per_year / cost_per_place");
      else
        lr.Fail("cost_per_place", "needs a single budget_per_year to derive the number of places");
    }
  }
  if (const Json* staff = r.Object("staff")) {
    Reader sr(*staff, r.PointerOf("staff"), pr_);
    const auto fte = sr.Number("fte", Check::kNonNegative);
    const auto cost = sr.Number("cost_per_fte", Check::kNonNegative);
    if (!sr.Find("fte")) sr.Missing("fte", "the staff in FTE");
    if (!sr.Find("cost_per_fte"))
      sr.Missing("cost_per_fte", "the cost of one FTE per year, in euros");
    RateCurve c;
    if (fte && cost && ReadYearlyAmount(Json(*fte * *cost), sr.PointerOf("cost_per_fte"), &c))
      fixed.push_back(c);
  }
  if (const auto one_off = r.Number("one_off", Check::kNonNegative)) {
    // A one-off cost at the start of each episode (hulpmiddel, woningaanpassing), indexed.
    node.one_off = RateCurve::Constant(*one_off, m_->calendar.horizon()).Times(index_);
  }
  for (const RateCurve& c : fixed) node.fixed = node.fixed.Plus(c);
  if (const Json* pgb = r.Object("pgb")) {
    Reader pr(*pgb, r.PointerOf("pgb"), pr_);
    node.pgb_share = pr.Number("share", Check::kProbability, 0.0);
    if (!pr.Find("share")) pr.Missing("share", "the fraction of clients who choose a PGB");
    if (const Json* t = pr.Find("tariff"))
      ReadPrice(*t, pr.PointerOf("tariff"), &node.pgb_tariff, nullptr);
    else
      pr.Missing("tariff", "the PGB price, e.g. {\"amount\": 30, \"per\": \"day\"}");
  }
  if (node.pgb_tariff.starts().empty()) node.pgb_tariff = node.tariff;
  node.payer = InternName(&m_->payers, r.String("payer").value_or("gemeente"));
  node.payer_after = node.payer;
  if (const Json* sw = r.Object("payer_switch")) {
    Reader wr(*sw, r.PointerOf("payer_switch"), pr_);
    if (const auto day = ReadDay(wr, "date"))
      node.payer_switch_day = *day;
    else if (!wr.Find("date"))
      wr.Missing("date", "the date from which the other payer pays");
    if (const auto to = wr.String("to"))
      node.payer_after = InternName(&m_->payers, *to);
    else if (!wr.Find("to"))
      wr.Missing("to", "the payer from that date, e.g. \"gemeente\"");
  }

  // Capacity: places, a schedule, staffed places, or derived from a lump-sum budget.
  if (const Json* cap = r.Find("capacity"))
    ReadCapacity(*cap, r.PointerOf("capacity"), &node.capacity);
  else if (lump_places)
    node.capacity = {{0.0, *lump_places}};
  if (node.capacity.empty()) node.capacity.push_back({0.0, kUnlimited});

  if (const Json* dur = r.Find("duration")) {
    if (auto dist = ReadDistribution(*dur, r.PointerOf("duration"))) node.duration = *dist;
  } else {
    r.Missing("duration",
              "the time in care, e.g. {\"type\": \"lognormal\", \"mean\": 300, \"sd\": 250}");
  }

  // End of care: vervolghulp to forms, or typed exits; the rest is "afgerond".
  if (const Json* tr = r.Find("transitions")) {
    ReadChoice(*tr, r.PointerOf("transitions"), node.domain,
               {{"afgerond", ExitTarget(ExitType::kAfgerond)},
                {"overgedragen", ExitTarget(ExitType::kOvergedragen)},
                {"voortijdig", ExitTarget(ExitType::kVoortijdig)}},
               false, ExitTarget(ExitType::kAfgerond), "transition probabilities", &node.end);
  } else {
    node.end.rest = ExitTarget(ExitType::kAfgerond);
  }
  if (const Json* re = r.Object("reentry")) {
    Reader rr(*re, r.PointerOf("reentry"), pr_);
    node.reentry_probability = rr.Number("probability", Check::kProbability, 0.0);
    if (!rr.Find("probability"))
      rr.Missing("probability", "the chance that a client who left comes back");
    if (const Json* d = rr.Find("delay")) {
      if (auto dist = ReadDistribution(*d, rr.PointerOf("delay"))) node.reentry_delay = *dist;
    } else {
      rr.Missing("delay",
                 "the time until a client comes back, e.g. {\"type\": \"exponential\", \"mean\": "
                 "6, \"unit\": \"months\"}");
    }
    node.reentry_via_toegang =
        rr.Choice("via", {"toegang", "form"}).value_or("toegang") == "toegang";
  }
  ReadEscalation(r, k);
  ReadWhenFull(r, k);
  if (const auto wlz = r.Number("wlz_exit_per_year", Check::kProbability)) {
    // An annual probability p becomes a hazard per day: -ln(1 - p) / 365.2425.
    node.wlz_per_day = *wlz < 1 ? -std::log1p(-*wlz) / kDaysPerYear : 1.0;
  }
  node.mean_time_in_care = MeanTimeInCare(node.duration, node.wlz_per_day);

  // Clients in care (and waiting) on the start date.
  if (const Json* init = r.Object("initial")) {
    Reader ir(*init, r.PointerOf("initial"), pr_);
    node.initial_clients = static_cast<int>(ir.Number("clients", Check::kCount, 0.0));
    node.initial_waiting = static_cast<int>(ir.Number("waiting", Check::kCount, 0.0));
    node.initial_gk_share = ir.Number("gedwongen_kader_share", Check::kProbability, 0.0);
    if (const Json* ages = ir.Object("ages")) {
      std::vector<double> share(m_->bands.size(), 0.0);
      double sum = 0;
      bool ok = true;
      for (auto it = ages->begin(); it != ages->end(); ++it) {
        const std::string ap = ir.PointerOf("ages") + "/" + PointerToken(it.key());
        const int b = BandById(it.key());
        std::string rule;
        if (b < 0) {
          std::vector<std::string> ids;
          for (const BandModel& bm : m_->bands) ids.push_back(bm.id);
          std::string msg =
              "unknown age band \"" + it.key() + "\" (bands are declared under population.bands)";
          const std::string near = NearestWord(it.key(), ids);
          if (!near.empty()) msg += "; did you mean \"" + near + "\"?";
          Problem(ap, msg);
          ok = false;
        } else if (!it->is_number() ||
                   !CheckNumber(it->get<double>(), Check::kProbability, &rule)) {
          Problem(ap,
                  it->is_number()   ? rule
                  : it->is_string() ? "must be a share between 0 and 1 (without quotes)"
                                    : "must be a share between 0 and 1",
                  &*it);
          ok = false;
        } else {
          share[b] += it->get<double>();
          sum += it->get<double>();
        }
      }
      if (ok && std::fabs(sum - 1) > kSumTolerance) {
        Json v(std::stod(Fmt(sum)));
        Problem(ir.PointerOf("ages"), "age shares must sum to 1 (they sum to " + Fmt(sum) + ")",
                &v);
        ok = false;
      }
      if (ok) {
        double acc = 0;
        for (double s : share) node.initial_age_cum.push_back(acc += s);
        node.initial_age_cum.back() = 1.0;
      }
    }
    if (const Json* t = ir.Find("time_in_care")) {
      if (t->is_string() && t->get<std::string>() == "steady_state") {
        node.initial_elapsed_steady = true;
      } else if (t->is_string()) {
        ir.Fail("time_in_care", *t,
                "must be \"steady_state\" or a distribution of the time already in care");
      } else if (auto dist = ReadDistribution(*t, ir.PointerOf("time_in_care"))) {
        node.initial_elapsed_steady = false;
        node.initial_elapsed = *dist;
      }
    }
    // Each client's own time in care and age (what sdsim fit writes from records).
    auto per_client = [&](const char* key, std::vector<double>* out) {
      const Json* list = ir.Find(key);
      if (!list) return;
      bool ok = list->is_array() && !list->empty();
      for (const Json& v : *list) ok = ok && v.is_number() && v.get<double>() >= 0;
      if (!ok) {
        ir.Fail(key, *list, "must be a list of days (numbers 0 or more), one per client");
        return;
      }
      if (ir.Find("clients") && static_cast<size_t>(node.initial_clients) != list->size()) {
        ir.Fail(key, "has " + std::to_string(list->size()) + " entries but clients is " +
                         std::to_string(node.initial_clients) + "; give one per client");
        return;
      }
      if (!ir.Find("clients") && node.initial_clients == 0)
        node.initial_clients = static_cast<int>(list->size());
      for (const Json& v : *list) out->push_back(v.get<double>());
    };
    per_client("elapsed_days", &node.initial_elapsed_days);
    std::vector<double> age_days;
    per_client("age_days", &age_days);
    for (double a : age_days) node.initial_birth_days.push_back(-std::floor(a));
    if (!node.initial_elapsed_days.empty() && ir.Find("time_in_care"))
      ir.Fail("time_in_care", "give either time_in_care or elapsed_days, not both");
    if (!node.initial_elapsed_days.empty() && !node.initial_birth_days.empty() &&
        node.initial_elapsed_days.size() != node.initial_birth_days.size())
      ir.Fail("age_days", "must have as many entries as elapsed_days");
    if (!node.initial_birth_days.empty() && ir.Find("ages"))
      ir.Fail("ages", "give either ages (shares per band) or age_days, not both");
    if (node.initial_clients > 0 && node.initial_elapsed_steady && node.duration.Mean() > 0 &&
        node.initial_elapsed_days.empty())
      TabulateEquilibrium(&node);
  }
}

}  // namespace sdsim
