// Unit tests for io/csv: number formatting (shortest round-trip fixed notation) and CsvWriter.
#include "io/csv.h"

#include <catch2/catch.hpp>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

namespace sdsim {
namespace {

double Parse(std::string s, char decimal_point = '.') {
  for (char& c : s)
    if (c == decimal_point) c = '.';
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  REQUIRE(*end == '\0');
  return v;
}

TEST_CASE("FormatNumber writes plain fixed notation", "[unit][csv]") {
  CHECK(FormatNumber(0) == "0");
  CHECK(FormatNumber(-0.0) == "0");
  CHECK(FormatNumber(1234.5) == "1234.5");
  CHECK(FormatNumber(0.1) == "0.1");
  CHECK(FormatNumber(-2.25) == "-2.25");
  CHECK(FormatNumber(42) == "42");
  CHECK(FormatNumber(1e20) == "100000000000000000000");
  CHECK(FormatNumber(1e-7) == "0.0000001");
  CHECK(FormatNumber(1.0 / 3) == "0.3333333333333333");
  CHECK(FormatNumber(std::nan("")).empty());
  CHECK(FormatNumber(-std::nan("")).empty());
  const std::string max = FormatNumber(DBL_MAX);
  CHECK(max.size() == 309);
  CHECK(max.find_first_of("eE.") == std::string::npos);
  const std::string tiny = FormatNumber(std::numeric_limits<double>::denorm_min());
  CHECK(tiny.rfind("0.000", 0) == 0);
  CHECK(tiny.find_first_of("eE") == std::string::npos);
}

TEST_CASE("FormatNumber with a decimal comma", "[unit][csv]") {
  CHECK(FormatNumber(1234.5, ',') == "1234,5");
  CHECK(FormatNumber(-0.125, ',') == "-0,125");
  CHECK(FormatNumber(7, ',') == "7");
  CHECK(FormatNumber(-0.0, ',') == "0");
  CHECK(FormatNumber(std::nan(""), ',').empty());
}

TEST_CASE("FormatNumber round-trips exactly through strtod", "[unit][csv]") {
  // Random finite doubles from random bit patterns (every exponent) and from typical ranges;
  // fixed seed.
  std::mt19937_64 rng(31337);
  std::uniform_real_distribution<double> money(-1e7, 1e7);
  int checked = 0;
  for (int i = 0; i < 20000; ++i) {
    double x;
    if (i % 2 == 0) {
      const uint64_t bits = rng();
      std::memcpy(&x, &bits, sizeof x);
      if (!std::isfinite(x)) continue;
    } else {
      x = money(rng);
    }
    const std::string s = FormatNumber(x);
    INFO(s);
    CHECK(s.find_first_of("eE") == std::string::npos);
    const double back = Parse(s);
    CHECK((back == x && std::signbit(back) == std::signbit(x)) == (x != 0));
    if (x == 0) CHECK(back == 0);
    CHECK(Parse(FormatNumber(x, ','), ',') == x);
    ++checked;
  }
  CHECK(checked > 19000);
}

TEST_CASE("ParseCsvDialect", "[unit][csv]") {
  CsvDialect d = CsvDialect::kIntl;
  REQUIRE(ParseCsvDialect("nl", &d));
  CHECK(d == CsvDialect::kNl);
  REQUIRE(ParseCsvDialect("intl", &d));
  CHECK(d == CsvDialect::kIntl);
  CHECK_FALSE(ParseCsvDialect("NL", &d));
  CHECK_FALSE(ParseCsvDialect("", &d));
}

TEST_CASE("CsvWriter international dialect", "[unit][csv]") {
  CsvWriter w(CsvDialect::kIntl);
  w.Text("form").Text("year").Text("cost").EndRow();
  w.Text("jeugd").Integer(2025).Number(1234.5).EndRow();
  w.Text("wmo").Integer(-3).Number(std::nan("")).Number(0.25).EndRow();
  CHECK(w.str() == "form,year,cost\njeugd,2025,1234.5\nwmo,-3,,0.25\n");
}

TEST_CASE("CsvWriter Dutch dialect", "[unit][csv]") {
  CsvWriter w(CsvDialect::kNl);
  w.Text("form").Text("cost").EndRow();
  w.Text("jeugd").Number(1234.5).Integer(7).EndRow();
  const std::string& s = w.str();
  REQUIRE(s.size() >= 3);
  CHECK(static_cast<unsigned char>(s[0]) == 0xEF);
  CHECK(static_cast<unsigned char>(s[1]) == 0xBB);
  CHECK(static_cast<unsigned char>(s[2]) == 0xBF);
  CHECK(s.substr(3) == "form;cost\njeugd;1234,5;7\n");
  // The BOM appears once only, and never in the international dialect.
  CHECK(s.find("\xEF\xBB\xBF", 1) == std::string::npos);
  CsvWriter intl(CsvDialect::kIntl);
  intl.Text("x").EndRow();
  CHECK(intl.str() == "x\n");
  CsvWriter empty(CsvDialect::kNl);
  CHECK(empty.str() == "\xEF\xBB\xBF");
}

TEST_CASE("CsvWriter quotes text that needs it", "[unit][csv]") {
  CsvWriter w(CsvDialect::kIntl);
  w.Text("a,b").Text("say \"hi\"").Text("two\nlines").Text("cr\rhere").Text("plain").EndRow();
  w.Text(" lead").Text("trail ").Text("semi;colon").Text("").EndRow();
  CHECK(w.str() ==
        "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",plain\n"
        "\" lead\",\"trail \",semi;colon,\n");

  CsvWriter nl(CsvDialect::kNl);
  nl.Text("a;b").Text("1,5x").Text("\"").Text("x").EndRow();
  CHECK(nl.str().substr(3) == "\"a;b\";\"1,5x\";\"\"\"\";x\n");
}

TEST_CASE("CsvWriter keeps text that a spreadsheet would read as a number or date as text",
          "[unit][csv]") {
  // Age bands, taakvelden, periods: written as the formula ="6.1" (CSV-quoted), whose value in
  // Excel and LibreOffice is the text (tests/io/spreadsheet_test.cpp checks it in LibreOffice).
  for (const char* t : {"75+", "6.1", "6.72", "2025", "2026-01", "12-17", "1,5", "-3", "1e5"}) {
    INFO(t);
    CHECK(LooksNumeric(t));
    CsvWriter w(CsvDialect::kIntl);
    w.Text(t).Text("x").EndRow();
    CHECK(w.str() == "\"=\"\"" + std::string(t) + "\"\"\",x\n");
  }
  for (const char* t : {"", "-", "all", "2026-H1", "jeugd", "6.72a", "e"}) {
    INFO(t);
    CHECK_FALSE(LooksNumeric(t));
  }
}

TEST_CASE("Numbers rounded to a number of decimals, half away from zero", "[unit][csv]") {
  CHECK(RoundTo(1599074.9999999995, 2) == 1599075.0);
  CHECK(FormatNumber(RoundTo(1599074.9999999995, 2)) == "1599075");
  CHECK(FormatNumber(RoundTo(0.00000000026, 2)) == "0");
  CHECK(FormatNumber(RoundTo(21856518.271475177, 2)) == "21856518.27");
  CHECK(FormatNumber(RoundTo(0.125, 2)) == "0.13");
  CHECK(FormatNumber(RoundTo(-0.125, 2)) == "-0.13");
  CHECK(FormatNumber(RoundTo(0.123456, 4)) == "0.1235");
  CHECK(std::isnan(RoundTo(std::nan(""), 2)));
  CsvWriter w(CsvDialect::kNl, false);
  w.Number(1234.5678, 2).Number(0.5, 0).EndRow();
  CHECK(w.str() == "1234,57;1\n");
}

}  // namespace
}  // namespace sdsim
