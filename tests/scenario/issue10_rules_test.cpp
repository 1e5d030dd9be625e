// The exact messages for mistakes in the keys of open-end care ("when_full"), toegang escalation,
// income lines and reassessment levers: each row is a file a user could write, and the complete
// list of problems sdsim reports for it.
#include <catch2/catch.hpp>

#include "testing.h"

namespace sdsim::testing {
namespace {

const char kBase[] = R"({
  "domains": {"jeugd": {
    "toegang": {"fte": 2, "assessments_per_fte_per_year": 100,
                "assessment_time": {"type": "exponential", "mean": 20}},
    "demand": {"req": {"arrivals_per_year": 100, "routing": {"ambulant": 0.8, "lokaal_team": 0.2}}},
    "forms": {
      "ambulant": {"capacity": 10, "duration": {"type": "exponential", "mean": 200},
                   "tariff": {"amount": 30, "per": "day"},
                   "when_full": {"overflow_to": "nc", "max_wait": {"value": 8, "unit": "weeks"}}},
      "nc": {"duration": {"type": "exponential", "mean": 200}, "tariff": {"amount": 40, "per": "day"}},
      "lokaal_team": {"beschikking": false, "capacity": 50,
                      "duration": {"type": "exponential", "mean": 100},
                      "tariff": {"amount": 0, "per": "day"}}},
    "income": {"rijk": {"amount_per_year": 1000000}}}},
  "levers": {"review": {"type": "reassessment", "domain": "jeugd", "forms": ["ambulant"],
                        "to": "lokaal_team", "share": 0.5, "from": "2026-01-01",
                        "renewal_every": {"value": 12, "unit": "months"}}}
})";

std::string Edit(const std::string& from, const std::string& to) {
  std::string text = kBase;
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

struct Row {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

std::vector<Row> Rows() {
  const std::string when =
      R"("when_full": {"overflow_to": "nc", "max_wait": {"value": 8, "unit": "weeks"}})";
  return {
      {"when_full: an unknown word",
       Edit(when, R"("when_full": "overflow")"),
       {"scenario.json: /domains/jeugd/forms/ambulant/when_full: must be \"wait\" (a FIFO "
        "waiting list) or {\"overflow_to\": \"form\"} with an optional \"max_wait\" (value: "
        "\"overflow\")"}},
      {"when_full: overflow to itself",
       Edit(when, R"("when_full": {"overflow_to": "ambulant"})"),
       {"scenario.json: /domains/jeugd/forms/ambulant/when_full/overflow_to: a form cannot "
        "overflow to itself (value: \"ambulant\")"}},
      {"when_full: an unknown form",
       Edit(when, R"("when_full": {"overflow_to": "nietgecontracteerd"})"),
       {"scenario.json: /domains/jeugd/forms/ambulant/when_full/overflow_to: unknown care form "
        "\"nietgecontracteerd\" (use a form id of this domain, or \"domain.form\")"}},
      {"when_full: no overflow_to",
       Edit(when, R"("when_full": {"max_wait": 30})"),
       {"scenario.json: /domains/jeugd/forms/ambulant/when_full/overflow_to: is required: the "
        "form that takes clients when this one is full (e.g. a non-contracted provider)"}},
      {"when_full: max_wait without a unit",
       Edit(when, R"("when_full": {"overflow_to": "nc", "max_wait": {"value": 8}})"),
       {"scenario.json: /domains/jeugd/forms/ambulant/when_full/max_wait/unit: is required: one "
        "of days, weeks, months, years"}},
      {"when_full on a form without a capacity",
       Edit(R"("tariff": {"amount": 40, "per": "day"}})",
            R"("tariff": {"amount": 40, "per": "day"}, "when_full": {"overflow_to": "ambulant"}})"),
       {"scenario.json: /domains/jeugd/forms/nc/when_full/overflow_to: applies to a form with a "
        "capacity; this form has none, so it is never full (value: \"ambulant\")"}},
      {"when_full: a circle of overflow forms",
       Edit(R"("nc": {"duration")",
            R"("nc": {"capacity": 5, "when_full": {"overflow_to": "ambulant"}, "duration")"),
       {"scenario.json: /domains/jeugd/forms/ambulant/when_full/overflow_to: overflow forms a "
        "circle (jeugd.ambulant comes back to itself): the last form of a chain must wait or have "
        "no cap"}},
      {"toegang escalation to an unknown form",
       Edit(
           R"("assessment_time": {"type": "exponential", "mean": 20})",
           R"("assessment_time": {"type": "exponential", "mean": 20}, "escalation": {"hazard_per_day": 0.01, "to": "crisis"})"),
       {"scenario.json: /domains/jeugd/toegang/escalation/to: unknown care form \"crisis\" (use a "
        "form id of this domain, or \"domain.form\")"}},
      {"income without an amount",
       Edit(R"({"rijk": {"amount_per_year": 1000000}})", R"({"rijk": {"amount": 1000000}})"),
       {"scenario.json: /domains/jeugd/income/rijk/amount_per_year: is required: the income per "
        "year in euros, e.g. 4200000 or {\"2026\": 4200000, \"2027\": 4300000}",
        "scenario.json: /domains/jeugd/income/rijk/amount: unknown key \"amount\"; known keys "
        "here: source, note, amount_per_year, indexed, until, change, label, taakveld"}},
      {"income ending outside the horizon",
       Edit(R"({"rijk": {"amount_per_year": 1000000}})",
            R"({"rijk": {"amount_per_year": 1000000, "until": "2031-12-31"}})"),
       {"scenario.json: /domains/jeugd/income/rijk/until: date outside the horizon 2025-01-01 .. "
        "2028-12-31 of this scenario (start_date/end_date) (value: \"2031-12-31\")"}},
      {"income with the same id as a form",
       Edit(R"({"rijk": {"amount_per_year": 1000000}})", R"({"nc": {"amount_per_year": 1000000}})"),
       {"scenario.json: /domains/jeugd/income/nc: an income line cannot have the same id as a "
        "care form or cost line"}},
      {"reassessment to two forms",
       Edit(R"("to": "lokaal_team", "share": 0.5)",
            R"("to": {"lokaal_team": 0.5, "nc": 0.5}, "share": 0.5)"),
       {"scenario.json: /levers/review/to: a reassessment moves clients to one form (the lokaal "
        "team) (value: {\"lokaal_team\":0.5,\"nc\":0.5})"}},
      {"reassessment that reviews nobody",
       Edit(R"("renewal_every": {"value": 12, "unit": "months"})", R"("on_date": false)"),
       {"scenario.json: /levers/review/on_date: with \"on_date\": false the lever needs "
        "\"renewal_every\" (the validity of a beschikking), or it reviews nobody"}},
      {"two reassessment levers on one form",
       Edit(
           R"("levers": {)",
           R"("levers": {"review0": {"type": "reassessment", "domain": "jeugd", "forms": "ambulant", "to": "nc", "share": 0.1},)"),
       {"scenario.json: /levers/review/forms: is already reviewed by the reassessment lever "
        "\"review0\"; one reassessment lever per form (value: \"ambulant\")"}},
  };
}

}  // namespace

TEST_CASE("the base file of the open-end, income and reassessment table is valid", "[scenario]") {
  CHECK(LoadText(kBase, nullptr).empty());
}

TEST_CASE("open-end care, toegang escalation, income and reassessment: exact problems",
          "[scenario]") {
  for (const Row& row : Rows()) {
    INFO("row: " << row.name);
    CHECK(LoadText(row.text, nullptr) == row.expected);
  }
}

}  // namespace sdsim::testing
