// Scenario document -> Model: reading and checking every key (see scenarios/README.md).
#include "scenario/build_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "core/random.h"
#include "scenario/reader.h"

namespace sdsim {
namespace {

constexpr double kSumTolerance = 1e-9;
const Date kDefaultStart{2025, 1, 1};
const Date kDefaultEnd{2028, 12, 31};

// Days per unit of a duration. A month is a twelfth of an average Gregorian year.
const std::map<std::string, double> kUnitDays = {
    {"days", 1.0}, {"weeks", 7.0}, {"months", 365.2425 / 12}, {"years", 365.2425}};
const std::vector<std::string> kUnits = {"days", "weeks", "months", "years"};
const std::vector<std::string> kDistTypes = {"exponential", "lognormal", "gamma",
                                             "weibull",     "fixed",     "empirical"};
const std::vector<std::string> kTariffPer = {"day", "week", "month", "year"};

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

class Builder {
 public:
  Builder(const ResolvedScenario& sc, const BuildOptions& opt, Model* m, Problems* pr)
      : sc_(sc), opt_(opt), m_(m), pr_(pr) {}

  void Build();

 private:
  // A date inside the horizon, or a problem.
  std::optional<double> ReadDay(Reader& r, const std::string& key, bool allow_before_start = false);
  std::optional<Distribution> ReadDistribution(const Json& j, const std::string& ptr);
  std::optional<Distribution> ReadEmpirical(Reader& r, double unit);
  bool ReadTariff(const Json& j, const std::string& ptr, RateCurve* out);
  bool ReadCapacity(const Json& j, const std::string& ptr, std::vector<CapacityStep>* out);
  // Resolves "form" (in `domain`) or "domain.form" to a form index, or adds a problem.
  int ResolveForm(const std::string& name, int domain, const std::string& ptr);
  // Reads {target: probability} into cumulative form; `leave_key` may be given explicitly.
  bool ReadShares(const Json& j, const std::string& ptr, int domain, bool must_sum_to_one,
                  std::vector<int>* targets, std::vector<double>* cum);

