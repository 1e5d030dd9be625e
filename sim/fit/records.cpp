// Reading records.csv (see records.h and scenarios/records.md).
#include "fit/records.h"

#include <algorithm>
#include <cstdio>

#include "core/calendar.h"
#include "scenario/problems.h"

namespace sdsim {
namespace {

const char* const kReasonNames[kNumEndReasons] = {"afgerond",   "overgedragen", "vervolghulp",
                                                  "voortijdig", "wlz",          "leeftijd"};
const char* const kRequired[] = {"client_id",  "birth_date", "domain",    "form",
                                 "start_date", "end_date",   "end_reason"};
const char* const kOptional[] = {"route", "request_date", "pgb"};

bool ParseReason(const std::string& s, EndReason* r) {
  for (int i = 0; i < kNumEndReasons; ++i)
    if (s == kReasonNames[i]) {
      *r = static_cast<EndReason>(i);
      return true;
    }
  return false;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

// An id used as a JSON key and in output rows: not empty, no '.', '/' or '"', not reserved.
std::string IdProblem(const std::string& id, const char* what) {
  if (id.empty()) return std::string("is empty; every row needs a ") + what;
  if (id.find_first_of("./\"\\") != std::string::npos)
    return std::string("a ") + what + " id may not contain '.', '/', '\\' or '\"'";
  if (id == "all" || id == "toegang")
    return std::string("\"") + id + "\" is reserved in the output; rename this " + what;
  return "";
}

int Intern(std::vector<std::string>* names, std::map<std::string, int>* index,
           const std::string& s) {
  const auto [it, fresh] = index->emplace(s, static_cast<int>(names->size()));
  if (fresh) names->push_back(s);
  return it->second;
}

}  // namespace

const char* EndReasonName(EndReason reason) {
  return reason == EndReason::kNone ? "" : kReasonNames[static_cast<int>(reason)];
}

bool ParseDay(const std::string& text, bool partial, int64_t* day) {
  Date d;
  if (ParseDate(text, &d)) {
    *day = DaysFromCivil(d);
    return true;
  }
  if (!partial) return false;
  int y = 0, m = 0;
  char tail = 0;
  if (text.size() == 7 && std::sscanf(text.c_str(), "%4d-%2d%c", &y, &m, &tail) == 2 && m >= 1 &&
      m <= 12 && text[4] == '-') {
    *day = DaysFromCivil(Date{y, m, 15});
    return true;
  }
  if (text.size() == 4 && std::sscanf(text.c_str(), "%4d%c", &y, &tail) == 1 && y >= 1000) {
    *day = DaysFromCivil(Date{y, 7, 1});
    return true;
  }
  return false;
}

std::string FormatDay(int64_t day) { return FormatDate(CivilFromDays(day)); }

int RecordSet::FormIndex(const std::string& domain, const std::string& form) const {
  for (size_t i = 0; i < forms.size(); ++i)
    if (forms[i].id == form && domains[forms[i].domain] == domain) return static_cast<int>(i);
  return -1;
}

bool ParseRecords(const std::string& file, const std::string& text, const RecordMaps& maps,
                  const RecordOptions& options, RecordSet* out, std::vector<InputError>* errors) {
  *out = RecordSet{};
  out->file = file;
  CsvTable table;
  std::vector<InputError> table_errors;
  const bool table_ok = ParseCsvTable(file, text, &table, &table_errors);
  if (table.header.empty()) {
    errors->insert(errors->end(), table_errors.begin(), table_errors.end());
    return false;
  }
  size_t before = errors->size();
  if (!table_ok && !options.skip_bad_rows)
    errors->insert(errors->end(), table_errors.begin(), table_errors.end());
  else
    out->skipped_rows += static_cast<int>(table_errors.size());
  // Columns: the required ones (domain may come from the product map), known optional ones;
  // an unknown column that looks like a misspelt known one is an error, others are ignored.
  std::vector<std::string> known;
  for (const char* c : kRequired) known.push_back(c);
  for (const char* c : kOptional) known.push_back(c);
  auto header_error = [&](int column, const std::string& msg) {
    InputError e;
    e.file = file;
    e.line = 1;
    e.column = column;
    e.message = msg;
    errors->push_back(e);
  };
  for (size_t i = 0; i < table.header.size(); ++i) {
    const std::string& h = table.header[i];
    if (std::find(known.begin(), known.end(), h) != known.end()) {
      if (table.Column(h) != static_cast<int>(i))
        header_error(static_cast<int>(i) + 1, "column \"" + h + "\" appears twice");
      continue;
    }
    const std::string near = NearestWord(h, known);
    if (!near.empty() && table.Column(near) < 0)
      header_error(static_cast<int>(i) + 1,
                   "unknown column \"" + h + "\"; did you mean \"" + near + "\"?");
    else
      out->ignored_columns.push_back(h);
  }
  for (const char* c : kRequired) {
    if (table.Column(c) >= 0) continue;
    if (std::string(c) == "domain" && !maps.products.empty()) continue;
    std::string msg = std::string("the column \"") + c + "\" is missing; the header needs ";
    for (const char* r : kRequired) msg += std::string(r) + (r == kRequired[6] ? "" : ",");
    msg += " (optional: route,request_date,pgb)";
    header_error(0, msg);
  }
  if (errors->size() > before) return false;

  const int c_client = table.Column("client_id"), c_birth = table.Column("birth_date"),
            c_domain = table.Column("domain"), c_form = table.Column("form"),
            c_start = table.Column("start_date"), c_end = table.Column("end_date"),
            c_reason = table.Column("end_reason"), c_route = table.Column("route"),
            c_request = table.Column("request_date"), c_pgb = table.Column("pgb");
  std::map<std::string, int> client_index, domain_index, route_index, form_index;
  int suppressed = 0;
  out->first_date = std::numeric_limits<int64_t>::max();
  out->last_date = std::numeric_limits<int64_t>::min();
  for (const CsvRow& row : table.rows) {
    std::vector<InputError> row_errors;
    auto bad = [&](int c, const std::string& msg) {
      row_errors.push_back(FieldError(file, table, row, c, msg));
    };
    const auto& f = row.fields;
    Episode ep;
    ep.line = row.line;
    if (f[c_client].empty()) bad(c_client, "is empty; every row needs a client_id");
    if (!ParseDay(f[c_birth], true, &ep.birth))
      bad(c_birth, "is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY when only that is known)");
    const bool start_ok = ParseDay(f[c_start], false, &ep.start);
    if (!start_ok) bad(c_start, "is not a date; use YYYY-MM-DD, e.g. 2023-03-01");
    bool end_ok = true;
    if (!f[c_end].empty()) {
      end_ok = ParseDay(f[c_end], false, &ep.end);
      if (!end_ok)
        bad(c_end, "is not a date; use YYYY-MM-DD, or leave it empty while the client is in care");
      else if (start_ok && ep.end < ep.start)
        bad(c_end, "lies before start_date " + f[c_start] + " (end_date is the last day in care)");
    }
    // Domain and form, through the product map if there is one.
    std::string domain = c_domain >= 0 ? f[c_domain] : "", form = f[c_form];
    if (!maps.products.empty()) {
      const auto it = maps.products.find(form);
      if (it == maps.products.end()) {
        bad(c_form, "is not a product in the mapping file (--map); add a row for it");
      } else {
        if (!domain.empty() && domain != it->second.first)
          bad(c_domain, "does not match the mapping file, which puts product " + form +
                            " in domain \"" + it->second.first + "\"");
        domain = it->second.first;
        form = it->second.second;
      }
    } else {
      if (const std::string p = IdProblem(domain, "domain"); !p.empty()) bad(c_domain, p);
      if (const std::string p = IdProblem(form, "form"); !p.empty()) bad(c_form, p);
    }
    // End reason: the six codes, or the municipality's own codes through --reasons.
    const std::string& reason = f[c_reason];
    if (!reason.empty()) {
      const auto it = maps.reasons.find(reason);
      if (it != maps.reasons.end())
        ep.reason = it->second;
      else if (!ParseReason(Lower(reason), &ep.reason))
        bad(c_reason,
            "is not an end reason; use afgerond, overgedragen, vervolghulp, voortijdig, wlz or "
            "leeftijd (or translate your own codes with --reasons FILE)");
    }
    if (end_ok && ep.end != kOpenEnd && reason.empty())
      bad(c_reason, "is empty but the episode has an end_date; say why it ended");
    if (ep.end == kOpenEnd && !reason.empty() && f[c_end].empty())
      bad(c_reason, "is given but end_date is empty (an episode still in care has no end reason)");
    if (start_ok && ep.birth > ep.start && f[c_birth] != "")
      bad(c_birth, "lies after start_date " + f[c_start]);
    if (c_request >= 0 && !f[c_request].empty()) {
      if (!ParseDay(f[c_request], false, &ep.request))
        bad(c_request, "is not a date; use YYYY-MM-DD or leave it empty");
      else if (start_ok && ep.request > ep.start)
        bad(c_request, "lies after start_date " + f[c_start] + " (the request comes first)");
    }
    if (c_pgb >= 0 && !f[c_pgb].empty()) {
      if (f[c_pgb] == "0" || f[c_pgb] == "1")
        ep.pgb = static_cast<int8_t>(f[c_pgb][0] - '0');
      else
        bad(c_pgb, "must be 0 (zorg in natura) or 1 (PGB), or empty");
    }
    if (!row_errors.empty()) {
      std::stable_sort(
          row_errors.begin(), row_errors.end(),
          [](const InputError& a, const InputError& b) { return a.column < b.column; });
      if (options.skip_bad_rows) {
        ++out->skipped_rows;
      } else {
        for (const InputError& e : row_errors) {
          if (static_cast<int>(errors->size() - before) < options.max_errors)
            errors->push_back(e);
          else
            ++suppressed;
        }
      }
      continue;
    }
    ep.client = Intern(&out->clients, &client_index, f[c_client]);
    const int d = Intern(&out->domains, &domain_index, domain);
    const std::string key = domain + "." + form;
    const auto [fit, fresh] = form_index.emplace(key, static_cast<int>(out->forms.size()));
    if (fresh) out->forms.push_back(FormRef{d, form, key});
    ep.form = fit->second;
    if (c_route >= 0 && !f[c_route].empty())
      ep.route = Intern(&out->routes, &route_index, Lower(f[c_route]));
    out->first_date = std::min(out->first_date, ep.start);
    out->last_date = std::max(out->last_date, ep.end == kOpenEnd ? ep.start : ep.end);
    if (ep.end != kOpenEnd) out->earliest_end = std::min(out->earliest_end, ep.end);
    out->episodes.push_back(ep);
  }
  if (suppressed > 0) {
    InputError e;
    e.file = file;
    e.message = "and " + std::to_string(suppressed) + " more problem" +
                (suppressed == 1 ? "" : "s") + " not shown";
    errors->push_back(e);
  }
  if (errors->size() > before) return false;
  if (out->episodes.empty()) {
    InputError e;
    e.file = file;
    e.message = "has no episodes (only a header row" +
                std::string(out->skipped_rows ? ", and bad rows that were skipped)" : ")");
    errors->push_back(e);
    return false;
  }
  std::stable_sort(out->episodes.begin(), out->episodes.end(),
                   [](const Episode& a, const Episode& b) {
                     return a.client != b.client ? a.client < b.client : a.start < b.start;
                   });
  return true;
}

bool ReadRecords(const std::string& path, const RecordMaps& maps, const RecordOptions& options,
                 RecordSet* out, std::vector<InputError>* errors) {
  std::string text;
  return ReadInputFile(path, &text, errors) && ParseRecords(path, text, maps, options, out, errors);
}

}  // namespace sdsim
