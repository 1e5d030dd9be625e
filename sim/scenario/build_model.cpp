// Scenario document -> Model: the top level, indexation, population, domains with their demand,
// toegang, age limit and cost lines, and targets (care forms are in build_form.cpp).
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

void Builder::ReadStream(const Json& j, const std::string& ptr, const std::string& id, int d,
                         bool shorthand) {
  // A demand stream; `shorthand` = the domain-level arrivals_per_year/routing of a simple model.
  Reader own(j, ptr, pr_);
  Reader& r = own;
  if (!r.ok()) return;
  // Every key of a stream is known, even when an early problem stops the reading.
  r.Known({"arrivals_per_year", "arrivals_per_day", "routing"});
  if (!shorthand) r.Known({"band", "per_1000", "trend_per_year", "ages", "via", "gedwongen_kader"});
  DomainModel& dm = m_->domains[d];
  SourceModel src;
  src.id = dm.id + "." + id;
  src.domain = d;
  src.arrival_key = PurposeKey("arrivals/" + (shorthand ? dm.id : src.id));
  src.routing_key = PurposeKey("routing/" + (shorthand ? dm.id : src.id));
  const Calendar& cal = m_->calendar;
  if (!shorthand) {
    if (const auto band = r.String("band")) {
      src.band = BandById(*band);
      if (src.band < 0) {
        std::vector<std::string> ids;
        for (const BandModel& b : m_->bands) ids.push_back(b.id);
        // No "did you mean" here: band ids differ by a digit ("65+", "75+") and a suggestion of
        // a neighbouring band would mislead.
        r.Fail("band", Json(*band), "unknown age band (declare it under population.bands)");
        return;
      }
    } else {
      src.band = dm.band;
      if (dm.band_unknown) return;  // the domain's band is wrong: reported there
    }
  }
  // Rate: per 1,000 inhabitants of the band (demographic drift flows in), or absolute.
  const auto per_1000 = shorthand ? std::nullopt : r.Number("per_1000", Check::kNonNegative);
  const auto per_year = r.Number("arrivals_per_year", Check::kNonNegative);
  const auto per_day = r.Number("arrivals_per_day", Check::kNonNegative);
  const int given = (r.Find("per_1000") ? 1 : 0) +
                    (per_year || r.Find("arrivals_per_year") ? 1 : 0) +
                    (r.Find("arrivals_per_day") ? 1 : 0);
  if (given > 1) {
    r.Fail("", "give one of " + std::string(shorthand ? "" : "per_1000, ") +
                   "arrivals_per_year or arrivals_per_day");
    return;
  }
  if (given == 0) {
    r.Missing(shorthand ? "arrivals_per_year" : "per_1000",
              "the expected number of new requests (per 1,000 inhabitants of the band, or "
              "arrivals_per_year)");
    return;
  }
  if (!per_1000 && !per_year && !per_day) return;  // the rate given is wrong: reported above
  if (per_1000 && src.band < 0) {
    r.Fail("per_1000", "needs an age band: give \"band\" here or on the domain");
    return;
  }
  const double trend = shorthand ? 0.0 : r.Number("trend_per_year", Check::kAny, 0.0);
  if (trend <= -1 || trend > 1) {
    r.Fail("trend_per_year", *r.Find("trend_per_year"),
           "must be a yearly change as a fraction between -1 and 1 (2% is 0.02)");
    return;
  }
  // Ages at arrival: uniform within [from, to] whole years; default the band's ages.
  if (!shorthand) {
    if (const Json* ages = r.Find("ages")) {
      if (!ages->is_array() || ages->size() != 2 || !(*ages)[0].is_number() ||
          !(*ages)[1].is_number() || (*ages)[0].get<double>() < 0 ||
          (*ages)[1].get<double>() < (*ages)[0].get<double>() || (*ages)[1].get<double>() > 120) {
        r.Fail("ages", *ages, "must be [youngest, oldest] in whole years, e.g. [0, 17]");
      } else {
        src.age_lo = (*ages)[0].get<double>();
        src.age_hi = (*ages)[1].get<double>() + 1;
      }
    } else if (src.band >= 0) {
      src.age_lo = m_->bands[src.band].lo;
      src.age_hi = std::min(m_->bands[src.band].hi, 100) + 1;
    }
  }
  if (per_day) {
    src.intensity = RateCurve::Constant(*per_day, cal.horizon());
  } else {
    std::vector<double> starts = cal.YearStarts(), rates;
    starts.pop_back();
    for (double t : starts) {
      const int year = cal.DateOf(t).year;
      const double per_year_now =
          per_1000 ? *per_1000 * m_->Population(src.band, year) / 1000 : *per_year;
      rates.push_back(per_year_now * std::pow(1 + trend, year - cal.start().year) /
                      (IsLeapYear(year) ? 366.0 : 365.0));
    }
    src.intensity = RateCurve(std::move(starts), std::move(rates), cal.horizon());
  }
  if (!shorthand) src.gedwongen_kader = r.Bool("gedwongen_kader").value_or(false);
  if (src.gedwongen_kader) dm.has_gk = true;
  // Via the toegang (default when the domain has one) or directly (huisarts, rechter).
  const std::string via =
      shorthand
          ? "direct"
          : r.Choice("via", {"toegang", "direct"}).value_or(dm.toegang >= 0 ? "toegang" : "direct");
  if (via == "toegang") {
    if (dm.toegang < 0)
      r.Fail("via", "this domain has no \"toegang\"; declare one or use \"direct\"");
    src.toegang = dm.toegang;
  }
  const std::map<std::string, int32_t> outcomes = {{"no_help", kRouteNoHelp},
                                                   {"algemene_voorziening", kRouteAv}};
  if (const Json* routing = r.Find("routing")) {
    if (ReadChoice(*routing, r.PointerOf("routing"), d, outcomes, true, kRouteNoHelp,
                   "routing shares", &src.routing))
      for (int32_t t : src.routing.target)
        if (t >= 0 && m_->nodes[t].domain != d)
          Problem(r.PointerOf("routing") + "/" + PointerToken(m_->nodes[t].key()),
                  "new requests are routed to forms of their own domain; a move to another domain "
                  "belongs in a form's transitions or the age_limit transfer");
  } else if (dm.nodes.size() == 1 && m_->nodes[dm.nodes[0]].is_care()) {
    src.routing.target = {dm.nodes[0]};
    src.routing.cum = {1.0};
  } else if (src.intensity.Integral(cal.horizon()) > 0) {
    r.Missing("routing",
              "the share of requests that goes to each form (or no_help, algemene_voorziening), "
              "summing to 1");
    return;
  }
  if (src.intensity.Integral(cal.horizon()) > 0) {
    if (src.toegang >= 0 && dm.toegang_source < 0)
      dm.toegang_source = static_cast<int>(m_->sources.size());
    m_->sources.push_back(std::move(src));
    source_ptr_.push_back(r.PointerOf(per_1000   ? "per_1000"
                                      : per_year ? "arrivals_per_year"
                                                 : "arrivals_per_day"));
  }
}

