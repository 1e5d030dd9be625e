// Unit tests for io/csv_read: ResultTable reads back exactly what CsvWriter writes, in both
// dialects.
#include "io/csv_read.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "io/csv.h"

namespace sdsim {
namespace {

TEST_CASE("ResultTable reads back CsvWriter's text and numbers in both dialects", "[unit][csv]") {
  const double values[] = {0.1, -1599074.9999999995, 2.5e-10, 17529746.15744584, 0, 3};
  for (const CsvDialect dialect : {CsvDialect::kIntl, CsvDialect::kNl}) {
    CsvWriter w(dialect);
    w.Text("scenario").Text("label").Text("taakveld").Text("value").Text("empty").EndRow();
    for (double v : values)
      w.Text("base, \"quoted\"").Text("a;b").Text("6.72").Number(v).Number(std::nan("")).EndRow();
    const ResultTable t = ResultTable::Parse(w.str());
    REQUIRE(t.columns() ==
            std::vector<std::string>{"scenario", "label", "taakveld", "value", "empty"});
    REQUIRE(t.rows() == std::size(values));
    for (size_t r = 0; r < t.rows(); ++r) {
      CHECK(t.Text(r, 0) == "base, \"quoted\"");
      CHECK(t.Text(r, t.Column("label")) == "a;b");
      CHECK(t.Text(r, t.Column("taakveld")) == "6.72");    // text stays text
      CHECK(t.Number(r, t.Column("value")) == values[r]);  // bit for bit
      CHECK(t.Text(r, t.Column("empty")).empty());
      CHECK(std::isnan(t.Number(r, t.Column("empty"))));
    }
    CHECK(t.Column("missing") == -1);
    CHECK(t.Text(0, -1).empty());
    CHECK(std::isnan(t.Number(0, -1)));
  }
}

TEST_CASE("ResultTable: the decimal comma, text kept as text, CRLF and an empty input",
          "[unit][csv]") {
  const ResultTable nl = ResultTable::Parse(
      "\xEF\xBB\xBF"
      "a;b;c\r\n1,5;=\"6.1\";1.000\r\n");
  REQUIRE(nl.columns() == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(nl.rows() == 1);
  CHECK(nl.Number(0, 0) == 1.5);
  CHECK(nl.Text(0, 1) == "6.1");       // ="6.1" is how spreadsheets keep text as text
  CHECK(std::isnan(nl.Number(0, 2)));  // "1.000" is not a number in the nl dialect
  const ResultTable intl = ResultTable::Parse("a,b\n1.5,x\n");
  CHECK(intl.Number(0, 0) == 1.5);
  CHECK(std::isnan(intl.Number(0, 1)));
  const ResultTable empty = ResultTable::Parse("");
  CHECK(empty.columns().empty());
  CHECK(empty.rows() == 0);
}

}  // namespace
}  // namespace sdsim
