// Plausibility checks on single numbers: population, growth and trend, volatility, indexation,
// amounts per year and per FTE, lever sizes. See plausibility.h.
#include "scenario/plausibility.h"

#include <cmath>
#include <cstdio>

namespace sdsim {
namespace plausibility {

const Json* At(const Json& doc, const std::string& pointer) {
  try {
    const Json::json_pointer p(pointer);
    return doc.contains(p) ? &doc.at(p) : nullptr;
  } catch (const Json::exception&) {
    return nullptr;
  }
}

Problem Warn(const ResolvedScenario& sc, const std::string& pointer, const std::string& message,
             const std::string& suggestion) {
  Problem p;
  p.warning = true;
  p.pointer = pointer;
  if (const Json* v = At(sc.doc, pointer)) p.value = ShortJson(*v);
  p.message = message;
  p.suggestion = suggestion;
  return p;
}

std::string NodePointer(const NodeModel& node) {
  const std::string d = "/domains/" + PointerToken(node.domain_id);
  switch (node.kind) {
    case NodeKind::kToegang:
      return d + "/toegang";
    case NodeKind::kCostLine:
      return d + "/cost_lines/" + PointerToken(node.id);
    case NodeKind::kCare:
      break;
  }
  return d + "/forms/" + PointerToken(node.id);
}

std::string Num(double v, int digits) {
  char buf[64];
  const double mag = v == 0 ? 0 : std::floor(std::log10(std::fabs(v)));
  const int decimals = std::max(0, digits - 1 - static_cast<int>(mag));
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string Pct(double fraction) { return Num(100 * fraction, 3) + "%"; }

}  // namespace plausibility

std::string Euros(double v) {
  char buf[64];
  const bool cents = std::fabs(v) < 1000 && std::fabs(v - std::round(v)) > 0.005;
  std::snprintf(buf, sizeof buf, "%.*f", cents ? 2 : 0, std::fabs(v));
  std::string digits = buf, out, tail;
  if (cents) {
    tail = digits.substr(digits.size() - 3);
    digits.resize(digits.size() - 3);
  }
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return std::string(v < 0 ? "-" : "") + "EUR " + out + tail;
}

namespace {

using plausibility::At;
using plausibility::Num;
using plausibility::Pct;
using plausibility::Warn;

bool Whole(double v) { return std::fabs(v - std::round(v)) < 1e-9; }

}  // namespace

namespace plausibility {

std::string ThousandsHint(double v, const std::string& key) {
  // v x 1,000 written with points between the thousands, as it was probably typed.
  std::string digits = Num(v * 1000, 15), typed;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) typed += '.';
    typed += digits[i];
  }
  return (key.empty() ? "" : "\"" + key + "\": ") + digits +
         " (in JSON a point is the decimal point, so " + typed + " means " + Num(v, 6) + ", not " +
         digits + "; write numbers without a thousands separator)";
}

}  // namespace plausibility

