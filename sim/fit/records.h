// Records: a municipality's care episodes (toewijzingen) as read from records.csv, the input of
// `sdsim fit` and `sdsim backtest`. The format is documented in scenarios/records.md.
//
// One row per episode: client_id, birth_date, domain, form (or a product code with a mapping
// file), start_date, end_date (empty while in care), end_reason, and optionally route,
// request_date and pgb. Dates are whole days counted from 1970-01-01 (core/calendar.h); end is
// the last day in care, inclusive, so an episode lasts end - start + 1 days. A RecordSet is an
// immutable value once read.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "fit/csv_table.h"

namespace sdsim {

// Why an episode ended (the end_reason column). kNone: still in care.
enum class EndReason : int8_t {
  kNone = -1,
  kAfgerond,
  kOvergedragen,
  kVervolghulp,
  kVoortijdig,
  kWlz,
  kLeeftijd,
};
constexpr int kNumEndReasons = 6;
const char* EndReasonName(EndReason reason);
// True for the ends that the duration of care brings (the others, wlz and leeftijd, are competing
// exits: censoring for the duration).
inline bool EndsByDuration(EndReason r) {
  return r == EndReason::kAfgerond || r == EndReason::kOvergedragen ||
         r == EndReason::kVervolghulp || r == EndReason::kVoortijdig;
}

constexpr int64_t kOpenEnd = std::numeric_limits<int64_t>::max();
constexpr int64_t kNoDate = std::numeric_limits<int64_t>::min();

struct Episode {
  int client = 0;  // index into RecordSet::clients
  int form = 0;    // index into RecordSet::forms
  int64_t birth = 0;
  int64_t start = 0;
  int64_t end = kOpenEnd;  // last day in care; kOpenEnd while in care
  EndReason reason = EndReason::kNone;
  int route = -1;             // index into RecordSet::routes, -1 = not given
  int64_t request = kNoDate;  // request_date, if given
  int8_t pgb = -1;            // 0/1, -1 = not given
  int line = 0;               // line in the file
};

struct FormRef {
  int domain = 0;  // index into RecordSet::domains
  std::string id;
  std::string key;  // "domain.form"
};

struct RecordSet {
  std::string file;
  std::vector<std::string> clients, domains, routes;
  std::vector<FormRef> forms;             // in order of first appearance
  std::vector<Episode> episodes;          // sorted by client, start date, line
  int skipped_rows = 0;                   // bad rows skipped with skip_bad_rows
  int64_t first_date = 0, last_date = 0;  // earliest start, latest start or end date
  int64_t earliest_end = kOpenEnd;        // earliest end date (kOpenEnd: none ended)
  std::vector<std::string> ignored_columns;
  int FormIndex(const std::string& domain, const std::string& form) const;
};

// Optional translations: product code -> (domain, form), and own end codes -> EndReason.
struct RecordMaps {
  std::map<std::string, std::pair<std::string, std::string>> products;
  std::map<std::string, EndReason> reasons;
};

struct RecordOptions {
  bool skip_bad_rows = false;  // skip (and count) malformed rows instead of failing
  int max_errors = 50;         // stop collecting errors after this many
};

// Parses records text; returns false with every problem (up to max_errors) in *errors.
bool ParseRecords(const std::string& file, const std::string& text, const RecordMaps& maps,
                  const RecordOptions& options, RecordSet* out, std::vector<InputError>* errors);
bool ReadRecords(const std::string& path, const RecordMaps& maps, const RecordOptions& options,
                 RecordSet* out, std::vector<InputError>* errors);

// Reads `product,domain,form` (--map) and `code,end_reason` (--reasons) files into *maps.
bool ReadProductMap(const std::string& path, RecordMaps* maps, std::vector<InputError>* errors);
bool ReadReasonMap(const std::string& path, RecordMaps* maps, std::vector<InputError>* errors);

// Parses "YYYY-MM-DD" (or, if `partial`, "YYYY-MM" -> the 15th, "YYYY" -> 1 July) to days since
// 1970-01-01.
bool ParseDay(const std::string& text, bool partial, int64_t* day);
std::string FormatDay(int64_t day);

}  // namespace sdsim
