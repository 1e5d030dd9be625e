// Reading population.csv (see population.h).
#include "fit/population.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "scenario/build_model.h"

namespace sdsim {

double PopulationTable::Count(int band, int year) const {
  const int y = std::clamp(year, first_year, last_year);
  return counts[y - first_year][band];
}

int PopulationTable::BandOfAge(int age) const {
  for (size_t b = 0; b < bands.size(); ++b)
    if (age >= bands[b].lo && age <= bands[b].hi) return static_cast<int>(b);
  return -1;
}

bool ParsePopulation(const std::string& file, const std::string& text, PopulationTable* out,
                     std::vector<InputError>* errors) {
  *out = PopulationTable{};
  out->file = file;
  CsvTable t;
  const size_t before = errors->size();
  if (!ParseCsvTable(file, text, &t, errors)) return false;
  auto fail = [&](int line, int column, const std::string& value, const std::string& msg) {
    InputError e;
    e.file = file;
    e.line = line;
    e.column = column + 1;
    if (column >= 0) e.column_name = t.header[column];
    e.value = value;
    e.has_value = column >= 0;
    e.message = msg;
    errors->push_back(e);
  };
  const int cy = t.Column("year"), cb = t.Column("age_band"), cc = t.Column("count");
  for (const char* c : {"year", "age_band", "count"})
    if (t.Column(c) < 0)
      fail(1, -1, "",
           std::string("the column \"") + c +
               "\" is missing; the header must be year,age_band,count");
  if (errors->size() > before) return false;
  std::map<std::pair<int, int>, double> values;  // (year, band) -> count
  for (const CsvRow& row : t.rows) {
    const std::string &ys = row.fields[cy], &bs = row.fields[cb], &cs = row.fields[cc];
    int year = 0;
    const auto yr = std::from_chars(ys.data(), ys.data() + ys.size(), year);
    if (yr.ec != std::errc() || yr.ptr != ys.data() + ys.size() || year < 1900 || year > 2200) {
      fail(row.line, cy, ys, "is not a calendar year (e.g. 2025)");
      continue;
    }
    PopulationBand band;
    band.id = bs;
    if (!ParseBandId(bs, &band.lo, &band.hi)) {
      fail(row.line, cb, bs, "is not an age band; name it by its ages, e.g. 0-17 or 75+");
      continue;
    }
    double count = 0;
    std::string num = cs;
    std::replace(num.begin(), num.end(), ',', '.');  // a decimal comma from a Dutch Excel
    const auto cr = std::from_chars(num.data(), num.data() + num.size(), count);
    if (cr.ec != std::errc() || cr.ptr != num.data() + num.size() || !std::isfinite(count) ||
        count < 0) {
      fail(row.line, cc, cs, "must be a number of inhabitants, 0 or more");
      continue;
    }
    int b = -1;
    for (size_t i = 0; i < out->bands.size(); ++i)
      if (out->bands[i].id == bs) b = static_cast<int>(i);
    if (b < 0) {
      bool overlap = false;
      for (const PopulationBand& o : out->bands)
        if (band.lo <= o.hi && o.lo <= band.hi) {
          fail(row.line, cb, bs, "overlaps age band " + o.id + "; bands must not overlap");
          overlap = true;
          break;
        }
      if (overlap) continue;
      b = static_cast<int>(out->bands.size());
      out->bands.push_back(band);
    }
    if (!values.emplace(std::make_pair(year, b), count).second)
      fail(row.line, cb, bs, "appears twice for year " + ys);
  }
  if (errors->size() > before) return false;
  if (values.empty()) {
    fail(0, -1, "", "has no rows; give year,age_band,count for every year and band");
    return false;
  }
  out->first_year = values.begin()->first.first;
  out->last_year = values.rbegin()->first.first;
  out->counts.assign(out->last_year - out->first_year + 1,
                     std::vector<double>(out->bands.size(), 0.0));
  for (int y = out->first_year; y <= out->last_year; ++y)
    for (size_t b = 0; b < out->bands.size(); ++b) {
      const auto it = values.find({y, static_cast<int>(b)});
      if (it == values.end()) {
        fail(0, -1, "",
             "has no count for year " + std::to_string(y) + " and age band " + out->bands[b].id +
                 "; every year from " + std::to_string(out->first_year) + " to " +
                 std::to_string(out->last_year) + " needs every band");
        continue;
      }
      out->counts[y - out->first_year][b] = it->second;
    }
  return errors->size() == before;
}

bool ReadPopulation(const std::string& path, PopulationTable* out,
                    std::vector<InputError>* errors) {
  std::string text;
  return ReadInputFile(path, &text, errors) && ParsePopulation(path, text, out, errors);
}

}  // namespace sdsim
