// Reading the value types that recur in scenario files: dates, distributions, prices and
// yearly amounts (indexed), capacities and weighted choices (routing, transitions).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "scenario/builder.h"

namespace sdsim {
namespace {

const std::map<std::string, double> kUnitDays = {
    {"days", 1.0}, {"weeks", 7.0}, {"months", kDaysPerYear / 12}, {"years", kDaysPerYear}};
const std::vector<std::string> kUnits = {"days", "weeks", "months", "years"};
const std::vector<std::string> kDistTypes = {"exponential", "lognormal", "gamma",
                                             "weibull",     "fixed",     "empirical"};
const std::vector<std::string> kPricePer = {"day", "week", "month", "year", "trajectory"};

}  // namespace

std::string AmountRule(const Json& value, const std::string& rule) {
  return value.is_number() && value.get<double>() >= 0 ? rule
                                                       : "must be an amount in euros, 0 or more";
}

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

void Builder::Problem(const std::string& ptr, const std::string& message, const Json* value) {
  sdsim::Problem p;
  p.pointer = ptr;
  p.message = message;
  if (value) p.value = ShortJson(*value);
  pr_->push_back(p);
}

std::optional<double> Builder::ReadDay(Reader& r, const std::string& key) {
  const auto s = r.String(key);
  if (!s) return std::nullopt;
  Date d;
  if (!ParseDate(*s, &d)) {
    r.Fail(key, Json(*s),
           "must be a date written as \"YYYY-MM-DD\" that exists (e.g. \"2027-01-01\")");
    return std::nullopt;
  }
  const double day = m_->calendar.DayOf(d);
  if (day < 0 || day >= m_->calendar.horizon()) {
    r.Fail(key, Json(*s),
           "date outside the horizon " + FormatDate(m_->calendar.start()) + " .. " +
               FormatDate(m_->calendar.last()) + " of this scenario (start_date/end_date)");
    return std::nullopt;
  }
  return day;
}

namespace {

std::optional<Distribution> ReadEmpirical(Reader& r, double unit, Problems* pr) {
  const Json* b = r.Find("buckets");
  if (!b) {
    r.Missing("buckets", "a list of {\"upto\": .., \"share\": ..} duration buckets");
    return std::nullopt;
  }
  const std::string ptr = r.PointerOf("buckets");
  if (!b->is_array() || b->empty()) {
    r.Fail("buckets", *b, "must be a non-empty list of {\"upto\": .., \"share\": ..}");
    return std::nullopt;
  }
  std::vector<Bucket> buckets;
  double lower = 0, sum = 0;
  bool ok = true;
  for (size_t i = 0; i < b->size(); ++i) {
    Reader br((*b)[i], ptr + "/" + std::to_string(i), pr);
    if (!br.ok()) {
      ok = false;
      continue;
    }
    br.Known({"from", "upto", "share", "tail_mean"});
    Bucket bk;
    if (i == 0) lower = br.Number("from", Check::kNonNegative, 0.0) * unit;
    bk.lower = lower;
    const Json* upto = br.Find("upto");
    if (!upto || upto->is_null()) {
      if (i + 1 != b->size()) {
        br.Fail("upto", "only the last bucket may be open-ended; give its upper bound");
        ok = false;
        continue;
      }
      bk.upper = INFINITY;
      const auto tail = br.Number("tail_mean", Check::kPositive);
      if (!tail) {
        if (!br.Find("tail_mean"))
          br.Missing(
              "tail_mean",
              "the mean time beyond the start of the open last bucket, in the distribution's unit");
        ok = false;
        continue;
      }
      bk.tail_mean = *tail * unit;
    } else {
      const auto u = br.Number("upto", Check::kPositive);
      br.Known({"tail_mean"});
      if (!u) {
        ok = false;
        continue;
      }
      bk.upper = *u * unit;
      if (bk.upper <= bk.lower) {
        br.Fail("upto", *upto,
                "bucket bounds must increase: upto must be above the previous bound " +
                    Fmt(bk.lower / unit));
        ok = false;
        continue;
      }
      lower = bk.upper;
    }
    const auto share = br.Number("share", Check::kProbability);
    if (!share) {
      if (!br.Find("share")) br.Missing("share", "the fraction of durations in this bucket");
      ok = false;
      continue;
    }
    bk.share = *share;
    sum += bk.share;
    buckets.push_back(bk);
  }
  if (!ok) return std::nullopt;
  if (std::fabs(sum - 1.0) > kSumTolerance) {
    r.Fail("buckets", Json(std::stod(Fmt(sum))),
           "bucket shares must sum to 1 (they sum to " + Fmt(sum) + ")");
    return std::nullopt;
  }
  return Distribution::Empirical(std::move(buckets));
}

}  // namespace

std::optional<double> Builder::ReadSpan(Reader& r, const std::string& key) {
  const Json* v = r.Find(key);
  if (!v) return std::nullopt;
  if (v->is_number()) return r.Number(key, Check::kNonNegative);  // days
  Reader sr(*v, r.PointerOf(key), pr_);
  if (!sr.ok()) return std::nullopt;
  const auto value = sr.Number("value", Check::kNonNegative);
  const auto unit = sr.Choice("unit", kUnits);
  if (!sr.Find("value"))
    sr.Missing("value", "the length of time, e.g. 13 (with \"unit\": \"weeks\")");
  if (!sr.Find("unit")) sr.Missing("unit", "one of days, weeks, months, years");
  if (!value || !unit) return std::nullopt;
  return *value * kUnitDays.at(*unit);
}

namespace {

// A mean above this is a unit mistake ("mean": 40 with "unit": "years" meant as weeks, or 4e9):
// no stay in care lasts 150 years, and longer ones would make the start-date stock meaningless.
constexpr double kMaxMeanYears = 150;
// The spread (sd/mean) that lognormal, gamma and Weibull durations may have: outside it their
// shapes are so extreme that Boost.Math's functions no longer converge.
constexpr double kMinCv = 0.01, kMaxCv = 100;

std::string FamilyName(const std::string& type) { return type == "weibull" ? "Weibull" : type; }

// The checks every duration distribution passes, whatever way it was given: a mean of at most
// kMaxMeanYears, and for the two-parameter families a spread within [kMinCv, kMaxCv]. `key` is
// where to report (the mean or value given, or "" for the whole distribution).
std::optional<Distribution> Sane(Reader& r, const std::string& key, const Distribution& d) {
  const Json* given = key.empty() ? nullptr : r.Find(key);
  const double years = d.Mean() / kDaysPerYear;
  if (!(years <= kMaxMeanYears)) {
    const std::string what = d.kind() == DistKind::kFixed ? "a duration" : "a mean duration";
    const std::string msg = std::isfinite(years)
                                ? (key.empty() ? "these parameters give " : "is ") + what + " of " +
                                      Fmt(years) + " years, more than the " + Fmt(kMaxMeanYears) +
                                      " years sdsim allows (is the \"unit\" right?)"
                                : "these parameters give no finite mean duration";
    if (given)
      r.Fail(key, *given, msg);
    else
      r.Fail(key, msg);
    return std::nullopt;
  }
  if (d.kind() == DistKind::kLognormal || d.kind() == DistKind::kGamma ||
      d.kind() == DistKind::kWeibull) {
    const double cv = std::sqrt(d.Variance()) / d.Mean();
    if (!(cv >= kMinCv && cv <= kMaxCv)) {
      r.Fail(key, "these parameters give sd/mean " + Fmt(cv) + "; a " +
                      FamilyName(DistKindName(d.kind())) + " needs sd/mean between " + Fmt(kMinCv) +
                      " and " + Fmt(kMaxCv) + " (for no spread use type \"fixed\")");
      return std::nullopt;
    }
  }
  return d;
}

}  // namespace

std::optional<Distribution> Builder::ReadDistribution(const Json& j, const std::string& ptr) {
  Reader r(j, ptr, pr_);
  if (!r.ok()) return std::nullopt;
  const auto type = r.Choice("type", kDistTypes);
  const double unit = kUnitDays.at(r.Choice("unit", kUnits).value_or("days"));
  if (!type) {
    if (!r.Find("type"))
      r.Missing("type", "one of exponential, lognormal, gamma, weibull, fixed, empirical");
    r.Known({"mean", "sd", "mu", "sigma", "shape", "scale", "value", "buckets"});
    return std::nullopt;
  }
  if (*type == "fixed") {
    const auto v = r.Number("value", Check::kNonNegative);
    if (!v) {
      if (!r.Find("value")) r.Missing("value", "the fixed duration");
      return std::nullopt;
    }
    return Sane(r, "value", Distribution::Fixed(*v * unit));
  }
  if (*type == "empirical") {
    const auto d = ReadEmpirical(r, unit, pr_);
    return d ? Sane(r, "buckets", *d) : std::nullopt;
  }
  if (*type == "exponential") {
    const auto mean = r.Number("mean", Check::kPositive);
    if (!mean) {
      if (!r.Find("mean")) r.Missing("mean", "the mean duration");
      return std::nullopt;
    }
    return Sane(r, "mean", Distribution::Exponential(*mean * unit));
  }
  // Two-parameter families: by mean and sd, or by their natural parameters.
  const bool lognormal = *type == "lognormal";
  const std::string p1 = lognormal ? "mu" : "shape", p2 = lognormal ? "sigma" : "scale";
  r.Known({"mean", "sd", p1.c_str(), p2.c_str()});
  const bool has_ms = r.Find("mean") || r.Find("sd");
  const bool has_nat = r.Find(p1) || r.Find(p2);
  if (has_ms && has_nat) {
    r.Fail("", "give either mean and sd, or " + p1 + " and " + p2 + " - not both");
    return std::nullopt;
  }
  if (!has_nat) {
    const auto mean = r.Number("mean", Check::kPositive);
    const auto sd = r.Number("sd", Check::kPositive);
    if (!r.Find("mean")) r.Missing("mean", "the mean duration (or give " + p1 + " and " + p2 + ")");
    if (!r.Find("sd"))
      r.Missing("sd", "the standard deviation of the duration (use type \"fixed\" for none)");
    if (!mean || !sd) return std::nullopt;
    if (*sd / *mean < kMinCv || *sd / *mean > kMaxCv) {
      r.Fail("sd", Json(*sd),
             "a " + FamilyName(*type) + " needs sd/mean between " + Fmt(kMinCv) + " and " +
                 Fmt(kMaxCv) + " (here " + Fmt(*sd / *mean) + ")" +
                 (*sd / *mean < kMinCv ? "; for no spread use type \"fixed\"" : ""));
      return std::nullopt;
    }
    const double m = *mean * unit, s = *sd * unit;
    if (lognormal) return Sane(r, "mean", Distribution::LognormalMeanSd(m, s));
    if (*type == "gamma") return Sane(r, "mean", Distribution::GammaMeanSd(m, s));
    return Sane(r, "mean", Distribution::WeibullMeanSd(m, s));
  }
  const auto a = r.Number(p1, lognormal ? Check::kAny : Check::kPositive);
  const auto b = r.Number(p2, Check::kPositive);
  if (!r.Find(p1)) r.Missing(p1, "the " + p1 + " parameter");
  if (!r.Find(p2)) r.Missing(p2, "the " + p2 + " parameter");
  if (!a || !b) return std::nullopt;
  if (lognormal) return Sane(r, "", Distribution::Lognormal(*a + std::log(unit), *b));
  if (*type == "gamma") return Sane(r, "", Distribution::Gamma(*a, *b * unit));
  return Sane(r, "", Distribution::Weibull(*a, *b * unit));
}

bool Builder::ReadPrice(const Json& j, const std::string& ptr, RateCurve* daily,
                        RateCurve* per_start) {
  // One price, or a schedule [{"amount": .., "per": ..}, {"from": date, "amount": .., "per": ..}].
  struct Step {
    double day;
    double amount;
    std::string per;
  };
  std::vector<Step> steps;
  auto read_step = [&](const Json& s, const std::string& sp, bool in_schedule, bool first) -> bool {
    Reader r(s, sp, pr_);
    if (!r.ok()) return false;
    r.Known({"amount", "per"});
    if (in_schedule) r.Known({"from"});
    double day = 0;
    if (in_schedule) {
      const Json* from = r.Find("from");
      if (from) {
        const auto d = ReadDay(r, "from");
        if (!d) return false;
        if (first && *d != 0) {
          r.Fail("from", *from, "the first price must apply from start_date (leave out \"from\")");
          return false;
        }
        if (!steps.empty() && *d <= steps.back().day) {
          r.Fail("from", *from, "price dates must increase");
          return false;
        }
        day = *d;
      } else if (!first) {
        r.Missing("from", "the date from which this price applies");
        return false;
      }
    }
    const auto amount = r.Number("amount", Check::kNonNegative);
    const auto per = r.Choice("per", kPricePer);
    if (!r.Find("amount")) r.Missing("amount", "the price in euros");
    if (!r.Find("per"))
      r.Missing("per",
                "what the amount is per: \"day\", \"week\", \"month\", \"year\" or \"trajectory\"");
    if (!amount || !per) return false;
    steps.push_back({day, *amount, *per});
    return true;
  };
  bool ok = true;
  if (!j.is_array() && !j.is_object()) {
    Problem(ptr,
            "a price is written {\"amount\": 40, \"per\": \"day\"} (per day, week, month, year or "
            "trajectory)",
            &j);
    return false;
  }
  if (j.is_array()) {
    if (j.empty()) {
      Problem(ptr, "a price schedule needs at least one price");
      return false;
    }
    for (size_t i = 0; i < j.size(); ++i)
      ok = read_step(j[i], ptr + "/" + std::to_string(i), true, i == 0) && ok;
  } else {
    ok = read_step(j, ptr, false, true);
  }
  if (!ok) return false;
  // Daily rate per segment: a monthly price is spread over the days of each calendar month, a
  // yearly price over the days of each calendar year (366 in a leap year).
  const Calendar& cal = m_->calendar;
  std::vector<double> starts = cal.MonthStarts();
  starts.pop_back();
  for (const Step& s : steps) starts.push_back(s.day);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::vector<double> rates, once;
  for (double t : starts) {
    const Step* active = &steps[0];
    for (const Step& s : steps)
      if (s.day <= t) active = &s;
    const Date d = cal.DateOf(t);
    double rate = active->amount;
    if (active->per == "week")
      rate /= 7.0;
    else if (active->per == "month")
      rate /= DaysInMonth(d.year, d.month);
    else if (active->per == "year")
      rate /= IsLeapYear(d.year) ? 366.0 : 365.0;
    const bool trajectory = active->per == "trajectory";
    rates.push_back(trajectory ? 0.0 : rate);
    once.push_back(trajectory ? active->amount : 0.0);
  }
  *daily = RateCurve(starts, std::move(rates), cal.horizon()).Times(index_);
  RateCurve starts_curve(std::move(starts), std::move(once), cal.horizon());
  if (per_start)
    *per_start = starts_curve.Times(index_);
  else if (starts_curve.Integral(cal.horizon()) > 0) {
    Problem(ptr,
            "a price per trajectory is not possible here; give it per day, week, month or year");
    return false;
  }
  return true;
}

bool Builder::ReadYearlyAmount(const Json& j, const std::string& ptr, RateCurve* daily) {
  if (j.is_object() && !j.contains("amount") && !j.contains("per") && !j.contains("from")) {
    // Amounts per calendar year {"2026": 300000, "2027": 600000}; years not listed are 0.
    std::map<int, double> years;
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string kp = ptr + "/" + PointerToken(it.key());
      int year = 0;
      char tail;
      std::string rule;
      if (std::sscanf(it.key().c_str(), "%d%c", &year, &tail) != 1 || year < 1900 || year > 2200) {
        Problem(kp, "keys are years, e.g. \"2026\": 300000");
        return false;
      }
      if (!it->is_number() || !CheckNumber(it->get<double>(), Check::kNonNegative, &rule)) {
        Problem(kp, AmountRule(*it, rule), &*it);
        return false;
      }
      if (m_->calendar.DayOf(Date{year, 1, 1}) >= m_->calendar.horizon() ||
          m_->calendar.DayOf(Date{year + 1, 1, 1}) <= 0) {
        Problem(kp, "year outside the horizon " + FormatDate(m_->calendar.start()) + " .. " +
                        FormatDate(m_->calendar.last()) +
                        " of this scenario (start_date/end_date)");
        return false;
      }
      years[year] = it->get<double>();
    }
    Json clean = Json::array();
    const int first = m_->calendar.start().year;
    clean.push_back(Json{{"amount", years.count(first) ? years[first] : 0.0}, {"per", "year"}});
    for (int y = first + 1; m_->calendar.DayOf(Date{y, 1, 1}) < m_->calendar.horizon(); ++y) {
      const double amount = years.count(y) ? years[y] : 0.0;
      if (amount != clean.back()["amount"].get<double>())
        clean.push_back(
            Json{{"from", FormatDate(Date{y, 1, 1})}, {"amount", amount}, {"per", "year"}});
    }
    return ReadPrice(clean, ptr, daily, nullptr);
  }
  if (j.is_number()) {
    std::string rule;
    if (!CheckNumber(j.get<double>(), Check::kNonNegative, &rule)) {
      Problem(ptr, "an amount per year " + rule, &j);
      return false;
    }
    return ReadPrice(Json{{"amount", j.get<double>()}, {"per", "year"}}, ptr, daily, nullptr);
  }
  return ReadPrice(j, ptr, daily, nullptr);
}