void Builder::ReadDemand(Reader& dr, int d) {
  const bool short_form = dr.Find("arrivals_per_year") || dr.Find("arrivals_per_day");
  const Json* demand = dr.Object("demand");
  if (short_form && demand) {
    dr.Fail("demand",
            "give either demand streams or arrivals_per_year/routing on the domain, not both");
    return;
  }
  if (short_form) {
    Json shorthand = Json::object();
    for (const char* k : {"arrivals_per_year", "arrivals_per_day", "routing"})
      if (const Json* v = dr.Find(k)) shorthand[k] = *v;
    ReadStream(shorthand, dr.pointer(), "new", d, true);
    return;
  }
  dr.Known({"routing"});
  if (dr.Find("routing"))
    dr.Fail("routing", "routing belongs inside a demand stream (or next to arrivals_per_year)");
  if (!demand) {
    if (!dr.Find("demand"))
      dr.Missing(
          "demand",
          "the streams of new requests, e.g. \"demand\": {\"toegang\": {\"per_1000\": 30, ...}} "
          "(or arrivals_per_year with routing for one simple stream)");
    return;
  }
  for (auto it = demand->begin(); it != demand->end(); ++it)
    ReadStream(*it, dr.PointerOf("demand") + "/" + PointerToken(it.key()), it.key(), d, false);
}

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