  const ResolvedScenario& sc_;
  const BuildOptions& opt_;
  Model* m_;
  Problems* pr_;
};

std::optional<double> Builder::ReadDay(Reader& r, const std::string& key, bool allow_before_start) {
  const auto s = r.String(key);
  if (!s) return std::nullopt;
  Date d;
  if (!ParseDate(*s, &d)) {
    r.Fail(key, Json(*s), "must be a date written as \"YYYY-MM-DD\" that exists (e.g. \"2027-01-01\")");
    return std::nullopt;
  }
  const double day = m_->calendar.DayOf(d);
  if ((!allow_before_start && day < 0) || day >= m_->calendar.horizon()) {
    r.Fail(key, Json(*s),
           "date outside the horizon " + FormatDate(m_->calendar.start()) + " .. " +
               FormatDate(m_->calendar.last()) + " of this scenario (start_date/end_date)");
    return std::nullopt;
  }
  return day;
}

std::optional<Distribution> Builder::ReadEmpirical(Reader& r, double unit) {
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
    Reader br((*b)[i], ptr + "/" + std::to_string(i), pr_);
    if (!br.ok()) {
      ok = false;
      continue;
    }
    Bucket bk;
    bk.lower = lower;
    if (i == 0) bk.lower = lower = br.Number("from", Check::kNonNegative, 0.0) * unit;
    else br.Known({"from"});
    const Json* upto = br.Find("upto");
    const bool last = i + 1 == b->size();
    if (!upto || upto->is_null()) {
      if (!last) {
        br.Fail("upto", "only the last bucket may be open-ended; give its upper bound");
        ok = false;
        continue;
      }
      bk.upper = INFINITY;
      const auto tail = br.Number("tail_mean", Check::kPositive);
      if (!tail) {
        if (!br.Find("tail_mean"))
          br.Missing("tail_mean", "the mean time beyond the start of the open last bucket, "
                                  "in the distribution's unit");
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
        br.Fail("upto", *upto, "bucket bounds must increase: upto must be above the previous bound " +
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
    r.Fail("buckets", Json(sum), "bucket shares must sum to 1 (they sum to " + Fmt(sum) + ")");
    return std::nullopt;
  }
  return Distribution::Empirical(std::move(buckets));
}

std::optional<Distribution> Builder::ReadDistribution(const Json& j, const std::string& ptr) {
  Reader r(j, ptr, pr_);
  if (!r.ok()) return std::nullopt;
  const auto type = r.Choice("type", kDistTypes);
  const double unit = kUnitDays.at(r.Choice("unit", kUnits).value_or("days"));
  if (!type) {
    if (!r.Find("type")) r.Missing("type", "one of exponential, lognormal, gamma, weibull, fixed, empirical");
    r.Known({"mean", "sd", "mu", "sigma", "shape", "scale", "value", "buckets"});
    return std::nullopt;
  }
  if (*type == "fixed") {
    const auto v = r.Number("value", Check::kNonNegative);
    if (!v) {
      if (!r.Find("value")) r.Missing("value", "the fixed duration");
      return std::nullopt;
    }
    return Distribution::Fixed(*v * unit);
  }
  if (*type == "empirical") return ReadEmpirical(r, unit);
  if (*type == "exponential") {
    const auto mean = r.Number("mean", Check::kPositive);
    if (!mean) {
      if (!r.Find("mean")) r.Missing("mean", "the mean duration");
      return std::nullopt;
    }
    return Distribution::Exponential(*mean * unit);
  }
  // Two-parameter families: by mean and sd, or by their natural parameters.
  const bool lognormal = *type == "lognormal";
  const char* p1 = lognormal ? "mu" : "shape";
  const char* p2 = lognormal ? "sigma" : "scale";
  const bool has_ms = r.Find("mean") || r.Find("sd");
  const bool has_nat = r.Find(p1) || r.Find(p2);
  if (has_ms && has_nat) {
    r.Fail("", std::string("give either mean and sd, or ") + p1 + " and " + p2 + " - not both");
    return std::nullopt;
  }
  if (!has_nat) {
    const auto mean = r.Number("mean", Check::kPositive);
    const auto sd = r.Number("sd", Check::kPositive);
    if (!r.Find("mean")) r.Missing("mean", "the mean duration (or give " + std::string(p1) + " and " + p2 + ")");
    if (!r.Find("sd")) r.Missing("sd", "the standard deviation of the duration (use type \"fixed\" for none)");
    if (!mean || !sd) return std::nullopt;
    if (*type == "weibull" && (*sd / *mean < 0.01 || *sd / *mean > 100)) {
      r.Fail("sd", Json(*sd), "a Weibull needs sd/mean between 0.01 and 100 (here " + Fmt(*sd / *mean) + ")");
      return std::nullopt;
    }
    const double m = *mean * unit, s = *sd * unit;
    if (lognormal) return Distribution::LognormalMeanSd(m, s);
    if (*type == "gamma") return Distribution::GammaMeanSd(m, s);
    return Distribution::WeibullMeanSd(m, s);
  }
  const auto a = r.Number(p1, lognormal ? Check::kAny : Check::kPositive);
  const auto b = r.Number(p2, Check::kPositive);
  if (!r.Find(p1)) r.Missing(p1, std::string("the ") + p1 + " parameter");
  if (!r.Find(p2)) r.Missing(p2, std::string("the ") + p2 + " parameter");
  if (!a || !b) return std::nullopt;
  if (lognormal) return Distribution::Lognormal(*a + std::log(unit), *b);
  if (*type == "gamma") return Distribution::Gamma(*a, *b * unit);
  return Distribution::Weibull(*a, *b * unit);
}

bool Builder::ReadTariff(const Json& j, const std::string& ptr, RateCurve* out) {
  // One price, or a schedule [{"from": date, "amount": .., "per": ..}, ...].
  struct Step {
    double day;
    double amount;
    std::string per;
  };
  std::vector<Step> steps;
  auto read_step = [&](const Json& s, const std::string& sp, bool first) -> bool {
    Reader r(s, sp, pr_);
    if (!r.ok()) return false;
    double day = 0;
    if (j.is_array()) {
      const auto d = ReadDay(r, "from");
      if (!d && !first) {
        if (!r.Find("from")) r.Missing("from", "the date from which this price applies");
        return false;
      }
      if (r.Find("from") && !d) return false;
      day = d.value_or(0.0);
      if (first && day != 0 && r.Find("from")) {
        r.Fail("from", *r.Find("from"), "the first price must apply from start_date (or leave out \"from\")");
        return false;
      }
      if (!steps.empty() && day <= steps.back().day) {
        r.Fail("from", *r.Find("from"), "price dates must increase");
        return false;
      }
    }
    const auto amount = r.Number("amount", Check::kNonNegative);
    const auto per = r.Choice("per", kTariffPer);
    if (!r.Find("amount")) r.Missing("amount", "the price in euros");
    if (!r.Find("per")) r.Missing("per", "what the amount is per: \"day\", \"week\", \"month\" or \"year\"");
    if (!amount || !per) return false;
    steps.push_back({day, *amount, *per});
    return true;
  };
  bool ok = true;
  if (j.is_array()) {
    if (j.empty()) {
      Problem p;
      p.pointer = ptr;
      p.message = "a tariff schedule needs at least one price";
      pr_->push_back(p);
      return false;
    }
    for (size_t i = 0; i < j.size(); ++i) ok = read_step(j[i], ptr + "/" + std::to_string(i), i == 0) && ok;
  } else {
    ok = read_step(j, ptr, true);
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
  std::vector<double> rates;
  for (double t : starts) {
    const Step* active = &steps[0];
    for (const Step& s : steps)
      if (s.day <= t) active = &s;
    const Date d = cal.DateOf(t);
    double rate = active->amount;
    if (active->per == "week") rate /= 7.0;
    else if (active->per == "month") rate /= DaysInMonth(d.year, d.month);
    else if (active->per == "year") rate /= IsLeapYear(d.year) ? 366.0 : 365.0;
    rates.push_back(rate);
  }
  *out = RateCurve(std::move(starts), std::move(rates), cal.horizon());
  return true;
}

bool Builder::ReadCapacity(const Json& j, const std::string& ptr, std::vector<CapacityStep>* out) {
  out->clear();
  if (j.is_number()) {
    std::string rule;
    const double v = j.get<double>();
    if (!CheckNumber(v, Check::kCount, &rule)) {
      Problem p;
      p.pointer = ptr;
      p.value = ShortJson(j);
      p.message = "capacity " + rule + " (places); leave it out for no cap";
      pr_->push_back(p);
      return false;
    }
    out->push_back({0.0, static_cast<int>(v)});
    return true;
  }
  if (!j.is_array() || j.empty()) {
    Problem p;
    p.pointer = ptr;
    p.value = ShortJson(j);
    p.message = "capacity must be a number of places, or a list [{\"from\": \"YYYY-MM-DD\", "
                "\"places\": n}, ...]; leave it out for no cap";
    pr_->push_back(p);
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
    if (r.Find("from")) day = ReadDay(r, "from");
    else if (i > 0) {
      r.Missing("from", "the date from which this number of places applies");
      day.reset();
    }
    const auto places = r.Number("places", Check::kCount);
    if (!r.Find("places")) r.Missing("places", "the number of places");
    if (!day || !places) {
      ok = false;
      continue;
    }
    if (i == 0 && *day != 0) {
      out->push_back({0.0, kUnlimited});  // no cap until the first date
    }
    if (!out->empty() && *day <= out->back().day && !(i == 0 && *day == 0)) {
      r.Fail("from", *r.Find("from"), "capacity dates must increase");
      ok = false;
      continue;
    }
    out->push_back({*day, static_cast<int>(*places)});
  }
  return ok;
}

int Builder::ResolveForm(const std::string& name, int domain, const std::string& ptr) {
  std::vector<std::string> candidates;
  for (int f = 0; f < m_->num_forms(); ++f) {
    const FormModel& fm = m_->forms[f];
    if (fm.domain == domain && fm.id == name) return f;
    if (fm.key() == name) return f;
    if (fm.domain == domain) candidates.push_back(fm.id);
    candidates.push_back(fm.key());
  }
  Problem p;
  p.pointer = ptr;
  p.message = "unknown care form \"" + name + "\" (use a form id of this domain, or \"domain.form\")";
  const std::string near = NearestWord(name, candidates);
  if (!near.empty()) p.message += "; did you mean \"" + near + "\"?";
  pr_->push_back(p);
  return -1;
}

bool Builder::ReadShares(const Json& j, const std::string& ptr, int domain, bool routing,
                         std::vector<int>* targets, std::vector<double>* cum) {
  targets->clear();
  cum->clear();
  if (!j.is_object()) {
    Problem p;
    p.pointer = ptr;
    p.value = ShortJson(j);
    p.message = "must be an object {\"form\": share, ...}";
    pr_->push_back(p);
    return false;
  }
  bool ok = true, explicit_leave = false;
  double sum = 0;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string kp = ptr + "/" + PointerToken(it.key());
    std::string rule;
    if (!it->is_number() || !CheckNumber(it->get<double>(), Check::kProbability, &rule)) {
      Problem p;
      p.pointer = kp;
      p.value = ShortJson(*it);
      p.message = it->is_number() ? rule : "must be a number between 0 and 1";
      pr_->push_back(p);
      ok = false;
      continue;
    }
    const double v = it->get<double>();
    sum += v;
    if (!routing && it.key() == "afgerond") {
      explicit_leave = true;
      continue;
    }
    const int f = ResolveForm(it.key(), domain, kp);
    if (f < 0) {
      ok = false;
      continue;
    }
    if (v == 0) continue;
    targets->push_back(f);
    cum->push_back((cum->empty() ? 0.0 : cum->back()) + v);
  }
  if (!ok) return false;
  if (routing || explicit_leave) {
    if (std::fabs(sum - 1.0) > kSumTolerance) {
      Problem p;
      p.pointer = ptr;
      p.value = Fmt(sum);
      p.message = routing ? "routing shares must sum to 1 (they sum to " + Fmt(sum) + ")"
                          : "transition probabilities including \"afgerond\" must sum to 1 (they sum to " +
                                Fmt(sum) + ")";
      pr_->push_back(p);
      return false;
    }
    if (routing && !cum->empty()) cum->back() = 1.0;
  } else if (sum > 1.0 + kSumTolerance) {
    Problem p;
    p.pointer = ptr;
    p.value = Fmt(sum);
    p.message = "transition probabilities sum to " + Fmt(sum) +
                ", more than 1; the rest (1 - sum) is the share that leaves care";
    pr_->push_back(p);
    return false;
  }
  return true;
}

void Builder::Build() {
  const Json& doc = sc_.doc;
  Reader top(doc, "", pr_);
  if (!top.ok()) return;
  m_->name = sc_.name;
  top.Known({"name", "description", "extends"});
  if (const Json* n = top.Find("name"); n && !n->is_string()) top.Fail("name", *n, "must be text");
  if (const Json* n = top.Find("name"); n && n->is_string() && n->get<std::string>().empty())
    top.Fail("name", *n, "must not be empty");
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
    top.Fail("end_date", Json(FormatDate(end)), "must not be before start_date " + FormatDate(start));
    dates_ok = false;
  }
  if (dates_ok && end.year - start.year > 60) {
    top.Fail("end_date", Json(FormatDate(end)), "the horizon may be at most 60 years");
    dates_ok = false;
  }
  if (!dates_ok) return;
  m_->calendar = Calendar(start, end, opt_.periods);
  const double horizon = m_->calendar.horizon();

  const Json* domains = top.Object("domains");
  if (!domains) {
    if (!top.Find("domains")) top.Missing("domains", "at least one domain with care forms, e.g. \"jeugd\"");
    return;
  }
  if (domains->empty()) {
    top.Fail("domains", *domains, "needs at least one domain");
    return;
  }
  // Pass 1: domains and forms (so transitions can refer to forms declared later).
  for (auto d = domains->begin(); d != domains->end(); ++d) {
    const std::string dptr = "/domains/" + PointerToken(d.key());
    DomainModel dm;
    dm.id = d.key();
    if (!d->is_object()) {
      Reader r(*d, dptr, pr_);
      continue;
    }
    const auto forms = d->find("forms");
    if (forms == d->end() || !forms->is_object() || forms->empty()) {
      Problem p;
      p.pointer = dptr + "/forms";
      p.message = "a domain needs at least one care form: \"forms\": {\"begeleiding\": {...}}";
      if (forms != d->end()) p.value = ShortJson(*forms);
      pr_->push_back(p);
    } else {
      for (auto f = forms->begin(); f != forms->end(); ++f) {
        FormModel fm;
        fm.domain_id = dm.id;
        fm.id = f.key();
        fm.domain = static_cast<int>(m_->domains.size());
        dm.forms.push_back(m_->num_forms());
        m_->forms.push_back(std::move(fm));
      }
    }
    m_->domains.push_back(std::move(dm));
  }
  // Pass 2: everything else.
  int di = 0;
  for (auto d = domains->begin(); d != domains->end(); ++d) {
    if (!d->is_object()) continue;
    const std::string dptr = "/domains/" + PointerToken(d.key());
    Reader dr(*d, dptr, pr_);
    DomainModel& dm = m_->domains[di];
    dm.label = dr.String("label").value_or(dm.id);
    dr.Known({"forms"});
    // New clients: a rate per calendar year (spread over that year's days, so a leap year has
    // fewer per day) or a constant rate per day.
    const auto per_year = dr.Number("arrivals_per_year", Check::kNonNegative);
    const auto per_day = dr.Number("arrivals_per_day", Check::kNonNegative);
    if (dr.Find("arrivals_per_year") && dr.Find("arrivals_per_day"))
      dr.Fail("arrivals_per_day", *dr.Find("arrivals_per_day"),
              "give either arrivals_per_year or arrivals_per_day, not both");
    else if (!dr.Find("arrivals_per_year") && !dr.Find("arrivals_per_day"))
      dr.Missing("arrivals_per_year", "the expected number of new clients per year in this domain");
    const Json* routing = dr.Find("routing");
    SourceModel src;
    src.id = dm.id;
    src.domain = di;
    bool routing_ok = false;
    if (routing) {
      routing_ok = ReadShares(*routing, dptr + "/routing", di, true, &src.route_form, &src.route_cum);
    } else if (dm.forms.size() == 1) {
      src.route_form = {dm.forms[0]};
      src.route_cum = {1.0};
      routing_ok = true;
    } else {
      dr.Missing("routing", "the share of new clients that goes to each form, summing to 1");
    }
    const double rate = per_year.value_or(0.0) + per_day.value_or(0.0);
    if ((per_year || per_day) && routing_ok && rate > 0) {
      if (per_day) {
        src.intensity = RateCurve::Constant(*per_day, horizon);
      } else {
        std::vector<double> starts = m_->calendar.YearStarts(), rates;
        starts.pop_back();
        for (double t : starts)
          rates.push_back(*per_year / (IsLeapYear(m_->calendar.DateOf(t).year) ? 366.0 : 365.0));
        src.intensity = RateCurve(starts, rates, horizon);
      }
      src.arrival_key = PurposeKey("arrivals/" + dm.id);
      src.routing_key = PurposeKey("routing/" + dm.id);
      m_->sources.push_back(std::move(src));
    }
    const Json* forms = dr.Find("forms");
    if (forms && forms->is_object()) {
      for (auto f = forms->begin(); f != forms->end(); ++f) {
        const std::string fptr = dptr + "/forms/" + PointerToken(f.key());
        const int fi = ResolveForm(f.key(), di, fptr);
        if (fi < 0) continue;
        FormModel& fm = m_->forms[fi];
        Reader fr(*f, fptr, pr_);
        if (!fr.ok()) continue;
        fm.label = fr.String("label").value_or(fm.id);
        fm.duration_key = PurposeKey("duration/" + fm.key());
        fm.transition_key = PurposeKey("transition/" + fm.key());
        if (const Json* cap = fr.Find("capacity")) ReadCapacity(*cap, fptr + "/capacity", &fm.capacity);
        if (fm.capacity.empty()) fm.capacity.push_back({0.0, kUnlimited});
        if (const Json* dur = fr.Find("duration")) {
          if (auto dist = ReadDistribution(*dur, fptr + "/duration")) fm.duration = *dist;
        } else {
          fr.Missing("duration", "the time in care, e.g. {\"type\": \"lognormal\", \"mean\": 300, \"sd\": 250}");
        }
        if (const Json* tariff = fr.Find("tariff")) {
          ReadTariff(*tariff, fptr + "/tariff", &fm.tariff);
        } else {
          fr.Missing("tariff", "the price of care, e.g. {\"amount\": 40, \"per\": \"day\"} (0 if free)");
        }
        if (const Json* tr = fr.Find("transitions"))
          ReadShares(*tr, fptr + "/transitions", di, false, &fm.next_form, &fm.next_cum);
      }
    }
    ++di;
  }
  if (m_->domains.size() + m_->forms.size() + 1 > static_cast<size_t>(kMaxGroups)) {
    top.Fail("domains", "too many forms and domains for one scenario (at most " +
                            std::to_string(kMaxGroups) + " output rows per year)");
    return;
  }
  m_->BuildGroups();
}

}  // namespace

bool BuildModel(const ResolvedScenario& scenario, const BuildOptions& options, Model* model,
                Problems* problems) {
  const size_t before = problems->size();
  *model = Model{};
  {
    Builder b(scenario, options, model, problems);
    b.Build();
  }
  scenario.AttachFiles(problems);
  return problems->size() == before;
}

bool LoadScenario(const std::string& path, const BuildOptions& options, ResolvedScenario* resolved,
                  Model* model, Problems* problems) {
  if (!ResolveScenario(path, resolved, problems)) return false;
  return BuildModel(*resolved, options, model, problems);
}

}  // namespace sdsim
