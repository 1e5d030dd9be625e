// FitRecords: the observation window, then every estimate in turn (see estimate.h).
#include "fit/estimate.h"

#include <algorithm>

#include "core/calendar.h"

namespace sdsim {

bool FitRecords(const RecordSet& r, const PopulationTable& pop, const FitOptions& o, FitResult* out,
                std::string* error) {
  *out = FitResult{};
  // The window: by default from the earliest end date (an extract that is complete from some day
  // on holds no episode that ended before it, so the earliest end is never before that day) to
  // the latest date in the file.
  out->extract = o.extract != kNoDate ? o.extract : r.last_date;
  out->from = o.from != kNoDate            ? o.from
              : r.earliest_end != kOpenEnd ? std::min(r.earliest_end, out->extract)
                                           : r.first_date;
  if (out->from > out->extract) {
    *error = "the window is empty: --from " + FormatDay(out->from) +
             " lies after the extract date " + FormatDay(out->extract);
    return false;
  }
  const int first_year = CivilFromDays(out->from).year;
  out->ref_year = CivilFromDays(out->extract + 1).year;
  out->until_year = o.until_year > 0 ? o.until_year : std::max(pop.last_year, out->ref_year);
  if (out->until_year < out->ref_year) {
    *error = "the projection must end after the extract date (until year " +
             std::to_string(out->until_year) + ")";
    return false;
  }
  if (!pop.HasYear(first_year) || !pop.HasYear(out->ref_year)) {
    *error = pop.file + ": the population covers " + std::to_string(pop.first_year) + "-" +
             std::to_string(pop.last_year) + "; it must cover the window from " +
             std::to_string(first_year) + " and the first projected year " +
             std::to_string(out->ref_year);
    return false;
  }
  for (size_t b = 0; b < pop.bands.size(); ++b)
    for (int y = first_year; y <= out->ref_year; ++y)
      if (pop.Count(static_cast<int>(b), y) <= 0) {
        *error = pop.file + ": age band " + pop.bands[b].id + " has no inhabitants in " +
                 std::to_string(y) + "; rates per 1,000 need a positive count";
        return false;
      }
  for (const Episode& e : r.episodes) {
    if (e.start > out->extract)
      ++out->episodes_after;
    else if (e.end != kOpenEnd && e.end < out->from)
      ++out->episodes_before;
    else
      ++out->episodes_used;
  }
  if (out->episodes_used == 0) {
    *error =
        "no episode lies in the window " + FormatDay(out->from) + " .. " + FormatDay(out->extract);
    return false;
  }
  const size_t nf = r.forms.size();
  out->durations.assign(nf, DurationFit{});
  for (size_t f = 0; f < nf; ++f) {
    const std::vector<SurvivalObs> data =
        DurationData(r, static_cast<int>(f), out->from, out->extract, &out->durations[f]);
    FitDurations(data, &out->durations[f]);
  }
  FitExits(r, o, out->from, out->extract, out);
  const std::vector<Arrival> kinds = ClassifyArrivals(r, o.transition_days);
  FitInflow(r, pop, kinds, out->from, out->extract, out->ref_year, out->until_year, out);
  // The clients in care on the extract date, with their real time in care.
  out->stock.assign(nf, StockFit{});
  for (const Episode& e : r.episodes) {
    if (e.start > out->extract || (e.end != kOpenEnd && e.end <= out->extract)) continue;
    StockFit& s = out->stock[e.form];
    s.elapsed.push_back(out->extract - e.start + 1);
    s.birth.push_back(e.birth);
    if (e.route >= 0 && r.routes[e.route] == "rechter") ++s.gk;
  }
  return true;
}

}  // namespace sdsim
