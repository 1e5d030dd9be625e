// Reading the optional mapping files of `sdsim fit`: product codes to care forms (--map) and a
// municipality's own end codes to the six end reasons (--reasons). See scenarios/records.md.
#include <algorithm>

#include "fit/records.h"

namespace sdsim {
namespace {

// Checks that `table` has exactly `columns` (in any order); reports the missing ones.
bool HasColumns(const std::string& path, const CsvTable& table,
                const std::vector<std::string>& columns, std::vector<InputError>* errors) {
  bool ok = true;
  for (const std::string& c : columns)
    if (table.Column(c) < 0) {
      InputError e;
      e.file = path;
      e.line = 1;
      std::string all;
      for (const std::string& x : columns) all += (all.empty() ? "" : ",") + x;
      e.message = "the column \"" + c + "\" is missing; the header must be " + all;
      errors->push_back(e);
      ok = false;
    }
  return ok;
}

}  // namespace

bool ReadProductMap(const std::string& path, RecordMaps* maps, std::vector<InputError>* errors) {
  CsvTable t;
  const size_t before = errors->size();
  if (!ReadCsvTable(path, &t, errors) && t.header.empty()) return false;
  if (!HasColumns(path, t, {"product", "domain", "form"}, errors)) return false;
  const int cp = t.Column("product"), cd = t.Column("domain"), cf = t.Column("form");
  for (const CsvRow& row : t.rows) {
    const std::string &p = row.fields[cp], &d = row.fields[cd], &f = row.fields[cf];
    if (p.empty()) errors->push_back(FieldError(path, t, row, cp, "is empty; name the product"));
    for (int c : {cd, cf}) {
      const std::string& v = row.fields[c];
      if (v.empty() || v.find_first_of("./\"\\") != std::string::npos || v == "all" ||
          v == "toegang")
        errors->push_back(FieldError(path, t, row, c,
                                     "must be an id without '.', '/', '\\' or '\"' (not \"all\" "
                                     "or \"toegang\")"));
    }
    const auto it = maps->products.find(p);
    if (it != maps->products.end() && it->second != std::make_pair(d, f))
      errors->push_back(FieldError(path, t, row, cp, "is mapped twice, to different forms"));
    maps->products[p] = {d, f};
  }
  return errors->size() == before;
}

bool ReadReasonMap(const std::string& path, RecordMaps* maps, std::vector<InputError>* errors) {
  CsvTable t;
  const size_t before = errors->size();
  if (!ReadCsvTable(path, &t, errors) && t.header.empty()) return false;
  if (!HasColumns(path, t, {"code", "end_reason"}, errors)) return false;
  const int cc = t.Column("code"), cr = t.Column("end_reason");
  for (const CsvRow& row : t.rows) {
    EndReason r = EndReason::kNone;
    for (int i = 0; i < kNumEndReasons; ++i)
      if (row.fields[cr] == EndReasonName(static_cast<EndReason>(i))) r = static_cast<EndReason>(i);
    if (row.fields[cc].empty())
      errors->push_back(FieldError(path, t, row, cc, "is empty; give the code used in records"));
    if (r == EndReason::kNone)
      errors->push_back(
          FieldError(path, t, row, cr,
                     "must be afgerond, overgedragen, vervolghulp, voortijdig, wlz or leeftijd"));
    else
      maps->reasons[row.fields[cc]] = r;
  }
  return errors->size() == before;
}

}  // namespace sdsim
