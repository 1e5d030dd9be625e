// Scenario document -> Model: a domain's demand streams (rates per 1,000 of a band, growth,
// trend, seasonality, routing) and its demand block.
#include <algorithm>
#include <cmath>

#include "core/random.h"
#include "engine/metrics.h"
#include "io/files.h"
#include "scenario/build_model.h"
#include "scenario/builder.h"

namespace sdsim {

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

}  // namespace sdsim
