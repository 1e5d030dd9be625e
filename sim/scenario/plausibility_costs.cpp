// Plausibility of prices: each care form's cost per client-year in the first year, against the
// range Dutch municipalities see for its kind of care. A form far outside (more than a factor 3)
// gets a warning that says which typing slip would bring it into the range: a thousands point
// (120.000 read as 120) or the wrong "per" (a monthly tariff typed per year). See plausibility.h.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "scenario/plausibility.h"

namespace sdsim {
namespace {

using plausibility::At;
using plausibility::Num;

// Cost per client-year in 2024 prices: for jeugdhulp estimates that reproduce the national
// spending of about EUR 8.1 bn over its users ([E]); for the Wmo and beschermd wonen derived from
// CBS and VNG figures ([D]). Single figures ("about 2,900") get a range of about 15-30% around
// them.
enum class Dom { kAny, kJeugd, kWmo, kBw };
struct Kind {
  CostRange range;
  Dom domain;
  std::vector<const char*> words;  // any of them in the form's id or label
};
const std::vector<Kind>& Kinds() {
  static const std::vector<Kind> kinds = {
      {{"JeugdzorgPlus", 150000, 250000}, Dom::kAny, {"jeugdzorgplus", "jzplus", "gesloten"}},
      {{"residential youth care (verblijf)", 60000, 120000},
       Dom::kAny,
       {"verblijf", "residentieel", "gezinshuis", "uithuis"}},
      {{"pleegzorg", 15000, 30000}, Dom::kAny, {"pleegzorg"}},
      {{"daghulp", 10000, 25000}, Dom::kAny, {"daghulp", "dagbehandeling"}},
      {{"jeugdbescherming (JB)", 10000, 15000},
       Dom::kAny,
       {"jeugdbescherming", "bescherming", "voogdij"}},
      {{"jeugdreclassering (JR)", 5000, 9000}, Dom::kAny, {"jeugdreclassering"}},
      {{"wijkteam / lokaal team", 1000, 3000}, Dom::kAny, {"lokaal", "wijkteam", "wijk_team"}},
      {{"beschermd wonen", 50000, 75000}, Dom::kBw, {""}},
      {{"beschermd wonen", 50000, 75000}, Dom::kAny, {"beschermd", "intramuraal"}},
      {{"Wmo huishoudelijke hulp", 2400, 3400}, Dom::kAny, {"huishoud", "hbh"}},
      {{"Wmo hulpmiddelen", 700, 1300}, Dom::kAny, {"hulpmiddel"}},
      {{"Wmo ondersteuning thuis", 6000, 7000},
       Dom::kWmo,
       {"begeleiding", "dagbesteding", "ondersteuning"}},
      {{"ambulant jeugdhulp", 4000, 10000},
       Dom::kJeugd,
       {"ambulant", "begeleiding", "behandeling", "ggz"}},
  };
  return kinds;
}

// Forms of no known kind are compared with the span of the whole sociaal domein.
const CostRange kAnyCare = {"care in the sociaal domein", 300, 300000};
constexpr double kFar = 3;  // a warning beyond this factor outside the range

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

Dom DomainKind(const std::string& text) {
  if (text.find("jeugd") != std::string::npos || text.find("youth") != std::string::npos)
    return Dom::kJeugd;
  if (text.find("wmo") != std::string::npos) return Dom::kWmo;
  if (text.find("beschermd") != std::string::npos) return Dom::kBw;
  return Dom::kAny;
}

// The kind of care a form is, from its id (else its label) and its domain's id and label.
const CostRange* RangeOf(const Model& m, const NodeModel& n) {
  const DomainModel& d = m.domains[n.domain];
  Dom dom = Lower(d.id) == "bw" ? Dom::kBw : DomainKind(Lower(d.id + " " + d.label));
  if (dom == Dom::kAny) dom = DomainKind(Lower(n.id + " " + n.label));
  for (const std::string& text : {Lower(n.id), Lower(n.label)})
    for (const Kind& k : Kinds()) {
      if (k.domain != Dom::kAny && k.domain != dom) continue;
      for (const char* w : k.words)
        if (text.find(w) != std::string::npos) return &k.range;
    }
  return &kAnyCare;
}

// A curve's total over the first calendar year [0, b) (scaled to a year if the horizon starts
// within a year).
double PerYear(const RateCurve& c, double b) {
  if (c.starts().empty() || b <= 0) return 0;
  return c.Integral(0, b) * (b >= 365 ? 1.0 : kDaysPerYear / b);
}

double AtStart(const RateCurve& c) { return c.starts().empty() ? 0 : c.RateAt(0); }

// How many times a year an amount "per" this unit is paid for a client in care all year.
double TimesPerYear(const std::string& per, double mean_years) {
  if (per == "day") return kDaysPerYear;
  if (per == "week") return kDaysPerYear / 7;
  if (per == "month") return 12;
  if (per == "year") return 1;
  return mean_years > 0 ? 1 / mean_years : 0;  // trajectory: once per episode
}

}  // namespace

std::vector<FormCost> FormCosts(const Model& m) {
  std::vector<FormCost> out;
  const std::vector<double> years = m.calendar.YearStarts();
  const double y1 = years.size() > 1 ? years[1] : m.calendar.horizon();
  for (int k = 0; k < m.num_nodes(); ++k) {
    const NodeModel& n = m.nodes[k];
    if (!n.is_care()) continue;
    FormCost f;
    f.node = k;
    f.pointer = plausibility::NodePointer(n);
    const double mean_years = n.duration.Mean() / kDaysPerYear;
    f.tariff_part = PerYear(n.tariff, y1);
    if (mean_years > 0) f.tariff_part += AtStart(n.per_start) / mean_years;
    f.per_client_year = f.tariff_part;
    if (mean_years > 0) f.per_client_year += AtStart(n.one_off) / mean_years;
    // Budgets and staff paid whatever the caseload, per place (or per client on the start date).
    const double fixed = PerYear(n.fixed, y1);
    const int places = n.capacity.empty() ? kUnlimited : n.capacity[0].places;
    if (fixed > 0 && places != kUnlimited && places > 0)
      f.per_client_year += fixed / places;
    else if (fixed > 0 && n.initial_clients > 0)
      f.per_client_year += fixed / n.initial_clients;
    if (f.per_client_year <= 0) continue;  // free, or nothing to divide by
    f.range = RangeOf(m, n);
    out.push_back(f);
  }
  return out;
}

namespace plausibility {

void CheckCosts(const ResolvedScenario& sc, const Model& m, Problems* out) {
  for (const FormCost& f : FormCosts(m)) {
    const CostRange& r = *f.range;
    const double c = f.per_client_year;
    if (c >= r.low / kFar && c <= r.high * kFar) continue;
    const NodeModel& n = m.nodes[f.node];
    const Json* tariff = At(sc.doc, f.pointer + "/tariff");
    const std::string where = tariff ? f.pointer + "/tariff" : f.pointer;
    const std::string message = std::string("costs ") + Euros(c) + " per client-year in " +
                                std::to_string(m.calendar.start().year) + ", far " +
                                (c < r.low ? "below" : "above") + " the Dutch range for " + r.kind +
                                " of " + Euros(r.low) + "-" + Euros(r.high).substr(4) +
                                " per client-year (scenarios/README.md, Dutch cost ranges)";
    // Which slip would bring it into the range (widened by half)? Only for a single price.
    std::string hint;
    const double mean_years = n.duration.Mean() / kDaysPerYear;
    if (tariff && tariff->is_object() && (*tariff)["amount"].is_number() &&
        (*tariff)["per"].is_string() && f.tariff_part > 0) {
      const double amount = (*tariff)["amount"].get<double>();
      const std::string per = (*tariff)["per"].get<std::string>();
      auto fits = [&](double v) { return v >= r.low / 1.5 && v <= r.high * 1.5; };
      const double rest = c - f.tariff_part;
      if (fits(rest + 1000 * f.tariff_part)) {
        hint = plausibility::ThousandsHint(amount, "amount");
      } else {
        for (const char* q : {"day", "week", "month", "year"}) {
          if (per == q) continue;
          const double scaled =
              f.tariff_part * TimesPerYear(q, mean_years) / TimesPerYear(per, mean_years);
          if (!fits(rest + scaled)) continue;
          hint = std::string("\"per\": \"") + q + "\" (" + Num(amount, 6) + " per " + q + " is " +
                 Euros(rest + scaled) + " per client-year)";
          break;
        }
      }
    }
    if (hint.empty())
      hint = "a price that gives " + Euros(r.low) + "-" + Euros(r.high).substr(4) +
             " per client-year; check the amount and \"per\"";
    out->push_back(Warn(sc, where, message, hint));
  }
}

}  // namespace plausibility
}  // namespace sdsim