bool Builder::ReadCapacity(const Json& j, const std::string& ptr, std::vector<CapacityStep>* out) {
  out->clear();
  std::string rule;
  if (j.is_string()) {
    Problem(ptr, "capacity must be a number of places (without quotes); leave it out for no cap",
            &j);
    return false;
  }
  if (j.is_number()) {
    if (!CheckNumber(j.get<double>(), Check::kCount, &rule)) {
      Problem(ptr, "capacity " + rule + " (places); leave it out for no cap", &j);
      return false;
    }
    if (j.get<double>() > kMaxPlaces) {
      Problem(ptr,
              "capacity may be at most " + Fmt(kMaxPlaces) + " places; leave it out for no cap",
              &j);
      return false;
    }
    out->push_back({0.0, static_cast<int>(j.get<double>())});
    return true;
  }
  if (j.is_object()) {
    // Staffed capacity: places = FTE x clients per FTE (a lokaal team).
    Reader r(j, ptr, pr_);
    const auto fte = r.Number("fte", Check::kNonNegative);
    const auto per = r.Number("clients_per_fte", Check::kNonNegative);
    if (!r.Find("fte")) r.Missing("fte", "the staff in FTE");
    if (!r.Find("clients_per_fte"))
      r.Missing("clients_per_fte", "how many clients one FTE can help at a time");
    if (!fte || !per) return false;
    const auto places = DerivedPlaces(*fte * *per, ptr, "fte x clients_per_fte");
    if (!places) return false;
    out->push_back({0.0, *places});
    return true;
  }
  if (!j.is_array() || j.empty()) {
    Problem(
        ptr,
        "capacity must be a number of places, {\"fte\": .., \"clients_per_fte\": ..}, or a list "
        "[{\"from\": \"YYYY-MM-DD\", \"places\": n}, ...]; leave it out for no cap",
        &j);
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < j.size(); ++i) {
    Reader r(j[i], ptr + "/" + std::to_string(i), pr_);
    if (!r.ok()) {
      ok = false;
      continue;
    }
    std::optional<double> day = 0.0;
    if (r.Find("from")) {
      day = ReadDay(r, "from");
    } else if (i > 0) {
      r.Missing("from", "the date from which this number of places applies");
      day.reset();
    }
    auto places = r.Number("places", Check::kCount);
    if (!r.Find("places")) r.Missing("places", "the number of places");
    if (places && *places > kMaxPlaces) {
      r.Fail("places", *r.Find("places"), "may be at most " + Fmt(kMaxPlaces) + " places");
      places.reset();
    }
    if (!day || !places) {
      ok = false;
      continue;
    }
    if (i == 0 && *day != 0) out->push_back({0.0, kUnlimited});  // no cap until the first date
    if (!out->empty() && *day <= out->back().day && !(i == 0 && *day == 0)) {
      r.Fail("from", *r.Find("from"), "capacity dates must increase");
      ok = false;
      continue;
    }
    out->push_back({*day, static_cast<int>(*places)});
  }
  return ok;
}

