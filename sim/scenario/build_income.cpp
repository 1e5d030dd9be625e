// Reading income lines (domains.<d>.income): money coming in for a domain, such as the
// rijksbijdrage through the algemene uitkering, the funding that comes with the
// doordecentralisatie of beschermd wonen, or temporary funds with an end date. Each is an amount
// per year (nominal euros unless "indexed"), optionally ending on a date, and fixed or uncertain
// (a relative change drawn once per replication). Income lines give the income and saldo rows of
// summary.csv. See scenarios/README.md.
#include <cmath>

#include "core/random.h"
#include "scenario/builder.h"

namespace sdsim {

void Builder::ReadIncome(const Json& j, const std::string& ptr, int d) {
  const DomainModel& dm = m_->domains[d];
  if (!j.is_object()) {
    Problem(ptr, "must be an object {\"line id\": {\"amount_per_year\": .., ...}}", &j);
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string lp = ptr + "/" + PointerToken(it.key());
    Reader r(*it, lp, pr_);
    if (!r.ok()) continue;
    r.String("source");
    r.String("note");
    r.Known({"amount_per_year", "indexed", "until", "change"});
    for (const NodeModel& n : m_->nodes)
      if (n.domain == d && n.id == it.key())
        Problem(lp, "an income line cannot have the same id as a care form or cost line");
    NodeModel node;
    node.kind = NodeKind::kCostLine;
    node.is_income = true;
    node.domain_id = dm.id;
    node.id = it.key();
    node.domain = d;
    node.label = r.String("label").value_or(it.key());
    node.pillar = InternName(&m_->pillars, "samenleving");  // not used: income has no pillar row
    // BBV taakveld 0.7: algemene uitkering en overige uitkeringen gemeentefonds.
    node.taakveld = InternName(&m_->taakvelden, r.String("taakveld").value_or("0.7"));
    node.payer = node.payer_after = InternName(&m_->payers, "gemeente");
    const Json* amount = r.Find("amount_per_year");
    if (!amount) {
      r.Missing("amount_per_year",
                "the income per year in euros, e.g. 4200000 or {\"2026\": 4200000, \"2027\": "
                "4300000}");
      continue;
    }
    RateCurve daily;
    if (!ReadYearlyAmount(*amount, r.PointerOf("amount_per_year"), &daily)) continue;
    // Amounts are nominal (as in the meicirculaire and the begroting) unless "indexed": true, in
    // which case they are at base-year prices and follow the indexation like costs do.
    if (!r.Bool("indexed").value_or(false))
      daily = daily.Times(index().Map([](double x) { return x > 0 ? 1 / x : 0.0; }));
    if (r.Find("until")) {
      const auto until = ReadDay(r, "until");
      if (!until) continue;
      // Income up to and including that day (e.g. a temporary fund ending 2027-12-31).
      const double next = *until + 1;
      if (next < m_->calendar.horizon())
        daily = daily.Splice(RateCurve::Constant(0, m_->calendar.horizon()), next);
    }
    node.income = daily;
    if (r.Find("change")) {
      const auto size = ReadEffect(
          r, "change", -1, INFINITY,
          "the relative uncertainty of the amount, e.g. {\"distribution\": \"normal\", \"mean\": "
          "0, \"sd\": 0.02, \"min\": -0.1, \"max\": 0.1}");
      if (!size) continue;
      EffectModel effect;
      effect.name = "income/" + node.key();
      effect.size = *size;
      effect.key = PurposeKey("effect/" + effect.name);
      node.income_effect = static_cast<int>(m_->effects.size());
      m_->effects.push_back(effect);
    }
    node.capacity = {{0.0, kUnlimited}};
    node.tariff = RateCurve::Constant(0, m_->calendar.horizon());
    node.pgb_tariff = node.tariff;
    m_->domains[d].nodes.push_back(m_->num_nodes());
    m_->nodes.push_back(std::move(node));
    node_ptr_.push_back(lp);
  }
}

}  // namespace sdsim
