// Scenario document -> Model: the top level, indexation, population, domains and their cost
// lines (demand: build_demand.cpp; toegang and age limit: build_toegang.cpp; targets and budget:
// build_targets.cpp; care forms: build_form.cpp).
#include "scenario/build_model.h"

#include <algorithm>
#include <cmath>

#include "core/random.h"
#include "engine/metrics.h"
#include "io/files.h"
#include "scenario/builder.h"

namespace sdsim {
namespace {

const Date kDefaultStart{2025, 1, 1};
const Date kDefaultEnd{2028, 12, 31};

}  // namespace

bool ParseBandId(const std::string& id, int* lo, int* hi) {
  int a = 0, b = 0;
  char tail = 0;
  if (std::sscanf(id.c_str(), "%d-%d%c", &a, &b, &tail) == 2 && a >= 0 && b >= a && b < 200) {
    *lo = a;
    *hi = b;
    return std::to_string(a) + "-" + std::to_string(b) == id;
  }
  if (std::sscanf(id.c_str(), "%d+%c", &a, &tail) == 1 && a >= 0 && a < 200 &&
      id == std::to_string(a) + "+") {
    *lo = a;
    *hi = 200;
    return true;
  }
  return false;
}

int Builder::InternName(std::vector<std::string>* names, const std::string& name) {
  const auto it = std::find(names->begin(), names->end(), name);
  if (it != names->end()) return static_cast<int>(it - names->begin());
  names->push_back(name);
  return static_cast<int>(names->size() - 1);
}

int Builder::BandById(const std::string& id) const {
  for (size_t b = 0; b < m_->bands.size(); ++b)
    if (m_->bands[b].id == id) return static_cast<int>(b);
  return -1;
}

void Builder::ReadIndexation(Reader& top) {
  // Prices in the scenario are in base-year prices; each later year multiplies by (1 + rate).
  const Calendar& cal = m_->calendar;
  std::vector<double> starts = cal.YearStarts(), factors;
  starts.pop_back();
  int base = cal.start().year;
  std::map<int, double> rates;
  const Json* ix = top.Object("indexation");
  const bool has_indexation = ix != nullptr;
  if (ix) {
    Reader ir(*ix, top.PointerOf("indexation"), pr_);
    base = static_cast<int>(ir.Number("base_year", Check::kCount, base));
    if (base < 1900 || base > 2200) {
      ir.Fail("base_year", *ir.Find("base_year"), "must be a year between 1900 and 2200");
      base = cal.start().year;
    }
    if (const Json* r = ir.Object("rates")) {
      for (auto it = r->begin(); it != r->end(); ++it) {
        const std::string kp = ir.PointerOf("rates") + "/" + PointerToken(it.key());
        int year = 0;
        char tail;
        if (std::sscanf(it.key().c_str(), "%d%c", &year, &tail) != 1 || year < 1900 ||
            year > 2200) {
          Problem(kp, "keys of rates are years, e.g. \"2026\": 0.035");
          continue;
        }
        if (!it->is_number() || it->get<double>() <= -1 || it->get<double>() > 1) {
          Problem(
              kp,
              std::string(it->is_string() ? "must be a number (without quotes): a" : "must be a") +
                  " yearly price change as a fraction between -1 and 1 (3.5% is 0.035)",
              &*it);
          continue;
        }
        rates[year] = it->get<double>();
      }
    }
  }
  // A year without a figure uses the last known one before it (a meerjarenraming carries the last
  // VNG figure forward), or 0 when no earlier year has one; the model records which (manifest,
  // plausibility check).
  const int first = std::min(base, cal.start().year) + 1, last = std::max(base, cal.last().year);
  std::map<int, double> rate_of;
  for (int k = first; k <= last; ++k) {
    IndexYear iy;
    iy.year = k;
    if (const auto it = rates.find(k); it != rates.end()) {
      iy.rate = it->second;
      iy.given = true;
    } else if (const auto before = rates.lower_bound(k); before != rates.begin()) {
      iy.rate = std::prev(before)->second;
      iy.carried_from = std::prev(before)->first;
    }
    rate_of[k] = iy.rate;
    if (has_indexation) m_->indexation.push_back(iy);
  }
  for (double t : starts) {
    const int y = cal.DateOf(t).year;
    double f = 1;
    for (int k = base + 1; k <= y; ++k) f *= 1 + rate_of[k];
    for (int k = y + 1; k <= base; ++k) f /= 1 + rate_of[k];
    factors.push_back(f);
  }
  index_ = RateCurve(std::move(starts), std::move(factors), cal.horizon());
}

void Builder::ReadPopulation(Reader& top) {
  const Json* pop = top.Object("population");
  if (!pop) return;
  Reader pr(*pop, top.PointerOf("population"), pr_);
  const Json* bands = pr.Object("bands");
  if (!bands) {
    if (!pr.Find("bands"))
      pr.Missing("bands",
                 "the age bands, e.g. {\"0-17\": {\"count\": 8645, \"growth_per_year\": 0.01}}");
    return;
  }
  for (auto it = bands->begin(); it != bands->end(); ++it) {
    const std::string bp = pr.PointerOf("bands") + "/" + PointerToken(it.key());
    BandModel b;
    b.id = it.key();
    if (!ParseBandId(b.id, &b.lo, &b.hi)) {
      Problem(bp, "an age band is named by its ages, e.g. \"0-17\" or \"75+\"");
      continue;
    }
    for (const BandModel& o : m_->bands)
      if (b.lo <= o.hi && o.lo <= b.hi) Problem(bp, "overlaps age band \"" + o.id + "\"");
    Reader br(*it, bp, pr_);
    b.count = br.Number("count", Check::kNonNegative, 0.0);
    if (!br.Find("count"))
      br.Missing("count", "the number of inhabitants in this band on the start date");
    b.growth = br.Number("growth_per_year", Check::kAny, 0.0);
    if (b.growth <= -1 || b.growth > 1)
      br.Fail("growth_per_year", *br.Find("growth_per_year"),
              "must be a yearly change as a fraction between -1 and 1 (1.2% is 0.012)");
    m_->bands.push_back(b);
  }
}

void Builder::DeclareDomains(const Json& domains) {
  // Pass 1: every domain and form gets its index, so references can point forwards.
  for (auto d = domains.begin(); d != domains.end(); ++d) {
    const std::string dptr = "/domains/" + PointerToken(d.key());
    DomainModel dm;
    dm.id = d.key();
    dm.key = PurposeKey("domain/" + dm.id);
    const int di = static_cast<int>(m_->domains.size());
    if (d->is_object()) {
      const auto forms = d->find("forms");
      if (forms == d->end() || !forms->is_object() || forms->empty()) {
        Problem(dptr + "/forms",
                "a domain needs at least one care form: \"forms\": {\"begeleiding\": {...}}",
                forms == d->end() ? nullptr : &*forms);
      } else {
        for (auto f = forms->begin(); f != forms->end(); ++f) {
          NodeModel node;
          node.domain_id = dm.id;
          node.id = f.key();
          node.domain = di;
          dm.nodes.push_back(m_->num_nodes());
          m_->nodes.push_back(std::move(node));
          node_ptr_.push_back(dptr + "/forms/" + PointerToken(f.key()));
        }
      }
    }
    m_->domains.push_back(std::move(dm));
  }
}

void Builder::ReadCostLines(const Json& j, const std::string& ptr, int d) {
  DomainModel& dm = m_->domains[d];
  if (!j.is_object()) {
    Problem(ptr, "must be an object {\"line id\": {\"amount_per_year\": .., ...}}", &j);
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string lp = ptr + "/" + PointerToken(it.key());
    Reader r(*it, lp, pr_);
    if (!r.ok()) continue;
    for (const NodeModel& n : m_->nodes)
      if (n.domain == d && n.id == it.key())
        Problem(lp, "a cost line cannot have the same id as a care form");
    NodeModel node;
    node.kind = NodeKind::kCostLine;
    node.domain_id = dm.id;
    node.id = it.key();
    node.domain = d;
    node.label = r.String("label").value_or(it.key());
    node.pillar = InternName(&m_->pillars, r.String("pillar").value_or("samenleving"));
    node.taakveld = InternName(&m_->taakvelden, r.String("taakveld").value_or(domain_taakveld_[d]));
    node.payer = node.payer_after = InternName(&m_->payers, r.String("payer").value_or("gemeente"));
    // A line that belongs to the gedwongen kader (e.g. the gecertificeerde instellingen) counts
    // in gk_cost_share.
    node.gedwongen_kader = r.Bool("gedwongen_kader").value_or(false);
    node.investment = r.Bool("investment").value_or(false);
    dm.has_gk |= node.gedwongen_kader;
    // An amount per year, or staff: FTE x cost per FTE.
    const Json* amount = r.Find("amount_per_year");
    const auto fte = r.Number("fte", Check::kNonNegative);
    const auto cost = r.Number("cost_per_fte", Check::kNonNegative);
    if (amount && (r.Find("fte") || r.Find("cost_per_fte"))) {
      r.Fail("amount_per_year", "give amount_per_year, or fte and cost_per_fte, not both");
    } else if (amount) {
      ReadYearlyAmount(*amount, r.PointerOf("amount_per_year"), &node.fixed);
    } else if (r.Find("fte") || r.Find("cost_per_fte")) {
      if (!r.Find("fte")) r.Missing("fte", "the staff in FTE");
      if (!r.Find("cost_per_fte"))
        r.Missing("cost_per_fte", "the cost of one FTE per year, in euros");
      if (fte && cost)
        ReadYearlyAmount(Json(*fte * *cost), r.PointerOf("cost_per_fte"), &node.fixed);
    } else {
      r.Missing(
          "amount_per_year",
          "the yearly amount in euros (or a schedule of prices per year, or fte and cost_per_fte)");
    }
    node.capacity = {{0.0, kUnlimited}};
    node.tariff = RateCurve::Constant(0, m_->calendar.horizon());
    node.pgb_tariff = node.tariff;
    dm.nodes.push_back(m_->num_nodes());
    m_->nodes.push_back(std::move(node));
    node_ptr_.push_back(lp);
  }
}

void Builder::ReadDomain(const Json& j, const std::string& ptr, int d) {
  Reader dr(j, ptr, pr_);
  if (!dr.ok()) return;
  DomainModel& dm = m_->domains[d];
  dm.label = dr.String("label").value_or(dm.id);
  dr.Known({"forms"});
  if (const auto band = dr.String("band")) {
    dm.band = BandById(*band);
    if (dm.band < 0) {
      std::vector<std::string> ids;
      for (const BandModel& b : m_->bands) ids.push_back(b.id);
      std::string msg = "unknown age band (declare it under population.bands)";
      const std::string near = NearestWord(*band, ids);
      if (!near.empty()) msg += "; did you mean \"" + near + "\"?";
      dr.Fail("band", Json(*band), msg);
      dm.band_unknown = true;
    }
  }
  dm.volatility = dr.Number("volatility", Check::kNonNegative, 0.0);
  domain_taakveld_.resize(m_->domains.size(), "-");
  domain_taakveld_[d] = dr.String("taakveld").value_or("-");
  const int default_taakveld = InternName(&m_->taakvelden, domain_taakveld_[d]);
  for (int k : dm.nodes) m_->nodes[k].taakveld = default_taakveld;
  if (const Json* t = dr.Find("toegang")) ReadToegang(*t, dr.PointerOf("toegang"), d);
  // Forms first (their ids are known from pass 1; here their contents).
  const std::vector<int> forms = dm.nodes;
  if (forms.empty()) {
    // Already reported: nothing else can be checked meaningfully without forms.
    for (auto it = j.begin(); it != j.end(); ++it) dr.Find(it.key());
    return;
  }
  for (int k : forms) {
    ReadForm(j["forms"][m_->nodes[k].id], node_ptr_[k], k);
    dm.has_gk |= m_->nodes[k].gedwongen_kader;
  }
  // The toegang's interim staff (if any) report as a row of the domain.
  if (dm.toegang >= 0 && m_->nodes[dm.toegang].overflow_to >= 0)
    dm.nodes.push_back(m_->nodes[dm.toegang].overflow_to);
  ReadDemand(dr, d);
  if (const auto h = dr.String("handover_to")) {
    dm.handover = ResolveForm(*h, d, dr.PointerOf("handover_to"));
    if (dm.handover >= 0 && m_->nodes[dm.handover].domain != d) {
      dr.Fail("handover_to", Json(*h), "must be a form of this domain (the lokaal team)");
      dm.handover = -1;
    }
  }
  if (const Json* a = dr.Find("age_limit")) ReadAgeLimit(*a, dr.PointerOf("age_limit"), d);
  if (const Json* c = dr.Find("cost_lines")) ReadCostLines(*c, dr.PointerOf("cost_lines"), d);
  if (const Json* in = dr.Find("income")) ReadIncome(*in, dr.PointerOf("income"), d);
}

void Builder::Build() {
  const Json& doc = sc_.doc;
  Reader top(doc, "", pr_);
  if (!top.ok()) return;
  m_->name = sc_.name;
  top.Known({"extends", "indexation", "population", "domains", "targets", "levers", "correlations",
             "budget"});
  if (const Json* n = top.Find("name"); n && (!n->is_string() || n->get<std::string>().empty()))
    top.Fail("name", *n, "must be non-empty text");
  top.String("description");
  top.Bool("baseline");  // marks the baseline of a run (scenario/baseline.h); never inherited
  // Calendar first: dates elsewhere are checked against it.
  Date start = kDefaultStart, end = kDefaultEnd;
  bool dates_ok = true;
  for (auto [key, date] : {std::pair{"start_date", &start}, std::pair{"end_date", &end}}) {
    if (const auto s = top.String(key)) {
      if (!ParseDate(*s, date)) {
        top.Fail(key, Json(*s), "must be a date written as \"YYYY-MM-DD\" that exists");
        dates_ok = false;
      }
    } else if (top.Find(key)) {
      dates_ok = false;
    }
  }
  if (dates_ok && DaysFromCivil(end) < DaysFromCivil(start)) {
    top.Fail("end_date", Json(FormatDate(end)),
             "must not be before start_date " + FormatDate(start));
    dates_ok = false;
  }
  if (dates_ok && end.year - start.year > 60) {
    top.Fail("end_date", Json(FormatDate(end)), "the horizon may be at most 60 years");
    dates_ok = false;
  }
  if (!dates_ok) return;
  m_->calendar = Calendar(start, end, opt_.periods);
  ReadIndexation(top);
  ReadPopulation(top);
  const Json* domains = top.Object("domains");
  if (!domains) {
    if (!top.Find("domains"))
      top.Missing("domains", "at least one domain with care forms, e.g. \"jeugd\"");
    return;
  }
  if (domains->empty()) {
    top.Fail("domains", *domains, "needs at least one domain");
    return;
  }
  DeclareDomains(*domains);
  int d = 0;
  for (auto it = domains->begin(); it != domains->end(); ++it, ++d)
    ReadDomain(*it, "/domains/" + PointerToken(it.key()), d);
  if (!pr_->empty()) return;
  CheckOverflowChains();
  if (const Json* l = top.Find("levers")) ReadLevers(*l, "/levers");
  if (const Json* c = top.Find("correlations")) ReadCorrelations(*c, "/correlations");
  if (!pr_->empty()) return;
  if (!m_->BuildGroups()) {
    top.Fail("domains", "too many forms and groups for one scenario (at most " +
                            std::to_string(kMaxMaskGroups) + " output rows with client counts)");
    return;
  }
  if (const Json* t = top.Find("targets")) ReadTargets(*t, "/targets");
  if (const Json* b = top.Find("budget")) ReadBudget(*b, "/budget");
  if (pr_->empty()) EstimateWork();
}

bool BuildModel(const ResolvedScenario& scenario, const BuildOptions& options, Model* model,
                Problems* problems) {
  const size_t before = problems->size();
  *model = Model{};
  Problems local;
  {
    Builder b(scenario, options, model, &local);
    b.Build();
  }
  scenario.AttachFiles(&local);
  problems->insert(problems->end(), local.begin(), local.end());
  return problems->size() == before;
}

bool LoadScenario(const std::string& path, const BuildOptions& options, ResolvedScenario* resolved,
                  Model* model, Problems* problems) {
  if (!ResolveScenario(path, resolved, problems)) return false;
  return BuildModel(*resolved, options, model, problems);
}

}  // namespace sdsim