std::optional<int> Builder::DerivedPlaces(double places, const std::string& ptr,
                                          const std::string& how) {
  if (!(places <= kMaxPlaces)) {
    Json v(std::stod(Fmt(places)));
    Problem(ptr,
            how + " gives " + Fmt(places) + " places, more than the " + Fmt(kMaxPlaces) +
                " a form may have " +
                (how.find("fte") != std::string::npos ? "(is the staff in FTE?)"
                                                      : "(is the budget in euros per year?)"),
            &v);
    return std::nullopt;
  }
  return static_cast<int>(std::floor(places + 1e-9));
}

int Builder::ResolveForm(const std::string& name, int domain, const std::string& ptr) {
  std::vector<std::string> candidates;
  for (int f = 0; f < m_->num_nodes(); ++f) {
    const NodeModel& n = m_->nodes[f];
    if (!n.is_care()) continue;
    if ((n.domain == domain && n.id == name) || n.key() == name) return f;
    if (n.domain == domain) candidates.push_back(n.id);
    candidates.push_back(n.key());
  }
  std::string msg =
      "unknown care form \"" + name + "\" (use a form id of this domain, or \"domain.form\")";
  const std::string near = NearestWord(name, candidates);
  if (!near.empty()) msg += "; did you mean \"" + near + "\"?";
  Problem(ptr, msg);
  return -1;
}

