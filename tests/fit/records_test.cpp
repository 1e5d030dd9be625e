// The records, mapping and population readers: a good file in both dialects, and a table of bad
// inputs with the exact message each gets (file, line, column, value, rule).
#include "fit/records.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "fit/population.h"

namespace sdsim {
namespace {

const char kHeader[] = "client_id,birth_date,domain,form,start_date,end_date,end_reason\n";

std::vector<std::string> Errors(const std::string& text, const RecordMaps& maps = {},
                                RecordSet* out = nullptr) {
  RecordSet local;
  std::vector<InputError> errors;
  ParseRecords("records.csv", text, maps, RecordOptions{}, out ? out : &local, &errors);
  std::vector<std::string> s;
  for (const InputError& e : errors) s.push_back(e.ToString());
  return s;
}

TEST_CASE("records: a good file, comma or semicolon, BOM, quotes and CRLF", "[fit][unit]") {
  const std::string body =
      "a1,2010-05-03,jeugd,ambulant,2021-02-01,2021-09-30,vervolghulp\n"
      "a1,2010-05,jeugd,verblijf,2021-10-01,,\n"
      "\"b,2\",2012,wmo,begeleiding,2020-01-15,2022-01-14,Wlz\n";
  for (const std::string sep : {",", ";"}) {
    std::string text = std::string("\xEF\xBB\xBF") + kHeader + body;
    if (sep == ";") {
      for (char& c : text)
        if (c == ',') c = ';';
      text.replace(text.find("\"b;2\""), 5, "\"b,2\"");  // the quoted comma stays a comma
    }
    std::string crlf;
    for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    RecordSet r;
    REQUIRE(Errors(crlf, {}, &r).empty());
    REQUIRE(r.episodes.size() == 3);
    CHECK(r.domains == std::vector<std::string>{"jeugd", "wmo"});
    CHECK(r.clients == std::vector<std::string>{"a1", "b,2"});
    CHECK(r.forms.size() == 3);
    const Episode& first = r.episodes[0];
    CHECK(FormatDay(first.start) == "2021-02-01");
    CHECK(first.end - first.start + 1 == 242);  // inclusive end
    CHECK(first.reason == EndReason::kVervolghulp);
    CHECK(r.episodes[1].end == kOpenEnd);
    CHECK(FormatDay(r.episodes[1].birth) == "2010-05-15");  // YYYY-MM: the 15th
    CHECK(FormatDay(r.episodes[2].birth) == "2012-07-01");  // YYYY: 1 July
    CHECK(r.episodes[2].reason == EndReason::kWlz);         // case-insensitive
    CHECK(FormatDay(r.earliest_end) == "2021-09-30");
    CHECK(FormatDay(r.last_date) == "2022-01-14");
  }
}

TEST_CASE("records: bad inputs get exact messages", "[fit][unit]") {
  struct Case {
    std::string text;
    std::vector<std::string> messages;
  };
  const std::string h = kHeader;
  const std::vector<Case> cases = {
      {"", {"records.csv: the file is empty; it needs a header row"}},
      {"client_id birth_date\n",
       {"records.csv:1: the header row has no ',' or ';' between column names (one column per "
        "field, e.g. client_id,birth_date,...)"}},
      {"client_id,birth_date,domain,form,start_date,end_date\n",
       {"records.csv:1: the column \"end_reason\" is missing; the header needs "
        "client_id,birth_date,domain,form,start_date,end_date,end_reason (optional: "
        "route,request_date,pgb)"}},
      {"client_id,birth_date,domain,form,start_date,end_date,end_reason,rout\n",
       {"records.csv:1: column 8: unknown column \"rout\"; did you mean \"route\"?"}},
      {h + "a,2010-01-01,jeugd,ambulant,2021-02-30,,\n",
       {"records.csv:2: column 5 (start_date): value \"2021-02-30\": is not a date; use "
        "YYYY-MM-DD, e.g. 2023-03-01"}},
      {h + "a,2010-01-01,jeugd,ambulant,2021-02-01,2021-01-01,afgerond\n",
       {"records.csv:2: column 6 (end_date): value \"2021-01-01\": lies before start_date "
        "2021-02-01 (end_date is the last day in care)"}},
      {h + "a,2010-01-01,jeugd,ambulant,2021-02-01,2021-03-01,klaar\n",
       {"records.csv:2: column 7 (end_reason): value \"klaar\": is not an end reason; use "
        "afgerond, overgedragen, vervolghulp, voortijdig, wlz or leeftijd (or translate your own "
        "codes with --reasons FILE)"}},
      {h + "a,2010-01-01,jeugd,ambulant,2021-02-01,2021-03-01,\n",
       {"records.csv:2: column 7 (end_reason): value \"\": is empty but the episode has an "
        "end_date; say why it ended"}},
      {h + "a,2010-01-01,jeugd,ambulant,2021-02-01,,afgerond\n",
       {"records.csv:2: column 7 (end_reason): value \"afgerond\": is given but end_date is empty "
        "(an episode still in care has no end reason)"}},
      {h + ",2010-01-01,jeugd,ambulant,2021-02-01,,\n",
       {"records.csv:2: column 1 (client_id): value \"\": is empty; every row needs a client_id"}},
      {h + "a,01-01-2010,jeugd,ambulant,2021-02-01,,\n",
       {"records.csv:2: column 2 (birth_date): value \"01-01-2010\": is not a date; use "
        "YYYY-MM-DD (or YYYY-MM, YYYY when only that is known)"}},
      {h + "a,2022-01-01,jeugd,ambulant,2021-02-01,,\n",
       {"records.csv:2: column 2 (birth_date): value \"2022-01-01\": lies after start_date "
        "2021-02-01"}},
      {h + "a,2010-01-01,jeugd,amb.ulant,2021-02-01,,\n",
       {"records.csv:2: column 4 (form): value \"amb.ulant\": a form id may not contain '.', "
        "'/', '\\' or '\"'"}},
      {h + "a,2010-01-01,jeugd,toegang,2021-02-01,,\n",
       {"records.csv:2: column 4 (form): value \"toegang\": \"toegang\" is reserved in the "
        "output; rename this form"}},
      {h + "a,2010-01-01,jeugd,ambulant,2021-02-01\n",
       {"records.csv:2: has 5 fields, the header has 7 (separator ','; a value holding the "
        "separator must be in double quotes)"}},
      {h + "\"a,2010-01-01,jeugd,ambulant,2021-02-01,,\n",
       {"records.csv:2: a quoted field is not closed (a '\"' is missing)"}},
      {h + "a,2010-01-01,jeugd,ambul\xff"
           "ant,2021-02-01,,\n",
       {"records.csv:2: the file is not UTF-8 text (save it as \"CSV UTF-8\" in Excel, or "
        "convert it)"}},
      // A UTF-16 surrogate written as UTF-8 ("\xed\xbb\xbf", a mangled byte order mark) is
      // not UTF-8 either; it reached an error message once (found by the records fuzz target).
      {"\xed\xbb\xbf" + h + "a,2010-01-01,jeugd,ambulant,2021-02-01,,\n",
       {"records.csv:1: the file is not UTF-8 text (save it as \"CSV UTF-8\" in Excel, or "
        "convert it)"}},
      {h, {"records.csv: has no episodes (only a header row)"}},
      {"client_id,birth_date,domain,form,start_date,end_date,end_reason,pgb,request_date\n"
       "a,2010-01-01,jeugd,ambulant,2021-02-01,,,ja,2021-03-01\n",
       {"records.csv:2: column 8 (pgb): value \"ja\": must be 0 (zorg in natura) or 1 (PGB), or "
        "empty",
        "records.csv:2: column 9 (request_date): value \"2021-03-01\": lies after start_date "
        "2021-02-01 (the request comes first)"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(Errors(c.text) == c.messages);
  }
}

TEST_CASE("records: every bad row is reported, or skipped and counted", "[fit][unit]") {
  std::string text = kHeader;
  for (int i = 0; i < 60; ++i) text += "a,2010-01-01,jeugd,ambulant,2021-13-01,,\n";
  text += "b,2010-01-01,jeugd,ambulant,2021-02-01,,\n";
  const std::vector<std::string> errors = Errors(text);
  REQUIRE(errors.size() == 51);  // 50 shown, then a count
  CHECK(errors.back() == "records.csv: and 10 more problems not shown");
  RecordSet r;
  std::vector<InputError> e;
  RecordOptions skip;
  skip.skip_bad_rows = true;
  REQUIRE(ParseRecords("records.csv", text, {}, skip, &r, &e));
  CHECK(r.skipped_rows == 60);
  CHECK(r.episodes.size() == 1);
}

TEST_CASE("records: product codes and own end codes through mapping files", "[fit][unit]") {
  RecordMaps maps;
  maps.products["45A12"] = {"jeugd", "ambulant"};
  maps.reasons["01"] = EndReason::kAfgerond;
  RecordSet r;
  const std::string text = std::string(kHeader) +
                           "a,2010-01-01,jeugd,45A12,2021-02-01,2021-03-01,01\n"
                           "b,2010-01-01,wmo,45A12,2021-02-01,,\n"
                           "c,2010-01-01,jeugd,99Z99,2021-02-01,,\n";
  CHECK(Errors(text, maps, &r) ==
        std::vector<std::string>{
            "records.csv:3: column 3 (domain): value \"wmo\": does not match the mapping file, "
            "which puts product 45A12 in domain \"jeugd\"",
            "records.csv:4: column 4 (form): value \"99Z99\": is not a product in the mapping "
            "file (--map); add a row for it"});
  REQUIRE(Errors(std::string(kHeader) + "a,2010-01-01,,45A12,2021-02-01,2021-03-01,01\n", maps, &r)
              .empty());
  CHECK(r.forms[0].key == "jeugd.ambulant");
  CHECK(r.episodes[0].reason == EndReason::kAfgerond);
}

TEST_CASE("population: good table and bad rows", "[fit][unit]") {
  PopulationTable p;
  std::vector<InputError> e;
  REQUIRE(ParsePopulation("population.csv",
                          "year;age_band;count\n2024;0-17;8600\n2024;18+;36000\n"
                          "2025;0-17;8645,5\n2025;18+;36500\n",
                          &p, &e));
  CHECK(p.first_year == 2024);
  CHECK(p.Count(0, 2025) == 8645.5);  // a decimal comma
  CHECK(p.BandOfAge(40) == 1);
  CHECK(p.BandOfAge(17) == 0);
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"year,age_band,count\n2024,0-17,-1\n",
       "population.csv:2: column 3 (count): value \"-1\": must be a number of inhabitants, 0 or "
       "more"},
      {"year,age_band,count\n2024,kids,10\n",
       "population.csv:2: column 2 (age_band): value \"kids\": is not an age band; name it by its "
       "ages, e.g. 0-17 or 75+"},
      {"year,age_band,count\n2024,0-17,10\n2024,10-20,5\n",
       "population.csv:3: column 2 (age_band): value \"10-20\": overlaps age band 0-17; bands "
       "must not overlap"},
      {"year,age_band,count\n2024,0-17,10\n2025,18+,5\n2025,0-17,5\n",
       "population.csv: has no count for year 2024 and age band 18+; every year from 2024 to "
       "2025 needs every band"},
      {"year,band,count\n2024,0-17,10\n",
       "population.csv:1: the column \"age_band\" is missing; the header must be "
       "year,age_band,count"},
  };
  for (const auto& [text, message] : bad) {
    std::vector<InputError> errors;
    CHECK_FALSE(ParsePopulation("population.csv", text, &p, &errors));
    REQUIRE(!errors.empty());
    CHECK(errors[0].ToString() == message);
  }
}

}  // namespace
}  // namespace sdsim
