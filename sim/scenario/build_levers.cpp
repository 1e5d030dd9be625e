// Reading policy levers ("levers") and the correlations of their uncertain effects
// ("correlations"): the investment scenarios of BRIEF section 5. See scenarios/README.md.
#include <Eigen/Cholesky>
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

#include "core/random.h"
#include "scenario/builder.h"

namespace sdsim {
namespace {

const std::vector<std::string> kLeverTypes = {
    "inflow",    "duration",      "reentry",     "escalation",   "tariff",      "capacity",
    "diversion", "routing_shift", "bekostiging", "payer_switch", "reassessment"};
const std::vector<std::string> kEffectDists = {"triangular", "uniform", "normal", "lognormal",
                                               "beta"};

}  // namespace

// The largest relative change a lever may have: +1000%. A demand ten times higher is a typo (a
// percentage written as a whole number) and would multiply the work of every replication.
constexpr double kMaxChange = 10;

std::optional<EffectSize> Builder::ReadEffect(Reader& r, const std::string& key, double lowest,
                                              double highest, const std::string& meaning) {
  const Json* v = r.Find(key);
  if (!v) {
    r.Missing(key, meaning);
    return std::nullopt;
  }
  auto in_range = [&](double x) { return x >= lowest && x <= highest; };
  const std::string range =
      "between " + Fmt(lowest) + " and " + (std::isinf(highest) ? "infinity" : Fmt(highest));
  if (v->is_number()) {
    if (!in_range(v->get<double>())) {
      r.Fail(key, *v, "must lie " + range);
      return std::nullopt;
    }
    return EffectSize::Fixed(v->get<double>());
  }
  Reader er(*v, r.PointerOf(key), pr_);
  if (!er.ok()) return std::nullopt;
  const auto dist = er.Choice("distribution", kEffectDists);
  er.Known({"min", "mode", "max", "mean", "sd", "alpha", "beta"});
  if (!dist) {
    if (!er.Find("distribution"))
      er.Missing("distribution", "one of triangular, uniform, normal, lognormal, beta");
    return std::nullopt;
  }
  auto need = [&](const char* k) -> std::optional<double> {
    if (!er.Find(k)) {
      er.Missing(k, std::string("the ") + k + " of the " + *dist + " distribution");
      return std::nullopt;
    }
    return er.Number(k, Check::kAny);
  };
  const double inf = INFINITY;
  std::optional<EffectSize> out;
  double lo = -inf, hi = inf;
  if (*dist == "triangular") {
    const auto a = need("min"), m = need("mode"), b = need("max");
    if (!a || !m || !b) return std::nullopt;
    if (!(*a <= *m && *m <= *b) || *a == *b) {
      er.Fail("mode", "needs min <= mode <= max and min < max");
      return std::nullopt;
    }
    out = EffectSize::Triangular(*a, *m, *b);
    lo = *a;
    hi = *b;
  } else if (*dist == "uniform") {
    const auto a = need("min"), b = need("max");
    if (!a || !b) return std::nullopt;
    if (*a >= *b) {
      er.Fail("max", "must be above min");
      return std::nullopt;
    }
    out = EffectSize::Uniform(*a, *b);
    lo = *a;
    hi = *b;
  } else if (*dist == "normal") {
    const auto m = need("mean");
    const auto s = er.Number("sd", Check::kPositive);
    if (!er.Find("sd")) er.Missing("sd", "the standard deviation");
    if (!m || !s) return std::nullopt;
    lo = er.Find("min") ? er.Number("min", Check::kAny).value_or(-inf) : -inf;
    hi = er.Find("max") ? er.Number("max", Check::kAny).value_or(inf) : inf;
    if (lo >= hi) {
      er.Fail("max", "must be above min");
      return std::nullopt;
    }
    // An untruncated upper tail counts as mean + 8 sd (drawn less than once in 10^15).
    if (lo < lowest || (std::isinf(hi) ? *m + 8 * *s : hi) > highest) {
      er.Fail("", "a normal effect here must be truncated to " + range +
                      ": give \"min\" and/or \"max\"");
      return std::nullopt;
    }
    out = EffectSize::Normal(*m, *s, lo, hi);
    if (std::isinf(hi)) hi = *m + 8 * *s;
  } else if (*dist == "lognormal") {
    const auto m = er.Number("mean", Check::kPositive);
    const auto s = er.Number("sd", Check::kPositive);
    if (!er.Find("mean")) er.Missing("mean", "the mean (a lognormal is positive)");
    if (!er.Find("sd")) er.Missing("sd", "the standard deviation");
    if (!m || !s) return std::nullopt;
    out = EffectSize::LognormalMeanSd(*m, *s);
    lo = 0;
    hi = *m + 8 * *s;  // the upper tail, as for a normal: practically never above this
  } else {
    const auto al = er.Number("alpha", Check::kPositive), be = er.Number("beta", Check::kPositive);
    if (!er.Find("alpha")) er.Missing("alpha", "the first shape parameter");
    if (!er.Find("beta")) er.Missing("beta", "the second shape parameter");
    lo = er.Find("min") ? er.Number("min", Check::kAny).value_or(0) : 0;
    hi = er.Find("max") ? er.Number("max", Check::kAny).value_or(1) : 1;
    if (!al || !be) return std::nullopt;
    if (lo >= hi) {
      er.Fail("max", "must be above min");
      return std::nullopt;
    }
    out = EffectSize::Beta(*al, *be, lo, hi);
  }
  if (lo < lowest || hi > highest) {
    er.Fail("", "the values of this distribution must lie " + range + " (here " + Fmt(lo) + " .. " +
                    Fmt(hi) + ")");
    return std::nullopt;
  }
  return out;
}

std::optional<RateCurve> Builder::ReadRamp(Reader& r) {
  // From a date (default the start date): in full at once, linearly over ramp_months (monthly
  // steps), or by calendar year {"2027": 0.5, "2028": 1}.
  const Calendar& cal = m_->calendar;
  double from = 0;
  if (r.Find("from")) {
    const auto d = ReadDay(r, "from");
    if (!d) return std::nullopt;
    from = *d;
  }
  const Json* table = r.Object("ramp");
  const auto months = r.Number("ramp_months", Check::kCount);
  if (table && r.Find("ramp_months")) {
    r.Fail("ramp", "give ramp_months or a ramp table per year, not both");
    return std::nullopt;
  }
  std::vector<double> starts{0}, levels{0};
  if (table) {
    for (auto it = table->begin(); it != table->end(); ++it) {
      const std::string kp = r.PointerOf("ramp") + "/" + PointerToken(it.key());
      int year = 0;
      char tail;
      std::string rule;
      if (std::sscanf(it.key().c_str(), "%d%c", &year, &tail) != 1) {
        Problem(kp, "keys of a ramp are years, e.g. \"2027\": 0.5");
        return std::nullopt;
      }
      if (!it->is_number() || !CheckNumber(it->get<double>(), Check::kProbability, &rule)) {
        Problem(kp, "is the fraction of the full effect reached in that year, between 0 and 1",
                &*it);
        return std::nullopt;
      }
      const double day = std::max(from, cal.DayOf(Date{year, 1, 1}));
      if (day >= cal.horizon()) continue;
      if (day <= starts.back() && starts.size() > 1) {
        Problem(kp, "ramp years must increase");
        return std::nullopt;
      }
      if (day == starts.back())
        levels.back() = it->get<double>();
      else {
        starts.push_back(day);
        levels.push_back(it->get<double>());
      }
    }
  } else if (months && *months > 0) {
    Date d = cal.DateOf(from);
    for (int k = 0; k < static_cast<int>(*months); ++k) {
      const double day = cal.DayOf(d);
      if (day >= cal.horizon()) break;
      if (day == 0)
        levels.back() = (k + 0.5) / *months;
      else {
        starts.push_back(day);
        levels.push_back((k + 0.5) / *months);
      }
      d = d.month == 12
              ? Date{d.year + 1, 1, d.day}
              : Date{d.year, d.month + 1, std::min(d.day, DaysInMonth(d.year, d.month + 1))};
    }
    const double end = cal.DayOf(d);
    if (end < cal.horizon()) {
      starts.push_back(end);
      levels.push_back(1.0);
    }
  } else {
    if (from == 0)
      levels.back() = 1.0;
    else {
      starts.push_back(from);
      levels.push_back(1.0);
    }
  }
  return RateCurve(std::move(starts), std::move(levels), cal.horizon());
}

void Builder::ReadLevers(const Json& j, const std::string& ptr) {
  // An object keyed by lever name, so that a scenario can extend several others and add to or
  // change their levers (objects merge through extends; lists would replace each other).
  if (!j.is_object()) {
    Problem(ptr, "must be an object {\"lever name\": {\"type\": .., ...}, ...}", &j);
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string lp = ptr + "/" + PointerToken(it.key());
    Reader r(*it, lp, pr_);
    if (!r.ok()) continue;
    r.Known({"type", "domain", "note", "source"});
    LeverModel lever;
    lever.name = it.key();
    r.String("note");
    r.String("source");
    const auto type = r.Choice("type", kLeverTypes);
    if (!type) {
      if (!r.Find("type"))
        r.Missing("type", "what the lever changes: inflow, duration, diversion, ...");
      r.Known({"forms", "streams", "age_bands", "to", "change", "share", "from", "ramp",
               "ramp_months", "tariff", "lump_sum", "date", "on_date", "renewal_every"});
      continue;
    }
    // The keys each type takes; others are reported as unknown (a "change" on a bekostiging would
    // otherwise be ignored without a word).
    if (*type == "inflow")
      r.Known({"streams", "age_bands", "change", "from", "ramp", "ramp_months"});
    else if (*type == "diversion" || *type == "routing_shift")
      r.Known({"forms", "to", "share", "from", "ramp", "ramp_months"});
    else if (*type == "reassessment")
      r.Known({"forms", "to", "share", "from", "ramp", "ramp_months", "on_date", "renewal_every"});
    else if (*type == "bekostiging")
      r.Known({"forms", "from", "tariff", "lump_sum"});
    else if (*type == "payer_switch")
      r.Known({"forms", "date", "to"});
    else
      r.Known({"forms", "change", "from", "ramp", "ramp_months"});
    // Domain and selection.
    const auto dname = r.String("domain");
    int d = -1;
    for (size_t k = 0; k < m_->domains.size(); ++k)
      if (dname && m_->domains[k].id == *dname) d = static_cast<int>(k);
    if (d < 0) {
      std::vector<std::string> ids;
      for (const DomainModel& dm : m_->domains) ids.push_back(dm.id);
      if (!dname) {
        if (!r.Find("domain")) r.Missing("domain", "the domain the lever acts on");
      } else {
        std::string msg = "unknown domain";
        const std::string near = NearestWord(*dname, ids);
        if (!near.empty()) msg += "; did you mean \"" + near + "\"?";
        r.Fail("domain", Json(*dname), msg);
      }
      continue;
    }
    const DomainModel& dm = m_->domains[d];
    bool ok = true;
    auto list = [&](const char* key) {
      std::vector<std::string> out;
      const Json* v = r.Find(key);
      if (!v) return out;
      if (v->is_string())
        out.push_back(v->get<std::string>());
      else if (v->is_array() &&
               std::all_of(v->begin(), v->end(), [](const Json& x) { return x.is_string(); }))
        for (const Json& x : *v) out.push_back(x.get<std::string>());
      else {
        r.Fail(key, *v, "must be an id or a list of ids");
        ok = false;
      }
      return out;
    };
    if (*type == "inflow") {
      const auto streams = list("streams");
      const auto bands = list("age_bands");
      for (const std::string& b : bands)
        if (BandById(b) < 0) {
          r.Fail("age_bands", Json(b), "unknown age band (declare it under population.bands)");
          ok = false;
        }
      for (const std::string& sname : streams) {
        bool found = false;
        for (const SourceModel& src : m_->sources) found |= src.id == dm.id + "." + sname;
        if (!found) {
          r.Fail("streams", Json(sname),
                 "no demand stream with this id in domain \"" + dm.id + "\"");
          ok = false;
        }
      }
      for (size_t s = 0; s < m_->sources.size(); ++s) {
        const SourceModel& src = m_->sources[s];
        if (src.domain != d) continue;
        if (!streams.empty() && std::find(streams.begin(), streams.end(),
                                          src.id.substr(dm.id.size() + 1)) == streams.end())
          continue;
        if (!bands.empty() && (src.band < 0 || std::find(bands.begin(), bands.end(),
                                                         m_->bands[src.band].id) == bands.end()))
          continue;
        lever.sources.push_back(static_cast<int>(s));
      }
    } else {
      const auto forms = list("forms");
      for (const std::string& f : forms) {
        if (f == "toegang" && *type == "capacity" && dm.toegang >= 0) {
          lever.nodes.push_back(dm.toegang);
          continue;
        }
        const int k = ResolveForm(f, d, r.PointerOf("forms"));
        if (k < 0)
          ok = false;
        else
          lever.nodes.push_back(k);
      }
      if (forms.empty())
        for (int k : dm.nodes)
          if (m_->nodes[k].is_care()) lever.nodes.push_back(k);
    }
    if (!ok) continue;
    // Deterministic contract changes are applied to the model here.
    if (*type == "payer_switch") {
      const auto day = ReadDay(r, "date");
      const auto to = r.String("to");
      if (!r.Find("date")) r.Missing("date", "the date from which the other payer pays");
      if (!r.Find("to")) r.Missing("to", "the payer from that date, e.g. \"gemeente\"");
      if (!day || !to) continue;
      for (int k : lever.nodes) {
        m_->nodes[k].payer_switch_day = *day;
        m_->nodes[k].payer_after = InternName(&m_->payers, *to);
      }
      continue;
    }
    if (*type == "bekostiging") {
      const auto day = ReadDay(r, "from");
      if (!r.Find("from")) r.Missing("from", "the date the new contracts start");
      if (!day) continue;
      const Json* tariff = r.Find("tariff");
      const Json* lump = r.Object("lump_sum");
      if (!tariff && !lump) {
        r.Missing("tariff", "the new price from that date (or a lump_sum)");
        continue;
      }
      for (int k : lever.nodes) {
        NodeModel& node = m_->nodes[k];
        const RateCurve zero = RateCurve::Constant(0, m_->calendar.horizon());
        RateCurve daily = zero, once = zero, fixed = zero;
        if (tariff && !ReadPrice(*tariff, r.PointerOf("tariff"), &daily, &once)) break;
        if (lump) {
          Reader lr(*lump, r.PointerOf("lump_sum"), pr_);
          const Json* b = lr.Find("budget_per_year");
          if (!b) {
            lr.Missing("budget_per_year", "the fixed annual budget of the contract, in euros");
            break;
          }
          if (!ReadYearlyAmount(*b, lr.PointerOf("budget_per_year"), &fixed)) break;
          double amount = -1;  // one yearly amount: a number or {"amount": .., "per": "year"}
          if (b->is_number())
            amount = b->get<double>();
          else if (b->is_object() && b->value("per", "") == "year" && b->contains("amount") &&
                   (*b)["amount"].is_number())
            amount = (*b)["amount"].get<double>();
          const auto cpp = lr.Number("cost_per_place", Check::kPositive);
          if (cpp && amount < 0) {
            lr.Fail("cost_per_place",
                    "needs a single budget_per_year to derive the number of places");
            break;
          }
          if (cpp) {
            const int places = static_cast<int>(std::floor(amount / *cpp + 1e-9));
            std::vector<CapacityStep> steps;
            for (const CapacityStep& s : node.capacity)
              if (s.day < *day) steps.push_back(s);
            steps.push_back({*day, places});
            node.capacity = steps;
          }
        }
        node.tariff = node.tariff.Splice(daily, *day);
        node.pgb_tariff = node.pgb_tariff.Splice(daily, *day);
        node.per_start =
            (node.per_start.starts().empty() ? zero : node.per_start).Splice(once, *day);
        node.fixed = (node.fixed.starts().empty() ? zero : node.fixed)
                         .Splice(zero, *day)
                         .Plus(zero.Splice(fixed, *day));
      }
      continue;
    }
    // Levers with an uncertain size, phased in by a ramp.
    const bool is_share =
        *type == "diversion" || *type == "routing_shift" || *type == "reassessment";
    const auto size =
        is_share ? ReadEffect(r, "share", 0, 1,
                              "the share of requests affected (0..1, or a distribution)")
                 : ReadEffect(r, "change", -1, kMaxChange,
                              "the relative change, e.g. -0.10 for 10% less (or a distribution)");
    const auto ramp = ReadRamp(r);
    if (!size || !ramp) continue;
    lever.ramp = *ramp;
    lever.key = PurposeKey("lever/" + lever.name);
    static const std::map<std::string, LeverKind> kinds = {
        {"inflow", LeverKind::kInflow},
        {"duration", LeverKind::kDuration},
        {"reentry", LeverKind::kReentry},
        {"escalation", LeverKind::kEscalation},
        {"tariff", LeverKind::kTariff},
        {"capacity", LeverKind::kCapacity},
        {"diversion", LeverKind::kDiversion},
        {"routing_shift", LeverKind::kRoutingShift},
        {"reassessment", LeverKind::kReassessment}};
    lever.kind = kinds.at(*type);
    if (is_share) {
      const Json* to = r.Find("to");
      if (!to) {
        r.Missing("to",
                  *type == "diversion"
                      ? "the form that takes the diverted requests (the lokaal team)"
                      : "the form (or {\"form\": share, ...}) that takes the shifted entries");
        continue;
      }
      if (to->is_string()) {
        const int k = ResolveForm(to->get<std::string>(), d, r.PointerOf("to"));
        if (k < 0) continue;
        lever.to.target = {k};
        lever.to.cum = {1.0};
      } else if (*type == "routing_shift") {
        if (!ReadChoice(*to, r.PointerOf("to"), d, {}, true, 0, "shares of \"to\"", &lever.to))
          continue;
      } else {
        r.Fail("to", *to,
               *type == "diversion" ? "a diversion goes to one form (the lokaal team)"
                                    : "a reassessment moves clients to one form (the lokaal team)");
        continue;
      }
      lever.nodes.erase(std::remove_if(lever.nodes.begin(), lever.nodes.end(),
                                       [&](int k) {
                                         return std::find(lever.to.target.begin(),
                                                          lever.to.target.end(),
                                                          k) != lever.to.target.end();
                                       }),
                        lever.nodes.end());
    }
    if (lever.kind == LeverKind::kReassessment && !ReadReview(r, &lever)) continue;
    EffectModel effect;
    effect.name = lever.name;
    effect.size = *size;
    effect.key = PurposeKey("effect/" + lever.name);
    lever.effect = static_cast<int>(m_->effects.size());
    m_->effects.push_back(effect);
    m_->levers.push_back(std::move(lever));
  }
}

bool Builder::ReadReview(Reader& r, LeverModel* lever) {
  // The review date is the lever's "from" (the contract change; default the start date).
  lever->review_day = lever->ramp.starts().size() > 1 ? lever->ramp.starts()[1] : 0.0;
  if (r.Find("from")) {
    if (const auto d = ReadDay(r, "from")) lever->review_day = *d;
  }
  lever->on_date = r.Bool("on_date").value_or(true);
  if (r.Find("renewal_every")) {
    const auto days = ReadSpan(r, "renewal_every");
    if (!days) return false;
    if (*days < 1) {
      r.Fail("renewal_every", *r.Find("renewal_every"),
             "the validity of a beschikking must be at least a day (e.g. {\"value\": 12, "
             "\"unit\": \"months\"})");
      return false;
    }
    lever->validity_days = *days;
  }
  if (!lever->on_date && lever->validity_days <= 0) {
    r.Fail("on_date",
           "with \"on_date\": false the lever needs \"renewal_every\" (the validity of a "
           "beschikking), or it reviews nobody");
    return false;
  }
  // One reassessment per form: a client has one beschikking to renew.
  for (const LeverModel& other : m_->levers) {
    if (other.kind != LeverKind::kReassessment) continue;
    for (int k : lever->nodes)
      if (std::find(other.nodes.begin(), other.nodes.end(), k) != other.nodes.end()) {
        r.Fail("forms", Json(m_->nodes[k].id),
               "is already reviewed by the reassessment lever \"" + other.name +
                   "\"; one reassessment lever per form");
        return false;
      }
  }
  return true;
}

void Builder::ReadCorrelations(const Json& j, const std::string& ptr) {
  if (!j.is_array()) {
    Problem(ptr, "must be a list [{\"between\": [\"lever a\", \"lever b\"], \"rho\": 0.5}, ...]",
            &j);
    return;
  }
  const int n = static_cast<int>(m_->effects.size());
  Eigen::MatrixXd c = Eigen::MatrixXd::Identity(n, n);
  for (size_t i = 0; i < j.size(); ++i) {
    Reader r(j[i], ptr + "/" + std::to_string(i), pr_);
    if (!r.ok()) continue;
    const Json* between = r.Find("between");
    const auto rho = r.Number("rho", Check::kAny);
    if (!r.Find("rho")) r.Missing("rho", "the correlation between -1 and 1");
    if (!between) {
      r.Missing("between", "the names of two levers with an uncertain effect");
      continue;
    }
    if (!between->is_array() || between->size() != 2 || !(*between)[0].is_string() ||
        !(*between)[1].is_string()) {
      r.Fail("between", *between, "must be the names of two levers [\"a\", \"b\"]");
      continue;
    }
    int idx[2] = {-1, -1};
    std::vector<std::string> names;
    for (const EffectModel& e : m_->effects) names.push_back(e.name);
    for (int k = 0; k < 2; ++k) {
      const std::string nm = (*between)[k].get<std::string>();
      for (int e = 0; e < n; ++e)
        if (m_->effects[e].name == nm) idx[k] = e;
      if (idx[k] < 0) {
        std::string msg = "no lever named \"" + nm + "\" with an effect size";
        const std::string near = NearestWord(nm, names);
        if (!near.empty()) msg += "; did you mean \"" + near + "\"?";
        r.Fail("between", msg);
      }
    }
    if (!rho || idx[0] < 0 || idx[1] < 0) continue;
    if (*rho < -1 || *rho > 1 || idx[0] == idx[1]) {
      r.Fail("rho", Json(*rho),
             "a correlation lies between -1 and 1, between two different levers");
      continue;
    }
    c(idx[0], idx[1]) = c(idx[1], idx[0]) = *rho;
  }
  if (n == 0 || c.isIdentity()) return;
  Eigen::LLT<Eigen::MatrixXd> llt(c);
  if (llt.info() != Eigen::Success ||
      (llt.matrixL().toDenseMatrix().diagonal().array() <= 1e-12).any()) {
    Problem(ptr,
            "these correlations cannot hold together (the matrix is not positive definite); make "
            "them weaker");
    return;
  }
  const Eigen::MatrixXd l = llt.matrixL();
  m_->effect_cholesky.assign(static_cast<size_t>(n) * n, 0.0);
  for (int a = 0; a < n; ++a)
    for (int b = 0; b <= a; ++b) m_->effect_cholesky[static_cast<size_t>(a) * n + b] = l(a, b);
}

}  // namespace sdsim