namespace {

using plausibility::ThousandsHint;

// A yearly change above `limit` in absolute value: a percentage written as a number?
void CheckYearlyChange(const ResolvedScenario& sc, const std::string& ptr, double v, double limit,
                       const std::string& what, const std::string& normal, Problems* out) {
  if (std::fabs(v) <= limit) return;
  out->push_back(
      Warn(sc, ptr, what + " of " + Pct(v) + " a year; " + normal,
           Num(v / 100, 4) + " if you meant " + Num(v, 4) + "% (a fraction: 1.2% is 0.012)"));
}

void CheckPopulation(const ResolvedScenario& sc, const Model& m, Problems* out) {
  for (size_t b = 0; b < m.bands.size(); ++b) {
    const BandModel& band = m.bands[b];
    const std::string ptr = "/population/bands/" + PointerToken(band.id);
    if (!Whole(band.count)) {
      out->push_back(Warn(sc, ptr + "/count", "a number of inhabitants with decimals",
                          band.count < 1000 && Whole(band.count * 1000)
                              ? ThousandsHint(band.count, "")
                              : "a whole number of inhabitants"));
    } else {
      // The domains this band drives count their clients per 1,000 of it: more clients in care
      // than inhabitants means the count is off (typed in thousands?).
      double clients = 0;
      std::string domains;
      for (const DomainModel& d : m.domains) {
        if (d.band != static_cast<int>(b)) continue;
        double n = 0;
        for (int k : d.nodes) n += m.nodes[k].initial_clients;
        if (n > 0) domains += (domains.empty() ? "" : ", ") + d.id;
        clients += n;
      }
      if (clients >= 10 && clients > band.count)
        out->push_back(Warn(sc, ptr + "/count",
                            "fewer inhabitants than the " + Num(clients, 9) +
                                " clients in care on the start date in " + domains +
                                ", whose demand and clients_per_1000 are counted against this band",
                            "the number of inhabitants" +
                                (band.count * 1000 >= clients ? " (" + Num(band.count * 1000, 9) +
                                                                    " if it was typed in thousands)"
                                                              : std::string())));
    }
    CheckYearlyChange(sc, ptr + "/growth_per_year", band.growth, 0.2, "a population growth",
                      "Dronten's fastest-growing band (75+) grows about 6% a year", out);
  }
}

void CheckDomains(const ResolvedScenario& sc, const Model& m, Problems* out) {
  for (const DomainModel& d : m.domains) {
    const std::string dp = "/domains/" + PointerToken(d.id);
    if (d.volatility > 0.5)
      out->push_back(
          Warn(sc, dp + "/volatility",
               "a yearly demand factor with a standard deviation of " + Pct(d.volatility) +
                   "; national jeugdhulp use swung about 20% in a year",
               d.volatility >= 1 ? Num(d.volatility / 100, 4) + " if you meant " +
                                       Num(d.volatility, 4) + "% (a fraction: 10% is 0.1)"
                                 : "a fraction such as 0.1 (10%)"));
    if (const Json* demand = At(sc.doc, dp + "/demand"); demand && demand->is_object())
      for (auto it = demand->begin(); it != demand->end(); ++it) {
        const std::string tp = dp + "/demand/" + PointerToken(it.key()) + "/trend_per_year";
        if (const Json* t = At(sc.doc, tp); t && t->is_number())
          // Above 50% a year: a fitted trend of a small group can reach 40% (sdsim fit on the
          // example's pleegzorg over 2019-2021), a percentage typed as a number (2 for 2%) is 200%.
          CheckYearlyChange(sc, tp, t->get<double>(), 0.5, "a demand trend",
                            "national jeugdhulp use rose about 2% a year", out);
      }
  }
}

void CheckIndexation(const ResolvedScenario& sc, const Model& m, Problems* out) {
  std::string carried, flat;
  double carried_rate = 0;
  int carried_from = 0;
  // Only years after the base year are warned about: there a missing figure leaves the prices of
  // the begroting years too low. Years up to the base year only take prices back from the base
  // year (a back-cast, or a back-test that applies the same prices to the records' care days); at
  // base-year prices there is a choice, not a slip.
  int base = m.calendar.start().year;
  if (const Json* b = At(sc.doc, "/indexation/base_year"); b && b->is_number_integer())
    base = b->get<int>();
  for (const IndexYear& y : m.indexation) {
    const std::string ptr = "/indexation/rates/" + std::to_string(y.year);
    if (y.given && (y.rate > 0.15 || y.rate < -0.05))
      out->push_back(Warn(sc, ptr,
                          "a price change of " + Pct(y.rate) +
                              " in one year; VNG indexation peaked at 6.43% (2023)",
                          Num(y.rate / 100, 4) + " if you meant " + Num(y.rate, 4) + "%"));
    if (y.given || y.year <= base) continue;
    if (y.carried_from) {
      carried += (carried.empty() ? "" : ", ") + std::to_string(y.year);
      carried_rate = y.rate;
      carried_from = y.carried_from;
    } else {
      flat += (flat.empty() ? "" : ", ") + std::to_string(y.year);
    }
  }
  if (!carried.empty())
    out->push_back(Warn(sc, "/indexation/rates",
                        "no indexation figure for " + carried + " inside the horizon (to " +
                            FormatDate(m.calendar.last()) + "): the " +
                            std::to_string(carried_from) + " rate (" + Pct(carried_rate) +
                            ") is carried forward (manifest.json records this)",
                        "\"" + carried.substr(0, 4) + "\": " + Num(carried_rate, 4) +
                            " for now; put in the VNG figure once it is published"));
  if (!flat.empty())
    out->push_back(Warn(sc, "/indexation/rates",
                        "no indexation figure for " + flat +
                            " and none for an earlier year: prices do not change in " + flat,
                        "\"" + flat.substr(0, 4) + "\": with that year's VNG figure, e.g. 0.03"));
}

// An amount of money at `ptr` (if it is a plain number) below `low`: a thousands point?
void CheckAmount(const ResolvedScenario& sc, const std::string& ptr, double low,
                 const std::string& what, const std::string& context, Problems* out) {
  const Json* v = At(sc.doc, ptr);
  if (!v || !v->is_number()) return;
  const double a = v->get<double>();
  if (a <= 0 || a >= low) return;
  out->push_back(Warn(sc, ptr, what + " of " + Euros(a) + context,
                      a * 1000 >= low ? ThousandsHint(a, "") : "an amount in euros"));
}

void CheckAmounts(const ResolvedScenario& sc, const Model& m, Problems* out) {
  const std::string fte = " a year; an FTE costs a municipality EUR 60,000-120,000";
  for (const NodeModel& n : m.nodes) {
    const std::string p = plausibility::NodePointer(n);
    switch (n.kind) {
      case NodeKind::kToegang:
        CheckAmount(sc, p + "/cost_per_fte", 10000, "a cost per FTE", fte, out);
        break;
      case NodeKind::kCostLine: {
        CheckAmount(sc, p + "/cost_per_fte", 10000, "a cost per FTE", fte, out);
        CheckAmount(sc, p + "/amount_per_year", 1000, "a cost line", " a year", out);
        if (const Json* a = At(sc.doc, p + "/amount_per_year"); a && a->is_object())
          for (auto it = a->begin(); it != a->end(); ++it)
            if (!it.key().empty() && std::isdigit(static_cast<unsigned char>(it.key()[0])))
              CheckAmount(sc, p + "/amount_per_year/" + PointerToken(it.key()), 1000, "a cost line",
                          " in " + it.key(), out);
        break;
      }
      case NodeKind::kCare:
        CheckAmount(sc, p + "/staff/cost_per_fte", 10000, "a cost per FTE", fte, out);
        CheckAmount(sc, p + "/lump_sum/budget_per_year", 1000, "a lump-sum budget", " a year", out);
        break;
    }
  }
}

void CheckLevers(const ResolvedScenario& sc, Problems* out) {
  const Json* levers = At(sc.doc, "/levers");
  if (!levers || !levers->is_object()) return;
  for (auto it = levers->begin(); it != levers->end(); ++it) {
    const std::string ptr = "/levers/" + PointerToken(it.key()) + "/change";
    const Json* c = At(sc.doc, ptr);
    if (!c || !c->is_number()) continue;
    const double v = c->get<double>();
    if (v >= 2 && Whole(v))
      out->push_back(Warn(sc, ptr,
                          "a change of +" + Pct(v) + " (the lever multiplies by 1 + change)",
                          Num(v / 100, 4) + " if you meant +" + Num(v, 4) +
                              "% (a fraction: 10% more is 0.10, 10% less is -0.10)"));
  }
}

}  // namespace

Problems CheckPlausibility(const ResolvedScenario& scenario, const Model& model) {
  Problems out;
  CheckPopulation(scenario, model, &out);
  CheckDomains(scenario, model, &out);
  CheckIndexation(scenario, model, &out);
  CheckAmounts(scenario, model, &out);
  CheckLevers(scenario, &out);
  plausibility::CheckCosts(scenario, model, &out);
  // A wrong population makes every flow look wrong: the stocks are checked once it is right.
  bool population_ok = true;
  for (const Problem& p : out) population_ok &= p.pointer.rfind("/population/", 0) != 0;
  if (population_ok) plausibility::CheckStocks(scenario, model, &out);
  scenario.AttachFiles(&out);
  return out;
}

}  // namespace sdsim
