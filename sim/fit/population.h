// PopulationTable: inhabitants per calendar year and age band, read from population.csv
// (`year,age_band,count`), for the inflow rates per 1,000 and the fitted scenario's population.
// Every year from the first to the last must list every band; bands may not overlap.
#pragma once

#include <string>
#include <vector>

#include "fit/csv_table.h"

namespace sdsim {

struct PopulationBand {
  std::string id;  // "0-17", "75+"
  int lo = 0, hi = 0;
};

struct PopulationTable {
  std::string file;
  std::vector<PopulationBand> bands;  // in order of first appearance
  int first_year = 0, last_year = 0;
  std::vector<std::vector<double>> counts;  // [year - first_year][band]
  bool HasYear(int year) const { return year >= first_year && year <= last_year; }
  // Inhabitants of `band` in `year` (the nearest year in the table outside its range).
  double Count(int band, int year) const;
  // The band holding `age` (whole years), or -1.
  int BandOfAge(int age) const;
};

bool ParsePopulation(const std::string& file, const std::string& text, PopulationTable* out,
                     std::vector<InputError>* errors);
bool ReadPopulation(const std::string& path, PopulationTable* out, std::vector<InputError>* errors);

}  // namespace sdsim