void Builder::ReadTargets(const Json& j, const std::string& ptr) {
  // An object keyed by the target's name, so that scenarios extending each other add targets
  // instead of replacing the list.
  if (!j.is_object()) {
    Problem(ptr,
            "must be an object {\"target name\": {\"metric\": .., \"year\": .., \"range\": [lo, "
            "hi]}, ...}",
            &j);
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string tp = ptr + "/" + PointerToken(it.key());
    Reader r(*it, tp, pr_);
    if (!r.ok()) continue;
    r.Known({"source", "metric", "year", "period", "domain", "form", "pillar", "taakveld", "payer",
             "age_band", "range", "min", "max"});
    TargetModel t;
    t.name = it.key();
    t.source = r.String("source").value_or("");
    std::vector<std::string> metrics;
    for (int m = 0; m < kNumMetrics; ++m) metrics.push_back(MetricName(m));
    const auto metric = r.Choice("metric", metrics);
    if (!metric) {
      if (!r.Find("metric")) r.Missing("metric", "the metric to check, e.g. \"clients_start\"");
      r.Known({"year", "period", "domain", "form", "pillar", "taakveld", "payer", "age_band",
               "range", "min", "max"});
      continue;
    }
    t.metric = MetricByName(metric->c_str());
    // Period: a year (its first period when reporting per half or month) or a period label.
    std::string label;
    if (const Json* y = r.Find("year"))
      label = y->is_number() ? std::to_string(y->get<int>()) : ShortJson(*y);
    if (const auto p = r.String("period")) label = *p;
    int period = -1;
    for (int p = 0; p < m_->calendar.num_periods(); ++p)
      if (m_->calendar.periods()[p].label == label ||
          (r.Find("year") && !r.Find("period") &&
           std::to_string(m_->calendar.periods()[p].year) == label && period < 0))
        period = period < 0 ? p : period;
    if (period < 0) {
      r.Fail(r.Find("period") ? "period" : "year",
             "no such period in this scenario's horizon (a year like 2026, or a label like "
             "\"2026-H1\")");
      continue;
    }
    t.period = period;
    // Selection: the output rows it refers to; several forms are summed.
    std::string sel[6] = {"all", "all", "all", "all", "all", "all"};
    const char* keys[6] = {"domain", "form", "pillar", "taakveld", "payer", "age_band"};
    std::vector<std::string> forms;
    bool ok = true;
    for (int k = 0; k < 6; ++k) {
      const Json* v = r.Find(keys[k]);
      if (!v) continue;
      if (k == 1 && v->is_array()) {
        for (const Json& f : *v)
          if (f.is_string())
            forms.push_back(f.get<std::string>());
          else
            ok = false;
        if (!ok || forms.empty()) r.Fail("form", *v, "must be a form id or a list of form ids");
      } else if (v->is_string()) {
        sel[k] = v->get<std::string>();
      } else {
        r.Fail(keys[k], *v, "must be text");
        ok = false;
      }
    }
    if (!ok) continue;
    if (forms.empty()) forms.push_back(sel[1]);
    if (forms.size() > 1 && !MetricIsAdditive(t.metric)) {
      r.Fail(
          "form",
          std::string("several forms can only be summed for counts and costs, not for ") + *metric);
      continue;
    }
    for (const std::string& f : forms) {
      int found = -1;
      for (int g = 0; g < m_->num_groups(); ++g) {
        const GroupModel& grp = m_->groups[g];
        if (grp.domain == sel[0] && grp.form == f && grp.payer == sel[4] &&
            grp.age_band == sel[5] && (grp.pillar == sel[2] || (f != "all" && sel[2] == "all")) &&
            (grp.taakveld == sel[3] || (f != "all" && sel[3] == "all")))
          found = g;
      }
      if (found < 0) {
        r.Fail("", "no output rows match this selection (domain \"" + sel[0] + "\", form \"" + f +
                       "\", pillar \"" + sel[2] + "\", taakveld \"" + sel[3] + "\", payer \"" +
                       sel[4] + "\", age_band \"" + sel[5] +
                       "\"); see summary.csv for the rows that exist");
        ok = false;
        break;
      }
      if (!MetricApplies(m_->groups[found].kind, t.metric)) {
        r.Fail("metric", Json(*metric), "is not reported for this selection");
        ok = false;
        break;
      }
      t.groups.push_back(found);
    }
    if (!ok) continue;
    t.selection = sel[0];
    for (size_t f = 0; f < forms.size(); ++f) t.selection += (f ? "+" : " / ") + forms[f];
    for (int k = 2; k < 6; ++k)
      if (sel[k] != "all") t.selection += std::string(" / ") + keys[k] + " " + sel[k];
    // Accepted values: a range, or a threshold.
    if (const Json* range = r.Find("range")) {
      if (!range->is_array() || range->size() != 2 || !(*range)[0].is_number() ||
          !(*range)[1].is_number() || (*range)[0].get<double>() > (*range)[1].get<double>()) {
        r.Fail("range", *range, "must be [lowest, highest] accepted value");
        continue;
      }
      t.lower = (*range)[0].get<double>();
      t.upper = (*range)[1].get<double>();
      r.Known({"min", "max"});
      if (r.Find("min") || r.Find("max"))
        r.Fail("range", "give range, or min and/or max, not both");
    } else {
      if (const auto lo = r.Number("min", Check::kAny)) t.lower = *lo;
      if (const auto hi = r.Number("max", Check::kAny)) t.upper = *hi;
      if (!r.Find("min") && !r.Find("max")) {
        r.Missing("range", "the accepted values: \"range\": [lo, hi], or \"min\" and/or \"max\"");
        continue;
      }
    }
    m_->targets.push_back(std::move(t));
  }
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

void Builder::ReadBudget(const Json& j, const std::string& ptr) {
  if (!j.is_object()) {
    Problem(ptr,
            "must be an object {\"line name\": {\"domain\": \"jeugd\", \"amounts\": {\"2026\": "
            "18000000}}, ...}",
            &j);
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string lp = ptr + "/" + PointerToken(it.key());
    Reader r(*it, lp, pr_);
    if (!r.ok()) continue;
    r.Known({"source", "domain", "pillar", "taakveld", "payer", "amounts"});
    r.String("source");
    // The row: a domain (optionally with a pillar), a pillar, a taakveld, a payer, or the total.
    std::string sel[4] = {"all", "all", "all", "all"};
    const char* keys[4] = {"domain", "pillar", "taakveld", "payer"};
    bool ok = true;
    for (int k = 0; k < 4; ++k)
      if (const auto v = r.String(keys[k]))
        sel[k] = *v;
      else if (r.Find(keys[k]))
        ok = false;
    if (!ok) continue;
    int group = -1;
    for (int g = 0; g < m_->num_groups(); ++g) {
      const GroupModel& grp = m_->groups[g];
      if (grp.form == "all" && grp.age_band == "all" && grp.domain == sel[0] &&
          grp.pillar == sel[1] && grp.taakveld == sel[2] && grp.payer == sel[3])
        group = g;
    }
    if (group < 0) {
      r.Fail("", "no output row matches (domain \"" + sel[0] + "\", pillar \"" + sel[1] +
                     "\", taakveld \"" + sel[2] + "\", payer \"" + sel[3] +
                     "\"); a budget line is for the total (leave all out), a domain, pillar, "
                     "taakveld or payer, a domain with a pillar, taakveld or payer, or a "
                     "taakveld with a payer");
      continue;
    }
    std::string selection;
    for (int k = 0; k < 4; ++k)
      if (sel[k] != "all")
        selection += (selection.empty() ? "" : " / ") + std::string(keys[k]) + " " + sel[k];
    if (selection.empty()) selection = "total";
    const Json* amounts = r.Object("amounts");
    if (!amounts) {
      if (!r.Find("amounts"))
        r.Missing("amounts", "the budget per year, e.g. {\"2026\": 18000000}");
      continue;
    }
    for (auto a = amounts->begin(); a != amounts->end(); ++a) {
      const std::string ap = r.PointerOf("amounts") + "/" + PointerToken(a.key());
      std::string rule;
      if (!a->is_number() || !CheckNumber(a->get<double>(), Check::kNonNegative, &rule)) {
        Problem(ap, AmountRule(*a, rule), &*a);
        continue;
      }
      int period = -1;
      for (int p = 0; p < m_->calendar.num_periods(); ++p)
        if (m_->calendar.periods()[p].label == a.key()) period = p;
      if (period < 0) {
        Problem(ap,
                "no such period in this scenario's horizon (a year like \"2026\", or a period "
                "label when "
                "reporting per half-year or month)");
        continue;
      }
      m_->budget.push_back(BudgetLine{it.key(), selection, group, period, a->get<double>()});
    }
  }
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

bool ApplyBudgetFile(const std::string& path, Model* model, Problems* problems) {
  std::string bytes, err;
  Problems local;
  Json doc;
  if (!ReadFile(path, &bytes, &err, kMaxJsonFileBytes)) {
    Problem p;
    p.file = path;
    p.message = "cannot read budget file: " + err;
    problems->push_back(p);
    return false;
  }
  if (!ParseJsonText(bytes, path, &doc, problems)) return false;
  {
    Reader top(doc, "", &local);
    if (top.ok()) {
      top.String("description");
      top.String("scenario");  // the scenario it is written for (scenario/budget_file.h)
      const Json* b = top.Find("budget");
      if (!b) {
        top.Missing("budget",
                    "the begroting lines, e.g. {\"jeugd\": {\"domain\": \"jeugd\", \"amounts\": "
                    "{\"2026\": 18000000}}}");
      } else {
        model->budget.clear();
        ResolvedScenario none;
        BuildOptions options;
        Builder builder(none, options, model, &local);
        builder.ReadBudget(*b, "/budget");
      }
    }
  }
  for (Problem& p : local) p.file = path;
  problems->insert(problems->end(), local.begin(), local.end());
  return local.empty();
}

bool LoadScenario(const std::string& path, const BuildOptions& options, ResolvedScenario* resolved,
                  Model* model, Problems* problems) {
  if (!ResolveScenario(path, resolved, problems)) return false;
  return BuildModel(*resolved, options, model, problems);
}

}  // namespace sdsim