bool Builder::ReadChoice(const Json& j, const std::string& ptr, int domain,
                         const std::map<std::string, int32_t>& reserved, bool must_sum_to_one,
                         int32_t rest, const std::string& what, Choice* out) {
  *out = Choice{};
  out->rest = rest;
  if (!j.is_object()) {
    Problem(ptr, "must be an object {\"form\": share, ...}", &j);
    return false;
  }
  bool ok = true, explicit_rest = false;
  double sum = 0;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string kp = ptr + "/" + PointerToken(it.key());
    std::string rule;
    if (!it->is_number() || !CheckNumber(it->get<double>(), Check::kProbability, &rule)) {
      Problem(kp,
              it->is_number()   ? rule
              : it->is_string() ? "must be a number between 0 and 1 (without quotes)"
                                : "must be a number between 0 and 1",
              &*it);
      ok = false;
      continue;
    }
    const double v = it->get<double>();
    sum += v;
    int32_t target;
    const auto res = reserved.find(it.key());
    if (res != reserved.end()) {
      explicit_rest |= res->second == rest;  // e.g. an explicit "afgerond": then all is spelt out
      target = res->second;
    } else {
      target = ResolveForm(it.key(), domain, kp);
      if (target < 0) {
        ok = false;
        continue;
      }
    }
    if (v == 0) continue;
    out->target.push_back(target);
    out->cum.push_back((out->cum.empty() ? 0.0 : out->cum.back()) + v);
  }
  if (!ok) return false;
  if (must_sum_to_one || explicit_rest) {
    if (std::fabs(sum - 1.0) > kSumTolerance) {
      Json v(std::stod(Fmt(sum)));
      Problem(ptr, what + " must sum to 1 (they sum to " + Fmt(sum) + ")", &v);
      return false;
    }
    if (!out->cum.empty()) out->cum.back() = 1.0;
  } else if (sum > 1.0 + kSumTolerance) {
    Json v(std::stod(Fmt(sum)));
    const std::string remains = rest == ExitTarget(ExitType::kAfgerond)
                                    ? "leaves care as \"afgerond\""
                                    : "leaves the domain";
    Problem(ptr,
            what + " sum to " + Fmt(sum) + ", more than 1 (what remains below 1 " + remains + ")",
            &v);
    return false;
  }
  return true;
}

}  // namespace sdsim
