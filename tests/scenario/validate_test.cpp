// Scenario validation: a table of broken scenarios and the exact problem lines for each.
#include <algorithm>
#include <catch2/catch.hpp>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "engine/metrics.h"
#include "scenario/load_files.h"
#include "testing.h"

namespace sdsim::testing {
namespace {

// A small valid scenario. Each row of the tables below breaks one thing in it. Line numbers matter
// for the syntax-error rows: "{" is line 1, "arrivals_per_year": 100 is line 7.
const char kBase[] = R"({
  // A small valid scenario; each row of the table breaks one thing.
  "start_date": "2025-01-01",
  "end_date": "2028-12-31",
  "domains": {
    "jeugd": {
      "arrivals_per_year": 100,
      "routing": {"ambulant": 0.8, "verblijf": 0.2},
      "forms": {
        "ambulant": {
          "duration": {"type": "lognormal", "mean": 300, "sd": 250},
          "tariff": {"amount": 40, "per": "day"},
          "transitions": {"verblijf": 0.05, "wmo.begeleiding": 0.1}
        },
        "verblijf": {
          "capacity": 10,
          "duration": {"type": "exponential", "mean": 400},
          "tariff": {"amount": 250, "per": "day"}
        }
      }
    },
    "wmo": {
      "arrivals_per_year": 50,
      "forms": {
        "begeleiding": {
          "duration": {"type": "gamma", "mean": 1, "sd": 0.5, "unit": "years"},
          "tariff": {"amount": 900, "per": "month"}
        }
      }
    }
  }
}
)";

// The top-level keys, in the order an "unknown key" message lists them.
const std::string kTopLevelKeys =
    "extends, indexation, population, domains, targets, levers, correlations, budget, name, "
    "description, baseline, start_date, end_date";

// The duration of jeugd/verblijf, replaced by the rows about distributions.
const char kVerblijfDuration[] = R"({"type": "exponential", "mean": 400})";

// `base` with each `from` (which must occur exactly once) replaced by its `to`.
std::string EditOf(const char* base, const char* base_name,
                   std::initializer_list<std::pair<std::string, std::string>> edits) {
  std::string text = base;
  for (const auto& [from, to] : edits) {
    const size_t at = text.find(from);
    if (at == std::string::npos || text.find(from, at + 1) != std::string::npos)
      FAIL("test table: \"" << from << "\" must occur exactly once in " << base_name);
    text.replace(at, from.size(), to);
  }
  return text;
}
// kBase with each `from` replaced by its `to`.
std::string Edit(std::initializer_list<std::pair<std::string, std::string>> edits) {
  return EditOf(kBase, "kBase", edits);
}
std::string Edit(const std::string& from, const std::string& to) { return Edit({{from, to}}); }

struct BadScenario {
  const char* name;
  std::string text;
  std::vector<std::string> expected;  // every problem, in the order reported
};

std::vector<BadScenario> BadScenarios() {
  return {
      // --- JSON syntax -------------------------------------------------------------------------
      {"syntax: trailing comma (line:column and the line with a caret)",
       Edit(kVerblijfDuration, R"({"type": "exponential", "mean": 400,})"),
       {"scenario.json:17:59: syntax error: unexpected '}'; expected string literal (a comma "
        "after the last item? remove it)\n"
        R"(              "duration": {"type": "exponential", "mean": 400,},)"
        "\n"
        "                                                              ^ near here"}},
      {"syntax: percent sign after a number",
       Edit(R"("ambulant": 0.8,)", R"("ambulant": 80%,)"),
       {"scenario.json:8:33: syntax error: invalid literal; last read: '80%'; expected '}'\n"
        R"(          "routing": {"ambulant": 80%, "verblijf": 0.2},)"
        "\n"
        "                                    ^ near here"}},
      {"syntax: duplicate key",
       Edit(R"("arrivals_per_year": 50,)", R"("arrivals_per_year": 50, "arrivals_per_year": 60,)"),
       {"scenario.json: /domains/wmo/arrivals_per_year: duplicate key \"arrivals_per_year\": the "
        "object already has this key; remove one of the two (JSON would silently keep only the "
        "last)"}},
      {"syntax: duplicate key inside a list",
       Edit(R"("capacity": 10)",
            R"("capacity": [{"places": 10}, {"from": "2026-01-01", "places": 12, "places": 14}])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capacity/1/places: duplicate key "
        "\"places\": the object already has this key; remove one of the two (JSON would silently "
        "keep only the last)"}},
      {"top level is a list",
       "[1, 2]",
       {"scenario.json: (top level): a scenario file must contain one JSON object { ... } (value: "
        "[1,2])"}},
      {"top level is text",
       R"("reference")",
       {"scenario.json: (top level): a scenario file must contain one JSON object { ... } (value: "
        "\"reference\")"}},

      // --- unknown keys ------------------------------------------------------------------------
      {"unknown top-level key, near a known one",
       Edit(R"("start_date")", R"("startdate")"),
       {"scenario.json: /startdate: unknown key \"startdate\"; did you mean \"start_date\"?"}},
      {"unknown top-level key, nothing near: lists the known keys",
       Edit(R"("end_date": "2028-12-31",)", R"("end_date": "2028-12-31", "seed": 42,)"),
       {"scenario.json: /seed: unknown key \"seed\"; known keys here: " + kTopLevelKeys}},
      {"misspelt domains: required, and the typo named",
       Edit(R"("domains": {)", R"("domain": {)"),
       {"scenario.json: /domains: is required: at least one domain with care forms, e.g. "
        "\"jeugd\"",
        "scenario.json: /domain: unknown key \"domain\"; did you mean \"domains\"?"}},
      // Without arrivals the domain is read as one with demand streams, where routing does not
      // belong.
      {"unknown key in a domain, near a known one",
       Edit(R"("arrivals_per_year": 100)", R"("arrival_per_year": 100)"),
       {"scenario.json: /domains/jeugd/routing: routing belongs inside a demand stream (or next to "
        "arrivals_per_year)",
        "scenario.json: /domains/jeugd/demand: is required: the streams of new requests, e.g. "
        "\"demand\": {\"toegang\": {\"per_1000\": 30, ...}} (or arrivals_per_year with routing for "
        "one simple stream)",
        "scenario.json: /domains/jeugd/arrival_per_year: unknown key \"arrival_per_year\"; did you "
        "mean \"arrivals_per_year\"?"}},
      {"unknown key in a domain, nothing near",
       Edit(R"("arrivals_per_year": 100,)", R"("arrivals_per_year": 100, "population": 28000,)"),
       {"scenario.json: /domains/jeugd/population: unknown key \"population\"; known keys here: "
        "label, forms, band, volatility, taakveld, toegang, arrivals_per_year, demand, "
        "arrivals_per_day, routing, handover_to, age_limit, cost_lines, income"}},
      {"key with a capital letter",
       Edit(R"("capacity": 10)", R"("Capacity": 10)"),
       {"scenario.json: /domains/jeugd/forms/verblijf/Capacity: unknown key \"Capacity\"; did "
        "you mean \"capacity\"?"}},
      {"Dutch key near enough: capaciteit",
       Edit(R"("capacity": 10)", R"("capaciteit": 10)"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capaciteit: unknown key \"capaciteit\"; "
        "did you mean \"capacity\"?"}},
      {"Dutch key near enough: startdatum",
       Edit(R"("start_date")", R"("startdatum")"),
       {"scenario.json: /startdatum: unknown key \"startdatum\"; did you mean \"start_date\"?"}},
      {"places directly in a form (belongs in a capacity schedule): no false suggestion",
       Edit(R"("capacity": 10)", R"("places": 10)"),
       {"scenario.json: /domains/jeugd/forms/verblijf/places: unknown key \"places\"; known keys "
        "here: label, beschikking, gedwongen_kader, pillar, taakveld, tariff, lump_sum, staff, "
        "one_off, pgb, payer, payer_switch, capacity, duration, transitions, reentry, escalation, "
        "when_full, wlz_exit_per_year, initial"}},
      {"unknown key in a form: captacity",
       Edit(R"("capacity": 10)", R"("captacity": 10)"),
       {"scenario.json: /domains/jeugd/forms/verblijf/captacity: unknown key \"captacity\"; did "
        "you mean \"capacity\"?"}},
      {"unknown key in a form: tarif (and so no tariff)",
       Edit(R"("tariff": {"amount": 40)", R"("tarif": {"amount": 40)"),
       {"scenario.json: /domains/jeugd/forms/ambulant/tariff: is required: the price of care, e.g. "
        "{\"amount\": 40, \"per\": \"day\"} (0 if free), or a lump_sum contract",
        "scenario.json: /domains/jeugd/forms/ambulant/tarif: unknown key \"tarif\"; did you mean "
        "\"tariff\"?"}},
      {"unknown key in a duration",
       Edit(kVerblijfDuration, R"({"type": "exponential", "mean": 400, "unti": "days"})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/unti: unknown key \"unti\"; did "
        "you mean \"unit\"?"}},
      {"sd given for an exponential (which has only a mean)",
       Edit(kVerblijfDuration, R"({"type": "exponential", "mean": 400, "sd": 300})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/sd: unknown key \"sd\"; known keys "
        "here: type, unit, mean"}},

      // --- wrong types -------------------------------------------------------------------------
      {"number in quotes: arrivals_per_year",
       Edit(R"("arrivals_per_year": 100)", R"("arrivals_per_year": "100")"),
       {"scenario.json: /domains/jeugd/arrivals_per_year: must be a number (without quotes) "
        "(value: \"100\")"}},
      {"number in quotes with a decimal comma: tariff amount",
       Edit(R"("amount": 40,)", R"("amount": "40,50",)"),
       {"scenario.json: /domains/jeugd/forms/ambulant/tariff/amount: must be a number (without "
        "quotes) (value: \"40,50\")"}},
      {"name is empty",
       Edit(R"("start_date": "2025-01-01",)", R"("name": "", "start_date": "2025-01-01",)"),
       {"scenario.json: /name: must be non-empty text (value: \"\")"}},
      {"a form is not an object",
       Edit(R"("verblijf": {
          "capacity": 10,)",
            R"("verblijf": 7, "verblijf_oud": {
          "capacity": 10,)"),
       {"scenario.json: /domains/jeugd/forms/verblijf: must be an object { \"key\": value, ... } "
        "(value: 7)"}},
      {"transitions is not an object",
       Edit(R"("transitions": {"verblijf": 0.05, "wmo.begeleiding": 0.1})",
            R"("transitions": 0.05)"),
       {"scenario.json: /domains/jeugd/forms/ambulant/transitions: must be an object {\"form\": "
        "share, ...} (value: 0.05)"}},

      // --- domains and arrivals ----------------------------------------------------------------
      {"domains missing",
       R"({"start_date": "2025-01-01", "end_date": "2028-12-31"})",
       {"scenario.json: /domains: is required: at least one domain with care forms, e.g. "
        "\"jeugd\""}},
      {"domains empty",
       R"({"domains": {}})",
       {"scenario.json: /domains: needs at least one domain (value: {})"}},
      {"a domain is not an object",
       Edit(R"("wmo": {)", R"("extra": 5,
    "wmo": {)"),
       {"scenario.json: /domains/extra: must be an object { \"key\": value, ... } (value: 5)"}},
      {"arrivals_per_year missing (and routing left on the domain)",
       Edit("      \"arrivals_per_year\": 100,\n", ""),
       {"scenario.json: /domains/jeugd/routing: routing belongs inside a demand stream (or next to "
        "arrivals_per_year)",
        "scenario.json: /domains/jeugd/demand: is required: the streams of new requests, e.g. "
        "\"demand\": {\"toegang\": {\"per_1000\": 30, ...}} (or arrivals_per_year with routing for "
        "one simple stream)"}},
      {"arrivals_per_year missing in a domain with one form and no routing",
       Edit("      \"arrivals_per_year\": 50,\n", ""),
       {"scenario.json: /domains/wmo/demand: is required: the streams of new requests, e.g. "
        "\"demand\": {\"toegang\": {\"per_1000\": 30, ...}} (or arrivals_per_year with routing for "
        "one simple stream)"}},
      {"arrivals_per_day negative",
       Edit(R"("arrivals_per_year": 100)", R"("arrivals_per_day": -0.5)"),
       {"scenario.json: /domains/jeugd/arrivals_per_day: must not be negative (value: -0.5)"}},
      {"arrivals_per_year negative",
       Edit(R"("arrivals_per_year": 100)", R"("arrivals_per_year": -100)"),
       {"scenario.json: /domains/jeugd/arrivals_per_year: must not be negative (value: -100)"}},

      // --- routing -----------------------------------------------------------------------------
      {"routing missing with more than one form",
       Edit("      \"routing\": {\"ambulant\": 0.8, \"verblijf\": 0.2},\n", ""),
       {"scenario.json: /domains/jeugd/routing: is required: the share of requests that goes to "
        "each form (or no_help, algemene_voorziening), summing to 1"}},
      {"routing share above 1",
       Edit(R"("ambulant": 0.8,)", R"("ambulant": 1.2,)"),
       {"scenario.json: /domains/jeugd/routing/ambulant: is a probability and must lie between 0 "
        "and 1 (write 5% as 0.05) (value: 1.2)"}},
      {"routing share written as a percentage",
       Edit(R"("ambulant": 0.8,)", R"("ambulant": 80,)"),
       {"scenario.json: /domains/jeugd/routing/ambulant: is a probability and must lie between 0 "
        "and 1 (write 5% as 0.05) (value: 80)"}},
      {"routing shares not summing to 1",
       Edit(R"("ambulant": 0.8,)", R"("ambulant": 0.7,)"),
       {"scenario.json: /domains/jeugd/routing: routing shares must sum to 1 (they sum to 0.9) "
        "(value: 0.9)"}},
      {"routing to another domain's form",
       Edit(R"("verblijf": 0.2})", R"("wmo.begeleiding": 0.2})"),
       {"scenario.json: /domains/jeugd/routing/wmo.begeleiding: new requests are routed to forms "
        "of their own domain; a move to another domain belongs in a form's transitions or the "
        "age_limit transfer"}},
      {"routing to an unknown form",
       Edit(R"("verblijf": 0.2})", R"("verblif": 0.2})"),
       {"scenario.json: /domains/jeugd/routing/verblif: unknown care form \"verblif\" (use a form "
        "id of this domain, or \"domain.form\"); did you mean \"verblijf\"?"}},

      // --- transitions -------------------------------------------------------------------------
      {"transition probability negative",
       Edit(R"("verblijf": 0.05,)", R"("verblijf": -0.1,)"),
       {"scenario.json: /domains/jeugd/forms/ambulant/transitions/verblijf: is a probability and "
        "must lie between 0 and 1 (write 5% as 0.05) (value: -0.1)"}},
      {"transition probability above 1",
       Edit(R"("verblijf": 0.05,)", R"("verblijf": 1.2,)"),
       {"scenario.json: /domains/jeugd/forms/ambulant/transitions/verblijf: is a probability and "
        "must lie between 0 and 1 (write 5% as 0.05) (value: 1.2)"}},
      {"transitions summing to more than 1",
       Edit(R"("verblijf": 0.05,)", R"("verblijf": 0.95,)"),
       {"scenario.json: /domains/jeugd/forms/ambulant/transitions: transition probabilities sum "
        "to 1.05, more than 1 (what remains below 1 leaves care as \"afgerond\") (value: 1.05)"}},
      {"transitions with an explicit afgerond (leave care) not summing to 1",
       Edit(R"("verblijf": 0.05,)", R"("verblijf": 0.05, "afgerond": 0.8,)"),
       {"scenario.json: /domains/jeugd/forms/ambulant/transitions: transition probabilities must "
        "sum to 1 (they sum to 0.95) (value: 0.95)"}},
      {"transition to an unknown form of this domain",
       Edit(R"("verblijf": 0.05,)", R"("verblif": 0.05,)"),
       {"scenario.json: /domains/jeugd/forms/ambulant/transitions/verblif: unknown care form "
        "\"verblif\" (use a form id of this domain, or \"domain.form\"); did you mean "
        "\"verblijf\"?"}},
      {"transition to an unknown form of another domain",
       Edit(R"("wmo.begeleiding": 0.1)", R"("wmo.begeleideng": 0.1)"),
       {"scenario.json: /domains/jeugd/forms/ambulant/transitions/wmo.begeleideng: unknown care "
        "form \"wmo.begeleideng\" (use a form id of this domain, or \"domain.form\"); did you mean "
        "\"wmo.begeleiding\"?"}},
      {"transition to another domain's form without the domain",
       Edit(R"("wmo.begeleiding": 0.1)", R"("begeleiding": 0.1)"),
       {"scenario.json: /domains/jeugd/forms/ambulant/transitions/begeleiding: unknown care form "
        "\"begeleiding\" (use a form id of this domain, or \"domain.form\"); did you mean "
        "\"wmo.begeleiding\"?"}},

      // --- tariffs -----------------------------------------------------------------------------
      {"tariff missing",
       Edit("          \"tariff\": {\"amount\": 40, \"per\": \"day\"},\n", ""),
       {"scenario.json: /domains/jeugd/forms/ambulant/tariff: is required: the price of care, e.g. "
        "{\"amount\": 40, \"per\": \"day\"} (0 if free), or a lump_sum contract"}},
      {"tariff amount negative",
       Edit(R"("amount": 40,)", R"("amount": -40,)"),
       {"scenario.json: /domains/jeugd/forms/ambulant/tariff/amount: must not be negative (value: "
        "-40)"}},
      {"tariff per missing",
       Edit(R"({"amount": 40, "per": "day"})", R"({"amount": 40})"),
       {"scenario.json: /domains/jeugd/forms/ambulant/tariff/per: is required: what the amount is "
        "per: \"day\", \"week\", \"month\", \"year\" or \"trajectory\""}},
      {"tariff amount missing",
       Edit(R"({"amount": 40, "per": "day"})", R"({"per": "day"})"),
       {"scenario.json: /domains/jeugd/forms/ambulant/tariff/amount: is required: the price in "
        "euros"}},
      {"tariff per in Dutch: dag",
       Edit(R"("per": "month")", R"("per": "dag")"),
       {"scenario.json: /domains/wmo/forms/begeleiding/tariff/per: unknown value; must be one of "
        "\"day\", \"week\", \"month\", \"year\", \"trajectory\"; did you mean \"day\"? (value: "
        "\"dag\")"}},
      {"tariff per in Dutch: jaar",
       Edit(R"("per": "month")", R"("per": "jaar")"),
       {"scenario.json: /domains/wmo/forms/begeleiding/tariff/per: unknown value; must be one of "
        "\"day\", \"week\", \"month\", \"year\", \"trajectory\"; did you mean \"year\"? (value: "
        "\"jaar\")"}},
      {"tariff per in capitals",
       Edit(R"("per": "month")", R"("per": "MONTH")"),
       {"scenario.json: /domains/wmo/forms/begeleiding/tariff/per: unknown value; must be one of "
        "\"day\", \"week\", \"month\", \"year\", \"trajectory\"; did you mean \"month\"? (value: "
        "\"MONTH\")"}},
      {"tariff per nothing like a period",
       Edit(R"("per": "month")", R"("per": "client")"),
       {"scenario.json: /domains/wmo/forms/begeleiding/tariff/per: unknown value; must be one of "
        "\"day\", \"week\", \"month\", \"year\", \"trajectory\" (value: \"client\")"}},
      {"tariff schedule empty",
       Edit(R"({"amount": 40, "per": "day"})", "[]"),
       {"scenario.json: /domains/jeugd/forms/ambulant/tariff: a price schedule needs at least one "
        "price"}},
      {"tariff schedule with a negative later price",
       Edit(
           R"({"amount": 40, "per": "day"})",
           R"([{"amount": 40, "per": "day"}, {"from": "2027-01-01", "amount": -42, "per": "day"}])"),
       {"scenario.json: /domains/jeugd/forms/ambulant/tariff/1/amount: must not be negative "
        "(value: -42)"}},
      {"from in a single tariff (only schedules have dates)",
       Edit(R"({"amount": 40, "per": "day"})",
            R"({"from": "2026-01-01", "amount": 40, "per": "day"})"),
       {"scenario.json: /domains/jeugd/forms/ambulant/tariff/from: unknown key \"from\"; known "
        "keys here: amount, per"}},

      // --- durations ---------------------------------------------------------------------------
      {"duration missing",
       Edit("          \"duration\": {\"type\": \"lognormal\", \"mean\": 300, \"sd\": 250},\n", ""),
       {"scenario.json: /domains/jeugd/forms/ambulant/duration: is required: the time in care, "
        "e.g. {\"type\": \"lognormal\", \"mean\": 300, \"sd\": 250}"}},
      {"duration type missing",
       Edit(kVerblijfDuration, R"({"mean": 400})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/type: is required: one of "
        "exponential, lognormal, gamma, weibull, fixed, empirical"}},
      {"unknown distribution type: lognormaal",
       Edit(kVerblijfDuration, R"({"type": "lognormaal", "mean": 400, "sd": 300})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/type: unknown value; must be one "
        "of \"exponential\", \"lognormal\", \"gamma\", \"weibull\", \"fixed\", \"empirical\"; did "
        "you mean \"lognormal\"? (value: \"lognormaal\")"}},
      {"duration mean negative and sd zero",
       Edit(kVerblijfDuration, R"({"type": "lognormal", "mean": -400, "sd": 0})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/mean: must be greater than 0 "
        "(value: -400)",
        "scenario.json: /domains/jeugd/forms/verblijf/duration/sd: must be greater than 0 (value: "
        "0)"}},
      {"exponential mean zero",
       Edit(R"("mean": 400})", R"("mean": 0})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/mean: must be greater than 0 "
        "(value: 0)"}},
      {"sd missing",
       Edit(kVerblijfDuration, R"({"type": "lognormal", "mean": 400})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/sd: is required: the standard "
        "deviation of the duration (use type \"fixed\" for none)"}},
      {"sigma missing",
       Edit(kVerblijfDuration, R"({"type": "lognormal", "mu": 5.5})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/sigma: is required: the sigma "
        "parameter"}},
      {"gamma shape zero",
       Edit(kVerblijfDuration, R"({"type": "gamma", "shape": 0, "scale": 100})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/shape: must be greater than 0 "
        "(value: 0)"}},
      {"duration unit near a known one",
       Edit(R"("unit": "years")", R"("unit": "year")"),
       {"scenario.json: /domains/wmo/forms/begeleiding/duration/unit: unknown value; must be one "
        "of \"days\", \"weeks\", \"months\", \"years\"; did you mean \"years\"? (value: "
        "\"year\")"}},
      {"duration unit hours: not a unit, and not suggested as years",
       Edit(R"("unit": "years")", R"("unit": "hours")"),
       {"scenario.json: /domains/wmo/forms/begeleiding/duration/unit: unknown value; must be one "
        "of \"days\", \"weeks\", \"months\", \"years\" (value: \"hours\")"}},
      {"Weibull with sd far below the mean",
       Edit(kVerblijfDuration, R"({"type": "weibull", "mean": 400, "sd": 1})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/sd: a Weibull needs sd/mean "
        "between 0.01 and 100 (here 0.0025); for no spread use type \"fixed\" (value: 1.0)"}},
      {"Weibull with sd far above the mean",
       Edit(kVerblijfDuration, R"({"type": "weibull", "mean": 2, "sd": 400})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/sd: a Weibull needs sd/mean "
        "between 0.01 and 100 (here 200) (value: 400.0)"}},
      {"fixed duration given a mean",
       Edit(kVerblijfDuration, R"({"type": "fixed", "mean": 400})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/value: is required: the fixed "
        "duration",
        "scenario.json: /domains/jeugd/forms/verblijf/duration/mean: unknown key \"mean\"; known "
        "keys here: type, unit, value"}},
      {"fixed duration negative",
       Edit(kVerblijfDuration, R"({"type": "fixed", "value": -1})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/value: must not be negative "
        "(value: -1)"}},
      {"empirical buckets missing",
       Edit(kVerblijfDuration, R"({"type": "empirical"})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/buckets: is required: a list of "
        "{\"upto\": .., \"share\": ..} duration buckets"}},
      {"empirical buckets not summing to 1",
       Edit(
           kVerblijfDuration,
           R"({"type": "empirical", "buckets": [{"upto": 100, "share": 0.5}, {"upto": 200, "share": 0.3}, {"upto": 300, "share": 0.1}]})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/buckets: bucket shares must sum to "
        "1 (they sum to 0.9) (value: 0.9)"}},
      {"empirical bucket share above 1",
       Edit(kVerblijfDuration,
            R"({"type": "empirical", "buckets": [{"upto": 100, "share": 1.5}]})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/buckets/0/share: is a probability "
        "and must lie between 0 and 1 (write 5% as 0.05) (value: 1.5)"}},

      // --- capacity ----------------------------------------------------------------------------
      {"capacity negative",
       Edit(R"("capacity": 10)", R"("capacity": -1)"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capacity: capacity must be a whole number, 0 "
        "or more (places); leave it out for no cap (value: -1)"}},
      {"capacity fractional",
       Edit(R"("capacity": 10)", R"("capacity": 2.5)"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capacity: capacity must be a whole number, 0 "
        "or more (places); leave it out for no cap (value: 2.5)"}},
      {"capacity schedule empty",
       Edit(R"("capacity": 10)", R"("capacity": [])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capacity: capacity must be a number of "
        "places, {\"fte\": .., \"clients_per_fte\": ..}, or a list [{\"from\": \"YYYY-MM-DD\", "
        "\"places\": n}, ...]; leave it out for no cap (value: [])"}},
      {"capacity schedule places fractional",
       Edit(R"("capacity": 10)", R"("capacity": [{"places": 10.5}])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capacity/0/places: must be a whole number, "
        "0 or more (value: 10.5)"}},
      {"capacity schedule dates not increasing",
       Edit(
           R"("capacity": 10)",
           R"("capacity": [{"places": 10}, {"from": "2027-01-01", "places": 12}, {"from": "2026-01-01", "places": 14}])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capacity/2/from: capacity dates must "
        "increase (value: \"2026-01-01\")"}},
      {"capacity schedule later step without a date",
       Edit(R"("capacity": 10)", R"("capacity": [{"places": 10}, {"places": 12}])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capacity/1/from: is required: the date from "
        "which this number of places applies"}},
      {"capacity schedule places missing",
       Edit(R"("capacity": 10)", R"("capacity": [{"from": "2026-01-01"}])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capacity/0/places: is required: the number "
        "of places"}},
      {"capacity dates outside the horizon (before start_date and after end_date)",
       Edit(
           R"("capacity": 10)",
           R"("capacity": [{"places": 10}, {"from": "2024-06-01", "places": 12}, {"from": "2029-01-01", "places": 14}])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capacity/1/from: date outside the horizon "
        "2025-01-01 .. 2028-12-31 of this scenario (start_date/end_date) (value: \"2024-06-01\")",
        "scenario.json: /domains/jeugd/forms/verblijf/capacity/2/from: date outside the horizon "
        "2025-01-01 .. 2028-12-31 of this scenario (start_date/end_date) (value: "
        "\"2029-01-01\")"}},
      {"capacity date that does not exist",
       Edit(R"("capacity": 10)",
            R"("capacity": [{"places": 10}, {"from": "2025-02-30", "places": 12}])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capacity/1/from: must be a date written as "
        "\"YYYY-MM-DD\" that exists (e.g. \"2027-01-01\") (value: \"2025-02-30\")"}},
      {"capacity date written day first",
       Edit(R"("capacity": 10)",
            R"("capacity": [{"places": 10}, {"from": "01-01-2026", "places": 12}])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capacity/1/from: must be a date written as "
        "\"YYYY-MM-DD\" that exists (e.g. \"2027-01-01\") (value: \"01-01-2026\")"}},

      // --- dates --------------------------------------------------------------------------------
      {"start_date that does not exist",
       Edit(R"("start_date": "2025-01-01")", R"("start_date": "2025-02-30")"),
       {"scenario.json: /start_date: must be a date written as \"YYYY-MM-DD\" that exists (value: "
        "\"2025-02-30\")"}},
      {"end_date written day first",
       Edit(R"("end_date": "2028-12-31")", R"("end_date": "31-12-2028")"),
       {"scenario.json: /end_date: must be a date written as \"YYYY-MM-DD\" that exists (value: "
        "\"31-12-2028\")"}},
      {"end_date before start_date",
       Edit(R"("end_date": "2028-12-31")", R"("end_date": "2024-12-31")"),
       {"scenario.json: /end_date: must not be before start_date 2025-01-01 (value: "
        "\"2024-12-31\")"}},
      {"end_date not text",
       Edit(R"("end_date": "2028-12-31")", R"("end_date": 2028)"),
       {"scenario.json: /end_date: must be text in double quotes (value: 2028)"}},
      {"horizon longer than 60 years",
       Edit(R"("end_date": "2028-12-31")", R"("end_date": "2090-12-31")"),
       {"scenario.json: /end_date: the horizon may be at most 60 years (value: \"2090-12-31\")"}},
      {"end_date in Dutch: einddatum",
       Edit(R"("end_date")", R"("einddatum")"),
       {"scenario.json: /einddatum: unknown key \"einddatum\"; did you mean \"end_date\"?"}},

      // --- domains without forms
      // ------------------------------------------------------------------
      {"domain without forms",
       Edit(R"("wmo": {)", R"("beschermd_wonen": {"arrivals_per_year": 5},
    "wmo": {)"),
       {"scenario.json: /domains/beschermd_wonen/forms: a domain needs at least one care form: "
        "\"forms\": {\"begeleiding\": {...}}"}},
      {"domain with empty forms",
       Edit(R"("wmo": {)", R"("beschermd_wonen": {"arrivals_per_year": 5, "forms": {}},
    "wmo": {)"),
       {"scenario.json: /domains/beschermd_wonen/forms: a domain needs at least one care form: "
        "\"forms\": {\"begeleiding\": {...}} (value: {})"}},

      // --- empirical buckets
      // ----------------------------------------------------------------------
      {"empirical bucket bounds not increasing",
       Edit(
           kVerblijfDuration,
           R"({"type": "empirical", "buckets": [{"upto": 100, "share": 0.5}, {"upto": 100, "share": 0.5}]})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/buckets/1/upto: bucket bounds must "
        "increase: upto must be above the previous bound 100 (value: 100)"}},
      {"empirical open bucket not last",
       Edit(
           kVerblijfDuration,
           R"({"type": "empirical", "buckets": [{"share": 0.5, "tail_mean": 50}, {"upto": 100, "share": 0.5}]})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/buckets/0/upto: only the last "
        "bucket may be open-ended; give its upper bound"}},
      {"empirical open last bucket without tail_mean",
       Edit(kVerblijfDuration,
            R"({"type": "empirical", "buckets": [{"upto": 100, "share": 0.5}, {"share": 0.5}]})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/buckets/1/tail_mean: is required: "
        "the mean time beyond the start of the open last bucket, in the distribution's unit"}},
      {"empirical bucket upto negative",
       Edit(
           kVerblijfDuration,
           R"({"type": "empirical", "buckets": [{"upto": -100, "share": 0.5}, {"share": 0.5, "tail_mean": 50}]})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/buckets/0/upto: must be greater "
        "than 0 (value: -100)"}},
      {"empirical bucket sum shown without rounding noise",
       Edit(
           kVerblijfDuration,
           R"({"type": "empirical", "buckets": [{"upto": 100, "share": 0.1}, {"upto": 200, "share": 0.2}]})"),
       {"scenario.json: /domains/jeugd/forms/verblijf/duration/buckets: bucket shares must sum to "
        "1 (they sum to 0.3) (value: 0.3)"}},

      // --- tariff schedules
      // -----------------------------------------------------------------------
      {"tariff schedule: later price without from",
       Edit(R"({"amount": 250, "per": "day"})",
            R"([{"amount": 250, "per": "day"}, {"amount": 260, "per": "day"}])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/tariff/1/from: is required: the date from "
        "which this price applies"}},
      {"tariff schedule: first price from after start_date",
       Edit(R"({"amount": 250, "per": "day"})",
            R"([{"from": "2026-01-01", "amount": 250, "per": "day"}])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/tariff/0/from: the first price must apply "
        "from start_date (leave out \"from\") (value: \"2026-01-01\")"}},
      {"tariff schedule: date after end_date",
       Edit(
           R"({"amount": 250, "per": "day"})",
           R"([{"amount": 250, "per": "day"}, {"from": "2030-01-01", "amount": 260, "per": "day"}])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/tariff/1/from: date outside the horizon "
        "2025-01-01 .. 2028-12-31 of this scenario (start_date/end_date) (value: "
        "\"2030-01-01\")"}},
      {"tariff schedule: dates not increasing",
       Edit(
           R"({"amount": 250, "per": "day"})",
           R"([{"amount": 250, "per": "day"}, {"from": "2027-01-01", "amount": 260, "per": "day"}, {"from": "2026-01-01", "amount": 270, "per": "day"}])"),
       {"scenario.json: /domains/jeugd/forms/verblijf/tariff/2/from: price dates must increase "
        "(value: \"2026-01-01\")"}},
      {"tariff is a bare number",
       Edit(R"({"amount": 250, "per": "day"})", "250"),
       {"scenario.json: /domains/jeugd/forms/verblijf/tariff: a price is written {\"amount\": 40, "
        "\"per\": \"day\"} (per day, week, month, year or trajectory) (value: 250)"}},
      {"tariff per maand (Dutch)",
       Edit(R"("per": "month")", R"("per": "maand")"),
       {"scenario.json: /domains/wmo/forms/begeleiding/tariff/per: unknown value; must be one of "
        "\"day\", \"week\", \"month\", \"year\", \"trajectory\"; did you mean \"month\"? (value: "
        "\"maand\")"}},

      // --- two-parameter distributions: one way or the other
      // --------------------------------------
      {"mean and sd mixed with mu",
       Edit(R"("mean": 300, "sd": 250)", R"("mean": 300, "sd": 250, "mu": 5.5)"),
       {"scenario.json: /domains/jeugd/forms/ambulant/duration: give either mean and sd, or mu and "
        "sigma - not both"}},
      {"mean mixed with shape and scale",
       Edit(R"("mean": 1, "sd": 0.5,)", R"("mean": 1, "shape": 2, "scale": 0.5,)"),
       {"scenario.json: /domains/wmo/forms/begeleiding/duration: give either mean and sd, or shape "
        "and scale - not both"}},
      {"duration unit jaren (Dutch)",
       Edit(R"("unit": "years")", R"("unit": "jaren")"),
       {"scenario.json: /domains/wmo/forms/begeleiding/duration/unit: unknown value; must be one "
        "of \"days\", \"weeks\", \"months\", \"years\"; did you mean \"years\"? (value: "
        "\"jaren\")"}},

      // --- numbers in quotes
      // ----------------------------------------------------------------------
      {"routing share in quotes",
       Edit(R"("ambulant": 0.8,)", R"("ambulant": "0.8",)"),
       {"scenario.json: /domains/jeugd/routing/ambulant: must be a number between 0 and 1 (without "
        "quotes) (value: \"0.8\")"}},
      {"capacity in quotes",
       Edit(R"("capacity": 10)", R"("capacity": "10")"),
       {"scenario.json: /domains/jeugd/forms/verblijf/capacity: capacity must be a number of "
        "places (without quotes); leave it out for no cap (value: \"10\")"}},

      // --- syntax hints for the usual hand-editing mistakes
      // ---------------------------------------
      {"syntax: missing comma at the end of a line",
       Edit(R"("arrivals_per_year": 100,)", R"("arrivals_per_year": 100)"),
       {"scenario.json:8:15: syntax error: unexpected string literal; expected '}' (is a comma "
        "missing at the end of the previous line?)\n"
        R"(          "routing": {"ambulant": 0.8, "verblijf": 0.2},)"
        "\n"
        "                  ^ near here"}},
      {"syntax: decimal comma",
       Edit(R"("amount": 40,)", R"("amount": 40,50,)"),
       {"scenario.json:12:36: syntax error: unexpected number literal; expected string literal (a "
        "decimal comma? write 40.50, not 40,50)\n"
        R"(              "tariff": {"amount": 40,50, "per": "day"},)"
        "\n"
        "                                       ^ near here"}},
      {"syntax: single quotes",
       Edit(R"("per": "month")", R"("per": 'month')"),
       {"scenario.json:27:44: syntax error: invalid literal; last read: '\"per\": '' (text must "
        "be in double quotes \"...\", not single quotes)\n"
        R"(              "tariff": {"amount": 900, "per": 'month'})"
        "\n"
        "                                               ^ near here"}},
      {"empty file",
       "",
       {"scenario.json:1:1: the file is empty; a scenario or budget file is one JSON object { ... "
        "}"}},
      {"file of only spaces and a newline",
       "  \n",
       {"scenario.json:1:1: the file is empty; a scenario or budget file is one JSON object { ... "
        "}"}},

      // --- several problems in one file: all reported (a domain's forms before its demand) -------
      {"three independent problems",
       Edit({{R"("ambulant": 0.8,)", R"("ambulant": 0.7,)"},
             {R"("amount": 40,)", R"("amount": -40,)"},
             {R"("capacity": 10)", R"("captacity": 10)"}}),
       {"scenario.json: /domains/jeugd/forms/ambulant/tariff/amount: must not be negative (value: "
        "-40)",
        "scenario.json: /domains/jeugd/forms/verblijf/captacity: unknown key \"captacity\"; did "
        "you mean \"capacity\"?",
        "scenario.json: /domains/jeugd/routing: routing shares must sum to 1 (they sum to 0.9) "
        "(value: 0.9)"}},
  };
}

TEST_CASE("the base scenario of the bad-scenario table is valid", "[scenario]") {
  CHECK(LoadText(kBase, nullptr).empty());
  CHECK(LoadText(Edit(kVerblijfDuration, kVerblijfDuration), nullptr).empty());
}

TEST_CASE("every rule of the scenario builder reports the exact problem", "[scenario]") {
  for (const BadScenario& row : BadScenarios()) {
    INFO("row: " << row.name);
    CHECK(LoadText(row.text, nullptr) == row.expected);
  }
}

TEST_CASE("independent problems in one file are all reported, not only the first", "[scenario]") {
  const std::string text =
      Edit({{R"("arrivals_per_year": 50)", R"("arrivals_per_year": -50)"},
            {R"("mean": 400})", R"("mean": "400"})"},
            {R"("verblijf": 0.05,)", R"("verblijf": 1.05,)"},
            {R"("end_date": "2028-12-31",)", R"("end_date": "2028-12-31", "sed": 1,)"}});
  const auto problems = LoadText(text, nullptr);
  CHECK(problems ==
        std::vector<std::string>{
            "scenario.json: /domains/jeugd/forms/ambulant/transitions/verblijf: is a "
            "probability and must lie between 0 and 1 (write 5% as 0.05) (value: 1.05)",
            "scenario.json: /domains/jeugd/forms/verblijf/duration/mean: must be a "
            "number (without quotes) (value: \"400\")",
            "scenario.json: /domains/wmo/arrivals_per_year: must not be negative "
            "(value: -50)",
            "scenario.json: /sed: unknown key \"sed\"; known keys here: " + kTopLevelKeys});
}

// --- extends chains: several files ---------------------------------------------------------------

struct BadChain {
  const char* name;
  std::vector<File> files;  // the first is the one loaded
  std::vector<std::string> expected;
};

TEST_CASE("extends: problems name the file that has to be edited", "[scenario]") {
  const std::string bad_base = Edit(R"("amount": 40,)", R"("amount": -40,)");
  const std::vector<BadChain> rows = {
      {"base file missing",
       {{"child.json", R"({"extends": "baseline.json"})"}},
       {"child.json: /extends: cannot read scenario file: baseline.json: cannot open: No such file "
        "or directory"}},
      {"extends is not text",
       {{"child.json", R"({"extends": 5})"}},
       {"child.json: /extends: extends must be the path of a base scenario file relative to this "
        "file (e.g. \"baseline.json\"), or a list of them to combine (value: 5)"}},
      {"extends is empty",
       {{"child.json", R"({"extends": ""})"}},
       {"child.json: /extends: extends must be the path of a base scenario file relative to this "
        "file (e.g. \"baseline.json\"), or a list of them to combine (value: \"\")"}},
      {"a extends b extends a",
       {{"a.json", R"({"extends": "b.json"})"}, {"b.json", R"({"extends": "a.json"})"}},
       {"b.json: /extends: extends loops back to a file already in the chain; a base must not "
        "extend (directly or indirectly) the file that extends it (value: \"a.json\")"}},
      {"a file extends itself",
       {{"a.json", R"({"extends": "a.json"})"}},
       {"a.json: /extends: extends loops back to a file already in the chain; a base must not "
        "extend (directly or indirectly) the file that extends it (value: \"a.json\")"}},
      {"syntax error in the base is reported in the base",
       {{"child.json", R"({"extends": "base.json"})"}, {"base.json", "{\n  \"domains\": {,\n}\n"}},
       {"base.json:2:15: syntax error: unexpected ','; expected string literal\n"
        "      \"domains\": {,\n"
        "                  ^ near here"}},
      {"base top level not an object",
       {{"child.json", R"({"extends": "base.json"})"}, {"base.json", "[]"}},
       {"base.json: (top level): a scenario file must contain one JSON object { ... } (value: "
        "[])"}},
      {"error in the base and error in the child: each in its own file",
       {{"child.json",
         R"({"extends": "base.json", "domains": {"jeugd": {"arrivals_per_year": -5}}})"},
        {"base.json", bad_base}},
       {"base.json: /domains/jeugd/forms/ambulant/tariff/amount: must not be negative (value: "
        "-40)",
        "child.json: /domains/jeugd/arrivals_per_year: must not be negative (value: -5)"}},
      {"child breaks a sum of shares it only partly overrides",
       {{"child.json",
         R"({"extends": "base.json", "domains": {"jeugd": {"routing": {"ambulant": 0.7}}}})"},
        {"base.json", kBase}},
       {"child.json: /domains/jeugd/routing: routing shares must sum to 1 (they sum to 0.9) "
        "(value: 0.9)"}},
      {"child removes a required key with null: the child is to be edited",
       {{"child.json",
         R"({"extends": "base.json", "domains": {"jeugd": {"forms": {"ambulant": {"tariff": null}}}}})"},
        {"base.json", kBase}},
       {"child.json: /domains/jeugd/forms/ambulant/tariff: is required: the price of care, e.g. "
        "{\"amount\": 40, \"per\": \"day\"} (0 if free), or a lump_sum contract"}},
      {"misspelt key in the child",
       {{"child.json",
         R"({"extends": "base.json", "domains": {"jeugd": {"forms": {"verblijf": {"captacity": 12}}}}})"},
        {"base.json", kBase}},
       {"child.json: /domains/jeugd/forms/verblijf/captacity: unknown key \"captacity\"; did you "
        "mean \"capacity\"?"}},
      {"base in a subfolder, its own base relative to it",
       {{"child.json", R"({"extends": "shared/mid.json"})"},
        {"shared/mid.json",
         R"({"extends": "base.json", "domains": {"wmo": {"arrivals_per_year": "veel"}}})"},
        {"shared/base.json", kBase}},
       {"shared/mid.json: /domains/wmo/arrivals_per_year: must be a number (without quotes) "
        "(value: \"veel\")"}},
  };
  for (const BadChain& row : rows) {
    INFO("row: " << row.name);
    CHECK(LoadFiles(row.files) == row.expected);
  }
}

TEST_CASE("extends: a chain of more than 16 files is refused", "[scenario]") {
  std::vector<File> files;
  for (int i = 0; i < 16; ++i)
    files.push_back({"f" + std::to_string(i) + ".json",
                     R"({"extends": "f)" + std::to_string(i + 1) + R"(.json"})"});
  files.push_back({"f16.json", kBase});
  CHECK(LoadFiles(files) ==
        std::vector<std::string>{"f15.json: /extends: extends chain is deeper than 16 files"});
  // 16 files are fine.
  files.erase(files.begin());
  CHECK(LoadFiles(files).empty());
}

TEST_CASE("at most 128 output rows that count clients", "[scenario]") {
  // One domain with n forms (one pillar, one taakveld) gives n + 6 rows that count unique clients:
  // the forms, the domain's pillar, the domain's taakveld, the domain, the pillar, the taakveld
  // and the total (the payer rows count only cost).
  auto scenario = [](int forms) {
    std::string text =
        R"({"domains": {"d": {"arrivals_per_year": 1, "routing": {"f0": 1}, "forms": {)";
    for (int i = 0; i < forms; ++i)
      text +=
          (i ? ", " : "") + std::string("\"f") + std::to_string(i) +
          R"(": {"duration": {"type": "fixed", "value": 1}, "tariff": {"amount": 1, "per": "day"}})";
    return text + "}}}}";
  };
  CHECK(LoadText(scenario(122), nullptr).empty());
  CHECK(LoadText(scenario(123), nullptr) ==
        std::vector<std::string>{"scenario.json: /domains: too many forms and groups for one "
                                 "scenario (at most 128 output rows with client counts)"});
}

TEST_CASE("extends: null in a child removes a base key, so its default applies", "[scenario]") {
  Model base_model;
  REQUIRE(LoadFiles({{"base.json", kBase}}, &base_model).empty());
  REQUIRE(base_model.nodes[1].key() == "jeugd.verblijf");
  REQUIRE(base_model.nodes[1].capacity.size() == 1);
  CHECK(base_model.nodes[1].capacity[0].places == 10);
  CHECK(base_model.nodes[1].capped());

  Model model;
  ResolvedScenario resolved;
  const auto problems = LoadFiles(
      {{"uncapped.json",
        R"({"extends": "base.json", "domains": {"jeugd": {"forms": {"verblijf": {"capacity": null}}}}})"},
       {"base.json", kBase}},
      &model, &resolved);
  REQUIRE(problems.empty());
  CHECK_FALSE(resolved.doc["domains"]["jeugd"]["forms"]["verblijf"].contains("capacity"));
  REQUIRE(model.nodes[1].key() == "jeugd.verblijf");
  REQUIRE(model.nodes[1].capacity.size() == 1);
  CHECK(model.nodes[1].capacity[0].day == 0.0);
  CHECK(model.nodes[1].capacity[0].places == kUnlimited);
  CHECK_FALSE(model.nodes[1].capped());
}

TEST_CASE("null in a single file means 'not given': a null capacity is no cap", "[scenario]") {
  Model model;
  CHECK(LoadText(Edit(R"("capacity": 10)", R"("capacity": null)"), &model).empty());
  REQUIRE(model.nodes[1].key() == "jeugd.verblijf");
  CHECK_FALSE(model.nodes[1].capped());
}

// --- the v3 schema: population, indexation, demand streams, toegang, age limit, cost lines,
// contracts and targets -------------------------------------------------------------------------

// A small valid scenario that uses every part of the sociaal-domein schema. Each row of the v3
// table below breaks one thing in it.
const char kV3[] = R"({
  // A small valid v3 scenario; each row of the v3 table breaks one thing.
  "start_date": "2025-01-01",
  "end_date": "2027-12-31",
  "indexation": {"base_year": 2025, "rates": {"2026": 0.035, "2027": 0.03}},
  "population": {
    "bands": {
      "0-17": {"count": 8000, "growth_per_year": 0.01},
      "18-22": {"count": 3000},
      "23-64": {"count": 25000, "growth_per_year": 0.005},
      "65+": {"count": 8000, "growth_per_year": 0.04}
    }
  },
  "domains": {
    "jeugd": {
      "band": "0-17",
      "taakveld": "6.72",
      "volatility": 0.1,
      "handover_to": "lokaal_team",
      "toegang": {
        "fte": 4,
        "assessments_per_fte_per_year": 120,
        "cost_per_fte": 85000,
        "assessment_time": {"type": "exponential", "mean": 4, "unit": "weeks"}
      },
      "demand": {
        "toegang": {
          "per_1000": 40,
          "trend_per_year": 0.02,
          "routing": {"no_help": 0.1, "algemene_voorziening": 0.1, "lokaal_team": 0.5, "ambulant": 0.3}
        },
        "huisarts": {"per_1000": 10, "via": "direct", "ages": [4, 17], "routing": {"ambulant": 0.8, "verblijf": 0.2}}
      },
      "age_limit": {
        "age": 18,
        "verlengd": {"share": 0.2, "until_age": 21},
        "transfer": {"wmo.begeleiding": 0.1}
      },
      "cost_lines": {
        "voorliggend_veld": {"amount_per_year": 500000}
      },
      "forms": {
        "lokaal_team": {
          "beschikking": false,
          "capacity": {"fte": 5, "clients_per_fte": 30},
          "staff": {"fte": 5, "cost_per_fte": 80000},
          "duration": {"type": "exponential", "mean": 6, "unit": "months"}
        },
        "ambulant": {
          "duration": {"type": "lognormal", "mean": 300, "sd": 250},
          "tariff": {"amount": 40, "per": "day"},
          "pgb": {"share": 0.1, "tariff": {"amount": 30, "per": "day"}},
          "transitions": {"verblijf": 0.05, "overgedragen": 0.2, "voortijdig": 0.1},
          "reentry": {"probability": 0.1, "delay": {"type": "exponential", "mean": 9, "unit": "months"}},
          "escalation": {"hazard_per_day": 0.001, "to": "verblijf"},
          "initial": {"clients": 100, "waiting": 5, "ages": {"0-17": 0.9, "18-22": 0.1}, "time_in_care": "steady_state"}
        },
        "verblijf": {
          "capacity": 10,
          "duration": {"type": "exponential", "mean": 400},
          "tariff": {"amount": 250, "per": "day"}
        },
        "pleegzorg": {
          "lump_sum": {"budget_per_year": 300000, "cost_per_place": 30000},
          "duration": {"type": "gamma", "mean": 2, "sd": 1, "unit": "years"}
        }
      }
    },
    "wmo": {
      "band": "23-64",
      "demand": {
        "ouderen": {"band": "65+", "per_1000": 50, "routing": {"no_help": 0.2, "begeleiding": 0.6, "hulpmiddelen": 0.2}}
      },
      "forms": {
        "begeleiding": {
          "duration": {"type": "gamma", "mean": 1, "sd": 0.5, "unit": "years"},
          "tariff": {"amount": 900, "per": "month"},
          "wlz_exit_per_year": 0.03,
          "payer": "centrumgemeente",
          "payer_switch": {"date": "2026-01-01", "to": "gemeente"}
        },
        "hulpmiddelen": {
          "duration": {"type": "fixed", "value": 3, "unit": "years"},
          "tariff": {"amount": 1200, "per": "trajectory"},
          "one_off": 900
        }
      }
    },
    "bw": {
      "demand": {"instroom": {"arrivals_per_year": 16, "routing": {"intramuraal": 1}}},
      "forms": {
        "intramuraal": {
          "duration": {"type": "lognormal", "mean": 3, "sd": 2, "unit": "years"},
          "tariff": {"amount": 70000, "per": "year"}
        }
      }
    }
  },
  "targets": {
    "uithuisplaatsingen": {"metric": "clients_start", "domain": "jeugd", "form": ["pleegzorg", "verblijf"], "year": 2025, "range": [0, 60]},
    "wmo kosten": {"metric": "cost", "domain": "wmo", "year": 2026, "min": 0}
  }
}
)";

// kV3 with each `from` (which must occur exactly once) replaced by its `to`.
std::string Edit3(std::initializer_list<std::pair<std::string, std::string>> edits) {
  return EditOf(kV3, "kV3", edits);
}
std::string Edit3(const std::string& from, const std::string& to) { return Edit3({{from, to}}); }

// The first target of kV3 ("uithuisplaatsingen"), replaced whole by the target rows.
const char kTarget[] =
    R"({"metric": "clients_start", "domain": "jeugd", "form": ["pleegzorg", "verblijf"], "year": 2025, "range": [0, 60]})";

// Every metric name, as an "unknown value" message lists them: "clients_start", "clients_end", ...
std::string MetricChoices() {
  std::string list;
  for (int m = 0; m < kNumMetrics; ++m)
    list += (m ? ", \"" : "\"") + std::string(MetricName(m)) + "\"";
  return list;
}

const char kHorizon3[] = "2025-01-01 .. 2027-12-31 of this scenario (start_date/end_date)";

std::vector<BadScenario> V3BadScenarios() {
  const std::string jeugd = "scenario.json: /domains/jeugd";
  const std::string forms = jeugd + "/forms";
  const std::string horizon = kHorizon3;
  return {
      // --- indexation ----------------------------------------------------------------------------
      {"indexation: a rate key that is not a year",
       Edit3(R"("2027": 0.03)", R"("2027": 0.03, "volgend jaar": 0.03)"),
       {"scenario.json: /indexation/rates/volgend jaar: keys of rates are years, e.g. \"2026\": "
        "0.035"}},
      {"indexation: a year key out of range",
       Edit3(R"("2027": 0.03)", R"("2027": 0.03, "27": 0.03)"),
       {"scenario.json: /indexation/rates/27: keys of rates are years, e.g. \"2026\": 0.035"}},
      {"indexation: a rate written as a percentage",
       Edit3(R"("2026": 0.035)", R"("2026": 3.5)"),
       {"scenario.json: /indexation/rates/2026: must be a yearly price change as a fraction "
        "between -1 and 1 (3.5% is 0.035) (value: 3.5)"}},
      {"indexation: a rate of -100%",
       Edit3(R"("2026": 0.035)", R"("2026": -1)"),
       {"scenario.json: /indexation/rates/2026: must be a yearly price change as a fraction "
        "between -1 and 1 (3.5% is 0.035) (value: -1)"}},
      {"indexation: base_year not a whole number",
       Edit3(R"("base_year": 2025)", R"("base_year": 2025.5)"),
       {"scenario.json: /indexation/base_year: must be a whole number, 0 or more (value: "
        "2025.5)"}},
      {"indexation: misspelt rates",
       Edit3(R"("rates": {)", R"("rate": {)"),
       {"scenario.json: /indexation/rate: unknown key \"rate\"; did you mean \"rates\"?"}},
      {"indexation: not an object",
       Edit3(R"("indexation": {"base_year": 2025, "rates": {"2026": 0.035, "2027": 0.03}})",
             R"("indexation": 0.035)"),
       {"scenario.json: /indexation: must be an object { \"key\": value, ... } (value: 0.035)"}},

      // --- population ----------------------------------------------------------------------------
      {"population: band id with an underscore",
       Edit3(R"("65+": {"count": 8000)", R"("65_120": {"count": 1}, "65+": {"count": 8000)"),
       {"scenario.json: /population/bands/65_120: an age band is named by its ages, e.g. \"0-17\" "
        "or \"75+\""}},
      {"population: band id with the ages reversed",
       Edit3(R"("65+": {"count": 8000)", R"("120-65": {"count": 1}, "65+": {"count": 8000)"),
       {"scenario.json: /population/bands/120-65: an age band is named by its ages, e.g. \"0-17\" "
        "or \"75+\""}},
      {"population: band id in words",
       Edit3(R"("65+": {"count": 8000)", R"("ouderen": {"count": 1}, "65+": {"count": 8000)"),
       {"scenario.json: /population/bands/ouderen: an age band is named by its ages, e.g. "
        "\"0-17\" or \"75+\""}},
      {"population: band overlapping two others",
       Edit3(R"("65+": {"count": 8000)", R"("15-20": {"count": 10}, "65+": {"count": 8000)"),
       {"scenario.json: /population/bands/15-20: overlaps age band \"0-17\"",
        "scenario.json: /population/bands/15-20: overlaps age band \"18-22\""}},
      {"population: a band overlapping the one before and the one after",
       Edit3(R"("65+": {"count": 8000)", R"("60-70": {"count": 10}, "65+": {"count": 8000)"),
       {"scenario.json: /population/bands/60-70: overlaps age band \"23-64\"",
        "scenario.json: /population/bands/65+: overlaps age band \"60-70\""}},
      {"population: band without count",
       Edit3(R"("18-22": {"count": 3000})", R"("18-22": {"growth_per_year": 0.01})"),
       {"scenario.json: /population/bands/18-22/count: is required: the number of inhabitants in "
        "this band on the start date"}},
      {"population: count negative",
       Edit3(R"("18-22": {"count": 3000})", R"("18-22": {"count": -3000})"),
       {"scenario.json: /population/bands/18-22/count: must not be negative (value: -3000)"}},
      {"population: growth of -100%",
       Edit3(R"("growth_per_year": 0.04)", R"("growth_per_year": -1)"),
       {"scenario.json: /population/bands/65+/growth_per_year: must be a yearly change as a "
        "fraction between -1 and 1 (1.2% is 0.012) (value: -1)"}},
      {"population: bands missing",
       Edit(R"("end_date": "2028-12-31",)",
            R"("end_date": "2028-12-31", "population": {"band": {}},)"),
       {"scenario.json: /population/bands: is required: the age bands, e.g. {\"0-17\": {\"count\": "
        "8645, \"growth_per_year\": 0.01}}",
        "scenario.json: /population/band: unknown key \"band\"; did you mean \"bands\"?"}},
      {"population: misspelt growth",
       Edit3(R"("growth_per_year": 0.04)", R"("growth": 0.04)"),
       {"scenario.json: /population/bands/65+/growth: unknown key \"growth\"; known keys here: "
        "count, growth_per_year"}},

      // --- domain band and volatility
      // -------------------------------------------------------------
      {"domain band unknown, near a declared one",
       Edit3(R"("band": "23-64")", R"("band": "23-65")"),
       {"scenario.json: /domains/wmo/band: unknown age band (declare it under population.bands); "
        "did you mean \"23-64\"? (value: \"23-65\")"}},
      {"domain band unknown, nothing near",
       Edit3(R"("band": "23-64")", R"("band": "volwassenen")"),
       {"scenario.json: /domains/wmo/band: unknown age band (declare it under population.bands) "
        "(value: \"volwassenen\")"}},
      {"volatility negative",
       Edit3(R"("volatility": 0.1)", R"("volatility": -0.1)"),
       {jeugd + "/volatility: must not be negative (value: -0.1)"}},

      // --- demand streams
      // -------------------------------------------------------------------------
      {"demand stream: per_1000 negative",
       Edit3(R"("per_1000": 40)", R"("per_1000": -40)"),
       {jeugd + "/demand/toegang/per_1000: must not be negative (value: -40)"}},
      {"demand stream: trend of -100%",
       Edit3(R"("trend_per_year": 0.02)", R"("trend_per_year": -1)"),
       {jeugd + "/demand/toegang/trend_per_year: must be a yearly change as a fraction between -1 "
                "and 1 (2% is 0.02) (value: -1)"}},
      {"demand stream: ages reversed",
       Edit3(R"("ages": [4, 17])", R"("ages": [17, 4])"),
       {jeugd + "/demand/huisarts/ages: must be [youngest, oldest] in whole years, e.g. [0, 17] "
                "(value: [17,4])"}},
      {"demand stream: ages a single number",
       Edit3(R"("ages": [4, 17])", R"("ages": 4)"),
       {jeugd + "/demand/huisarts/ages: must be [youngest, oldest] in whole years, e.g. [0, 17] "
                "(value: 4)"}},
      {"demand stream: ages above 120",
       Edit3(R"("ages": [4, 17])", R"("ages": [4, 170])"),
       {jeugd + "/demand/huisarts/ages: must be [youngest, oldest] in whole years, e.g. [0, 17] "
                "(value: [4,170])"}},
      {"demand stream: unknown via",
       Edit3(R"("via": "direct")", R"("via": "huisarts")"),
       {jeugd + "/demand/huisarts/via: unknown value; must be one of \"toegang\", \"direct\" "
                "(value: \"huisarts\")"}},
      {"demand stream: via toegang in a domain without a toegang",
       Edit3(R"("ouderen": {"band": "65+",)", R"("ouderen": {"via": "toegang", "band": "65+",)"),
       {"scenario.json: /domains/wmo/demand/ouderen/via: this domain has no \"toegang\"; declare "
        "one or use \"direct\""}},
      {"demand stream: routing with no_help and algemene_voorziening not summing to 1",
       Edit3(R"("lokaal_team": 0.5,)", R"("lokaal_team": 0.4,)"),
       {jeugd + "/demand/toegang/routing: routing shares must sum to 1 (they sum to 0.9) (value: "
                "0.9)"}},
      {"demand stream: routing to another domain's form",
       Edit3(R"("verblijf": 0.2}})", R"("wmo.begeleiding": 0.2}})"),
       {jeugd + "/demand/huisarts/routing/wmo.begeleiding: new requests are routed to forms of "
                "their own domain; a move to another domain belongs in a form's transitions or the "
                "age_limit transfer"}},
      {"demand stream: routing to a cost line",
       Edit3(R"("verblijf": 0.2}})", R"("voorliggend_veld": 0.2}})"),
       {jeugd + "/demand/huisarts/routing/voorliggend_veld: unknown care form \"voorliggend_veld\" "
                "(use a form id of this domain, or \"domain.form\")"}},
      {"demand stream: routing missing with several forms",
       Edit3(R"(, "routing": {"ambulant": 0.8, "verblijf": 0.2})", ""),
       {jeugd + "/demand/huisarts/routing: is required: the share of requests that goes to each "
                "form (or no_help, algemene_voorziening), summing to 1"}},
      {"demand stream: no_help misspelt",
       Edit3(R"({"no_help": 0.1,)", R"({"nohelp": 0.1,)"),
       {jeugd + "/demand/toegang/routing/nohelp: unknown care form \"nohelp\" (use a form id of "
                "this domain, or \"domain.form\")"}},
      {"demand streams together with arrivals_per_year on the domain",
       Edit3(R"("volatility": 0.1,)", R"("volatility": 0.1, "arrivals_per_year": 100,)"),
       {jeugd + "/demand: give either demand streams or arrivals_per_year/routing on the domain, "
                "not both"}},
      {"demand streams together with routing on the domain",
       Edit3(R"("volatility": 0.1,)", R"("volatility": 0.1, "routing": {"ambulant": 1},)"),
       {jeugd + "/routing: routing belongs inside a demand stream (or next to arrivals_per_year)"}},
      // --- toegang
      // --------------------------------------------------------------------------------
      {"toegang: fte missing",
       Edit3(R"("fte": 4,)", ""),
       {jeugd + "/toegang/fte: is required: the toegang staff in FTE"}},
      {"toegang: assessments_per_fte_per_year missing",
       Edit3(R"("assessments_per_fte_per_year": 120,)", ""),
       {jeugd + "/toegang/assessments_per_fte_per_year: is required: assessments one FTE "
                "completes in a year"}},
      {"toegang: assessments_per_fte_per_year zero",
       Edit3(R"("assessments_per_fte_per_year": 120,)", R"("assessments_per_fte_per_year": 0,)"),
       {jeugd + "/toegang/assessments_per_fte_per_year: must be greater than 0 (value: 0)"}},
      {"toegang: assessment_time missing",
       Edit3(R"(,
        "assessment_time": {"type": "exponential", "mean": 4, "unit": "weeks"})",
             ""),
       {jeugd + "/toegang/assessment_time: is required: the time an assessment takes, e.g. "
                "{\"type\": \"exponential\", \"mean\": 4, \"unit\": \"weeks\"}"}},
      {"toegang: cost_per_fte negative",
       Edit3(R"("cost_per_fte": 85000)", R"("cost_per_fte": -85000)"),
       {jeugd + "/toegang/cost_per_fte: must not be negative (value: -85000)"}},
      {"toegang: misspelt assessment_time",
       Edit3(R"("assessment_time": {)", R"("assesment_time": {)"),
       {jeugd + "/toegang/assessment_time: is required: the time an assessment takes, e.g. "
                "{\"type\": \"exponential\", \"mean\": 4, \"unit\": \"weeks\"}",
        jeugd + "/toegang/assesment_time: unknown key \"assesment_time\"; did you mean "
                "\"assessment_time\"?"}},
      {"toegang: not an object",
       Edit3(R"("bw": {)", R"("bw": {"toegang": "ja",)"),
       {"scenario.json: /domains/bw/toegang: must be an object { \"key\": value, ... } (value: "
        "\"ja\")"}},

      // --- age limit
      // ------------------------------------------------------------------------------
      {"age_limit: until_age not above the age",
       Edit3(R"("until_age": 21)", R"("until_age": 18)"),
       {jeugd + "/age_limit/verlengd/until_age: must be above the age limit (value: 18)"}},
      {"age_limit: until_age missing",
       Edit3(R"(, "until_age": 21)", ""),
       {jeugd + "/age_limit/verlengd/until_age: is required: the age at which verlengde care ends "
                "at the latest (21 or 23)"}},
      {"age_limit: verlengd share missing",
       Edit3(R"("share": 0.2, "until_age": 21)", R"("until_age": 21)"),
       {jeugd + "/age_limit/verlengd/share: is required: the share of clients whose care is "
                "extended past the limit"}},
      {"age_limit: age zero",
       Edit3(R"("age": 18,)", R"("age": 0,)"),
       {jeugd + "/age_limit/age: must be a whole number, 1 or more (value: 0)"}},
      {"age_limit: age above 100",
       Edit3({{R"("age": 18,)", R"("age": 180,)"},
              {R"("verlengd": {"share": 0.2, "until_age": 21},)", ""}}),
       {jeugd + "/age_limit/age: an age limit must be at most 100"}},
      {"age_limit: transfer to a form of the same domain",
       Edit3(R"("transfer": {"wmo.begeleiding": 0.1})", R"("transfer": {"ambulant": 0.1})"),
       {jeugd + "/age_limit/transfer: a transfer at the age limit goes to a form of another "
                "domain (e.g. \"wmo.begeleiding\")"}},
      {"age_limit: transfer to an unknown form",
       Edit3(R"("transfer": {"wmo.begeleiding": 0.1})", R"("transfer": {"wmo.begleiding": 0.1})"),
       {jeugd + "/age_limit/transfer/wmo.begleiding: unknown care form \"wmo.begleiding\" (use a "
                "form id of this domain, or \"domain.form\"); did you mean "
                "\"wmo.begeleiding\"?"}},
      {"age_limit: transfers alone above 1",
       Edit3(R"("transfer": {"wmo.begeleiding": 0.1})",
             R"("transfer": {"wmo.begeleiding": 0.6, "bw.intramuraal": 0.6})"),
       {jeugd + "/age_limit/transfer: transfer shares sum to 1.2, more than 1 (what remains below "
                "1 leaves the domain) (value: 1.2)"}},
      {"age_limit: verlengd share and transfers above 1",
       Edit3({{R"("share": 0.2, "until_age": 21)", R"("share": 0.95, "until_age": 21)"}}),
       {jeugd + "/age_limit: verlengd share and transfer shares sum to 1.05, more than 1 (value: "
                "1.05)"}},

      // --- cost lines
      // -----------------------------------------------------------------------------
      {"cost_lines: not an object",
       Edit3(R"("cost_lines": {
        "voorliggend_veld": {"amount_per_year": 500000}
      },)",
             R"("cost_lines": 500000,)"),
       {jeugd + "/cost_lines: must be an object {\"line id\": {\"amount_per_year\": .., ...}} "
                "(value: 500000)"}},
      {"cost_lines: a line with the id of a care form",
       Edit3(R"("voorliggend_veld": {"amount_per_year": 500000})",
             R"("verblijf": {"amount_per_year": 500000})"),
       {jeugd + "/cost_lines/verblijf: a cost line cannot have the same id as a care form"}},
      {"cost_lines: amount_per_year missing",
       Edit3(R"("voorliggend_veld": {"amount_per_year": 500000})",
             R"("voorliggend_veld": {"pillar": "samenleving"})"),
       {jeugd + "/cost_lines/voorliggend_veld/amount_per_year: is required: the yearly amount in "
                "euros (or a schedule of prices per year, or fte and cost_per_fte)"}},
      {"cost_lines: amount_per_year negative",
       Edit3(R"("amount_per_year": 500000)", R"("amount_per_year": -500000)"),
       {jeugd + "/cost_lines/voorliggend_veld/amount_per_year: an amount per year must not be "
                "negative (value: -500000)"}},
      {"cost_lines: amount_per_year per trajectory",
       Edit3(R"("amount_per_year": 500000)",
             R"("amount_per_year": {"amount": 500000, "per": "trajectory"})"),
       {jeugd + "/cost_lines/voorliggend_veld/amount_per_year: a price per trajectory is not "
                "possible here; give it per day, week, month or year"}},
      {"cost_lines: amounts by year with a key that is not a year",
       Edit3(R"("amount_per_year": 500000)",
             R"("amount_per_year": {"2026": 500000, "2027-2028": 1})"),
       {jeugd + "/cost_lines/voorliggend_veld/amount_per_year/2027-2028: keys are years, e.g. "
                "\"2026\": 300000"}},
      {"cost_lines: amounts by year with a negative amount",
       Edit3(R"("amount_per_year": 500000)", R"("amount_per_year": {"2026": -500000})"),
       {jeugd + "/cost_lines/voorliggend_veld/amount_per_year/2026: must be an amount in euros, 0 "
                "or more (value: -500000)"}},
      {"cost_lines: amounts by year with an amount in quotes",
       Edit3(R"("amount_per_year": 500000)", R"("amount_per_year": {"2026": "500000"})"),
       {jeugd + "/cost_lines/voorliggend_veld/amount_per_year/2026: must be an amount in euros, 0 "
                "or more (value: \"500000\")"}},
      {"cost_lines: amounts by year outside the horizon",
       Edit3(R"("amount_per_year": 500000)", R"("amount_per_year": {"2026": 1, "2030": 500000})"),
       {jeugd + "/cost_lines/voorliggend_veld/amount_per_year/2030: year outside the horizon "
                "2025-01-01 .. 2027-12-31 of this scenario (start_date/end_date)"}},
      {"cost_lines: a line that is not an object",
       Edit3(R"("voorliggend_veld": {"amount_per_year": 500000})", R"("voorliggend_veld": 500000)"),
       {jeugd + "/cost_lines/voorliggend_veld: must be an object { \"key\": value, ... } (value: "
                "500000)"}},

      // --- contracts and prices of a form
      // ---------------------------------------------------------
      {"lump_sum without budget_per_year",
       Edit3(R"("lump_sum": {"budget_per_year": 300000, "cost_per_place": 30000})",
             R"("lump_sum": {"cost_per_place": 30000})"),
       {forms + "/pleegzorg/lump_sum/budget_per_year: is required: the fixed annual budget of the "
                "contract, in euros",
        forms + "/pleegzorg/lump_sum/cost_per_place: needs a single budget_per_year to derive the "
                "number of places"}},
      {"lump_sum: cost_per_place with a budget schedule",
       Edit3(
           R"("budget_per_year": 300000,)",
           R"("budget_per_year": [{"amount": 300000, "per": "year"}, {"from": "2026-01-01", "amount": 330000, "per": "year"}],)"),
       {forms + "/pleegzorg/lump_sum/cost_per_place: needs a single budget_per_year to derive the "
                "number of places"}},
      {"lump_sum: cost_per_place zero",
       Edit3(R"("cost_per_place": 30000)", R"("cost_per_place": 0)"),
       {forms + "/pleegzorg/lump_sum/cost_per_place: must be greater than 0 (value: 0)"}},
      {"lump_sum: budget per trajectory",
       Edit3(R"("budget_per_year": 300000, "cost_per_place": 30000)",
             R"("budget_per_year": {"amount": 300000, "per": "trajectory"})"),
       {forms + "/pleegzorg/lump_sum/budget_per_year: a price per trajectory is not possible here; "
                "give it per day, week, month or year"}},
      {"lump_sum: not an object",
       Edit3(R"("lump_sum": {"budget_per_year": 300000, "cost_per_place": 30000})",
             R"("lump_sum": 300000, "tariff": {"amount": 0, "per": "day"})"),
       {forms + "/pleegzorg/lump_sum: must be an object { \"key\": value, ... } (value: 300000)"}},
      {"staff without fte",
       Edit3(R"("staff": {"fte": 5, "cost_per_fte": 80000})",
             R"("staff": {"cost_per_fte": 80000})"),
       {forms + "/lokaal_team/staff/fte: is required: the staff in FTE"}},
      {"staff without cost_per_fte",
       Edit3(R"("staff": {"fte": 5, "cost_per_fte": 80000})", R"("staff": {"fte": 5})"),
       {forms + "/lokaal_team/staff/cost_per_fte: is required: the cost of one FTE per year, in "
                "euros"}},
      {"no tariff, lump_sum or staff",
       Edit3(R"(
          "staff": {"fte": 5, "cost_per_fte": 80000},)",
             ""),
       {forms + "/lokaal_team/tariff: is required: the price of care, e.g. {\"amount\": 40, "
                "\"per\": \"day\"} (0 if free), or a lump_sum contract"}},
      {"one_off negative",
       Edit3(R"("one_off": 900)", R"("one_off": -900)"),
       {"scenario.json: /domains/wmo/forms/hulpmiddelen/one_off: must not be negative (value: "
        "-900)"}},
      {"pgb without share",
       Edit3(R"("pgb": {"share": 0.1, "tariff")", R"("pgb": {"tariff")"),
       {forms + "/ambulant/pgb/share: is required: the fraction of clients who choose a PGB"}},
      {"pgb share as a percentage",
       Edit3(R"("pgb": {"share": 0.1,)", R"("pgb": {"share": 10,)"),
       {forms + "/ambulant/pgb/share: is a probability and must lie between 0 and 1 (write 5% as "
                "0.05) (value: 10)"}},
      {"pgb without tariff",
       Edit3(R"("pgb": {"share": 0.1, "tariff": {"amount": 30, "per": "day"}})",
             R"("pgb": {"share": 0.1})"),
       {forms + "/ambulant/pgb/tariff: is required: the PGB price, e.g. {\"amount\": 30, \"per\": "
                "\"day\"}"}},
      {"pgb tariff per trajectory",
       Edit3(R"({"amount": 30, "per": "day"})", R"({"amount": 3000, "per": "trajectory"})"),
       {forms + "/ambulant/pgb/tariff: a price per trajectory is not possible here; give it per "
                "day, week, month or year"}},
      {"payer_switch without date",
       Edit3(R"("payer_switch": {"date": "2026-01-01", "to": "gemeente"})",
             R"("payer_switch": {"to": "gemeente"})"),
       {"scenario.json: /domains/wmo/forms/begeleiding/payer_switch/date: is required: the date "
        "from which the other payer pays"}},
      {"payer_switch without to",
       Edit3(R"("payer_switch": {"date": "2026-01-01", "to": "gemeente"})",
             R"("payer_switch": {"date": "2026-01-01"})"),
       {"scenario.json: /domains/wmo/forms/begeleiding/payer_switch/to: is required: the payer "
        "from that date, e.g. \"gemeente\""}},
      {"payer_switch date outside the horizon",
       Edit3(R"("date": "2026-01-01")", R"("date": "2030-01-01")"),
       {"scenario.json: /domains/wmo/forms/begeleiding/payer_switch/date: date outside the "
        "horizon " +
        horizon + " (value: \"2030-01-01\")"}},
      {"payer_switch date that does not exist",
       Edit3(R"("date": "2026-01-01")", R"("date": "2026-02-29")"),
       {"scenario.json: /domains/wmo/forms/begeleiding/payer_switch/date: must be a date written "
        "as \"YYYY-MM-DD\" that exists (e.g. \"2027-01-01\") (value: \"2026-02-29\")"}},
      {"payer not text",
       Edit3(R"("payer": "centrumgemeente")", R"("payer": 1)"),
       {"scenario.json: /domains/wmo/forms/begeleiding/payer: must be text in double quotes "
        "(value: 1)"}},
      {"beschikking in quotes",
       Edit3(R"("beschikking": false)", R"("beschikking": "nee")"),
       {forms + "/lokaal_team/beschikking: must be true or false (without quotes) (value: "
                "\"nee\")"}},
      {"staffed capacity without clients_per_fte",
       Edit3(R"("capacity": {"fte": 5, "clients_per_fte": 30})", R"("capacity": {"fte": 5})"),
       {forms + "/lokaal_team/capacity/clients_per_fte: is required: how many clients one FTE can "
                "help at a time"}},

      // --- what happens after care
      // ----------------------------------------------------------------
      {"transitions: overgedragen as a percentage",
       Edit3(R"("overgedragen": 0.2)", R"("overgedragen": 20)"),
       {forms + "/ambulant/transitions/overgedragen: is a probability and must lie between 0 and "
                "1 (write 5% as 0.05) (value: 20)"}},
      {"transitions: typed exits and forms above 1",
       Edit3(R"("voortijdig": 0.1})", R"("voortijdig": 0.8})"),
       {forms + "/ambulant/transitions: transition probabilities sum to 1.05, more than 1 (what "
                "remains below 1 leaves care as \"afgerond\") (value: 1.05)"}},
      {"transitions: with an explicit afgerond, not summing to 1",
       Edit3(R"("voortijdig": 0.1})", R"("voortijdig": 0.1, "afgerond": 0.5})"),
       {forms + "/ambulant/transitions: transition probabilities must sum to 1 (they sum to 0.85) "
                "(value: 0.85)"}},
      {"transitions: vervolghulp misspelt as a typed exit",
       Edit3(R"("voortijdig": 0.1})", R"("voortijdig": 0.1, "vervolghulp": 0.1})"),
       {forms + "/ambulant/transitions/vervolghulp: unknown care form \"vervolghulp\" (use a form "
                "id of this domain, or \"domain.form\")"}},
      {"reentry without probability",
       Edit3(R"("reentry": {"probability": 0.1, )", R"("reentry": {)"),
       {forms + "/ambulant/reentry/probability: is required: the chance that a client who left "
                "comes back"}},
      {"reentry without delay",
       Edit3(
           R"("reentry": {"probability": 0.1, "delay": {"type": "exponential", "mean": 9, "unit": "months"}})",
           R"("reentry": {"probability": 0.1})"),
       {forms + "/ambulant/reentry/delay: is required: the time until a client comes back, e.g. "
                "{\"type\": \"exponential\", \"mean\": 6, \"unit\": \"months\"}"}},
      {"reentry via something else",
       Edit3(R"("reentry": {"probability": 0.1, )",
             R"("reentry": {"via": "lokaal_team", "probability": 0.1, )"),
       {forms + "/ambulant/reentry/via: unknown value; must be one of \"toegang\", \"form\" "
                "(value: \"lokaal_team\")"}},
      {"reentry probability above 1",
       Edit3(R"("reentry": {"probability": 0.1, )", R"("reentry": {"probability": 1.1, )"),
       {forms + "/ambulant/reentry/probability: is a probability and must lie between 0 and 1 "
                "(write 5% as 0.05) (value: 1.1)"}},
      {"escalation without to",
       Edit3(R"("escalation": {"hazard_per_day": 0.001, "to": "verblijf"})",
             R"("escalation": {"hazard_per_day": 0.001})"),
       {forms + "/ambulant/escalation/to: is required: the heavier form a waiting client "
                "escalates to"}},
      {"escalation without hazard_per_day",
       Edit3(R"("escalation": {"hazard_per_day": 0.001, "to": "verblijf"})",
             R"("escalation": {"to": "verblijf"})"),
       {forms + "/ambulant/escalation/hazard_per_day: is required: the chance per day of waiting "
                "of moving to a heavier form"}},
      {"escalation to the form itself",
       Edit3(R"("to": "verblijf")", R"("to": "ambulant")"),
       {forms + "/ambulant/escalation/to: a client cannot escalate to the form they are waiting "
                "for (value: \"ambulant\")"}},
      {"escalation to an unknown form",
       Edit3(R"("to": "verblijf")", R"("to": "verblif")"),
       {forms + "/ambulant/escalation/to: unknown care form \"verblif\" (use a form id of this "
                "domain, or \"domain.form\"); did you mean \"verblijf\"?"}},
      {"wlz_exit_per_year above 1",
       Edit3(R"("wlz_exit_per_year": 0.03)", R"("wlz_exit_per_year": 3)"),
       {"scenario.json: /domains/wmo/forms/begeleiding/wlz_exit_per_year: is a probability and "
        "must lie between 0 and 1 (write 5% as 0.05) (value: 3)"}},
      {"handover_to an unknown form",
       Edit3(R"("handover_to": "lokaal_team")", R"("handover_to": "lokaalteam")"),
       {jeugd + "/handover_to: unknown care form \"lokaalteam\" (use a form id of this domain, or "
                "\"domain.form\"); did you mean \"lokaal_team\"?"}},
      {"handover_to a form of another domain",
       Edit3(R"("handover_to": "lokaal_team")", R"("handover_to": "wmo.begeleiding")"),
       {jeugd + "/handover_to: must be a form of this domain (the lokaal team) (value: "
                "\"wmo.begeleiding\")"}},

      // --- clients in care on the start date
      // ------------------------------------------------------
      {"initial ages: unknown band, near a declared one",
       Edit3(R"("ages": {"0-17": 0.9, "18-22": 0.1})", R"("ages": {"0-18": 0.9, "18-22": 0.1})"),
       {forms + "/ambulant/initial/ages/0-18: unknown age band \"0-18\" (bands are declared under "
                "population.bands); did you mean \"0-17\"?"}},
      {"initial ages: not summing to 1",
       Edit3(R"("ages": {"0-17": 0.9, "18-22": 0.1})", R"("ages": {"0-17": 0.8, "18-22": 0.1})"),
       {forms + "/ambulant/initial/ages: age shares must sum to 1 (they sum to 0.9) (value: "
                "0.9)"}},
      {"initial ages: a share above 1",
       Edit3(R"("ages": {"0-17": 0.9, "18-22": 0.1})", R"("ages": {"0-17": 90, "18-22": 10})"),
       {forms + "/ambulant/initial/ages/0-17: is a probability and must lie between 0 and 1 "
                "(write 5% as 0.05) (value: 90)",
        forms + "/ambulant/initial/ages/18-22: is a probability and must lie between 0 and 1 "
                "(write 5% as 0.05) (value: 10)"}},
      {"initial time_in_care: unknown text",
       Edit3(R"("time_in_care": "steady_state")", R"("time_in_care": "steady")"),
       {forms + "/ambulant/initial/time_in_care: must be \"steady_state\" or a distribution of "
                "the time already in care (value: \"steady\")"}},
      {"initial time_in_care: a bad distribution",
       Edit3(R"("time_in_care": "steady_state")",
             R"("time_in_care": {"type": "exponential", "mean": -1})"),
       {forms + "/ambulant/initial/time_in_care/mean: must be greater than 0 (value: -1)"}},
      {"initial clients not a whole number",
       Edit3(R"("initial": {"clients": 100,)", R"("initial": {"clients": 100.5,)"),
       {forms + "/ambulant/initial/clients: must be a whole number, 0 or more (value: 100.5)"}},
      {"initial waiting negative",
       Edit3(R"("waiting": 5)", R"("waiting": -5)"),
       {forms + "/ambulant/initial/waiting: must be a whole number, 0 or more (value: -5)"}},

      // --- prices per trajectory
      // ------------------------------------------------------------------
      {"a schedule of prices per trajectory with a date outside the horizon",
       Edit3(
           R"("tariff": {"amount": 1200, "per": "trajectory"})",
           R"("tariff": [{"amount": 1200, "per": "trajectory"}, {"from": "2028-01-01", "amount": 1300, "per": "trajectory"}])"),
       {"scenario.json: /domains/wmo/forms/hulpmiddelen/tariff/1/from: date outside the horizon " +
        horizon + " (value: \"2028-01-01\")"}},

      // --- targets (a rule whose problem comes with spurious "unknown key" lines today is in the
      // known flaws below) ----------------------------------------------------------------------
      {"targets: not an object",
       Edit3(R"("targets": {)", R"("targets": 5, "target": {)"),
       {"scenario.json: /targets: must be an object {\"target name\": {\"metric\": .., \"year\": "
        ".., \"range\": [lo, hi]}, ...} (value: 5)",
        "scenario.json: /target: unknown key \"target\"; did you mean \"targets\"?"}},
      {"targets: a target that is not an object",
       Edit3(kTarget, "5"),
       {"scenario.json: /targets/uithuisplaatsingen: must be an object { \"key\": value, ... } "
        "(value: 5)"}},
      {"targets: a name inside the target (the name is its key)",
       Edit3(R"({"metric": "cost", "domain": "wmo")",
             R"({"name": "wmo kosten", "metric": "cost", "domain": "wmo")"),
       {"scenario.json: /targets/wmo kosten/name: unknown key \"name\"; known keys here: source, "
        "metric, year, period, domain, form, pillar, taakveld, payer, age_band, range, min, "
        "max"}},
      {"targets: metric missing",
       Edit3(
           kTarget,
           R"({"domain": "jeugd", "form": ["pleegzorg", "verblijf"], "year": 2025, "range": [0, 60]})"),
       {"scenario.json: /targets/uithuisplaatsingen/metric: is required: the metric to check, e.g. "
        "\"clients_start\""}},
      {"targets: unknown metric, near a known one",
       Edit3(R"("metric": "clients_start")", R"("metric": "client_start")"),
       {std::string(
            "scenario.json: /targets/uithuisplaatsingen/metric: unknown value; must be one of ") +
        MetricChoices() + "; did you mean \"clients_start\"? (value: \"client_start\")"}},
      {"targets: unknown metric in Dutch",
       Edit3(R"("metric": "cost")", R"("metric": "kosten")"),
       {std::string("scenario.json: /targets/wmo kosten/metric: unknown value; must be one of ") +
        MetricChoices() + " (value: \"kosten\")"}},
      {"targets: range reversed",
       Edit3(R"("range": [0, 60])", R"("range": [60, 0])"),
       {"scenario.json: /targets/uithuisplaatsingen/range: must be [lowest, highest] accepted "
        "value (value: "
        "[60,0])"}},
      {"targets: range with one number",
       Edit3(R"("range": [0, 60])", R"("range": [60])"),
       {"scenario.json: /targets/uithuisplaatsingen/range: must be [lowest, highest] accepted "
        "value (value: "
        "[60])"}},
      {"targets: range together with min",
       Edit3(R"("range": [0, 60])", R"("range": [0, 60], "min": 10)"),
       {"scenario.json: /targets/uithuisplaatsingen/range: give range, or min and/or max, not "
        "both"}},
      {"targets: no range, min or max",
       Edit3(R"(, "year": 2025, "range": [0, 60])", R"(, "year": 2025)"),
       {"scenario.json: /targets/uithuisplaatsingen/range: is required: the accepted values: "
        "\"range\": [lo, hi], "
        "or \"min\" and/or \"max\""}},
      {"targets: min in quotes",
       Edit3(R"("min": 0)", R"("min": "0")"),
       {"scenario.json: /targets/wmo kosten/min: must be a number (without quotes) (value: "
        "\"0\")"}},
      {"targets: misspelt key",
       Edit3(R"("metric": "cost", "domain": "wmo")", R"("metric": "cost", "domein": "wmo")"),
       {"scenario.json: /targets/wmo kosten/domein: unknown key \"domein\"; did you mean "
        "\"domain\"?"}},
  };
}

TEST_CASE("the base scenario of the v3 table is valid", "[scenario]") {
  Model model;
  CHECK(LoadText(kV3, &model).empty());
  CHECK(model.targets.size() == 2);
}

TEST_CASE("every rule of the v3 keys reports the exact problem", "[scenario]") {
  for (const BadScenario& row : V3BadScenarios()) {
    INFO("row: " << row.name);
    CHECK(LoadText(row.text, nullptr) == row.expected);
  }
}

// --- known flaws: the tests below say what a user SHOULD see ------------------------------------
//
// Rows that once showed a flaw: a "spurious" row reported the true problem plus follow-on
// problems that were not true; a "wording" row reported it in words that had to change; a
// "missed" row reported nothing although the file is wrong. All are fixed; the rows keep them so.

enum class Flaw { kSpurious, kWording, kMissed };

struct KnownFlaw {
  const char* name;
  Flaw flaw;
  std::string text;
  std::vector<std::string> should_be;
};

std::vector<KnownFlaw> KnownFlaws() {
  const std::string jeugd = "scenario.json: /domains/jeugd";
  return {
      // resolve.cpp replaces a "name" that is not text by the file name before the builder sees
      // it, so "name": 2026 is silently ignored and the scenario is called "scenario".
      {"name is not text",
       Flaw::kMissed,
       Edit(R"("start_date": "2025-01-01",)", R"("name": 2026, "start_date": "2025-01-01",)"),
       {"scenario.json: /name: must be non-empty text (value: 2026)"}},
      // ReadStream returns as soon as the rate is wrong, before "routing" (and "via", "ages",
      // "trend_per_year") are read, so they are then reported as unknown keys.
      {"both arrivals_per_year and arrivals_per_day on a domain",
       Flaw::kSpurious,
       Edit(R"("arrivals_per_year": 100)", R"("arrivals_per_year": 100, "arrivals_per_day": 0.3)"),
       {jeugd + ": give one of arrivals_per_year or arrivals_per_day"}},
      {"demand stream without a rate",
       Flaw::kSpurious,
       Edit3(R"("per_1000": 10, "via": "direct",)", R"("via": "direct",)"),
       {jeugd + "/demand/huisarts/per_1000: is required: the expected number of new requests (per "
                "1,000 inhabitants of the band, or arrivals_per_year)"}},
      {"demand stream with two rates",
       Flaw::kSpurious,
       Edit3(R"("per_1000": 10, "via": "direct",)",
             R"("per_1000": 10, "arrivals_per_year": 80, "via": "direct",)"),
       {jeugd + "/demand/huisarts: give one of per_1000, arrivals_per_year or arrivals_per_day"}},
      {"demand stream per_1000 without a band",
       Flaw::kSpurious,
       Edit3(R"("arrivals_per_year": 16)", R"("per_1000": 0.5)"),
       {"scenario.json: /domains/bw/demand/instroom/per_1000: needs an age band: give \"band\" "
        "here or on the domain"}},
      // An unknown band on a stream gets no suggestion (the domain's band does), and the stream is
      // then told that its per_1000 needs a band, and that its routing is unknown.
      {"demand stream with an unknown band",
       Flaw::kSpurious,
       Edit3(R"("band": "65+")", R"("band": "75+")"),
       {"scenario.json: /domains/wmo/demand/ouderen/band: unknown age band (declare it under "
        "population.bands) (value: \"75+\")"}},
      // A misspelt domain band is reported, and then every stream that uses it is told to give a
      // band "here or on the domain" (which the user did) - and its routing is called unknown.
      {"domain band unknown, used by a per_1000 stream",
       Flaw::kSpurious,
       Edit3(R"("band": "0-17")", R"("band": "0-18")"),
       {jeugd + "/band: unknown age band (declare it under population.bands); did you mean "
                "\"0-17\"? (value: \"0-18\")"}},
      // "demand" of the wrong type is reported, and then reported as missing.
      {"demand is not an object",
       Flaw::kSpurious,
       Edit3(R"("demand": {"instroom": {"arrivals_per_year": 16, "routing": {"intramuraal": 1}}})",
             R"("demand": 16)"),
       {"scenario.json: /domains/bw/demand: must be an object { \"key\": value, ... } (value: "
        "16)"}},
      // ReadTargets `continue`s after a bad year, selection or metric before "range"/"min"/"max"
      // are read, which are then reported as unknown keys.
      {"target year outside the horizon",
       Flaw::kSpurious,
       Edit3(R"("year": 2025, "range": [0, 60])", R"("year": 2030, "range": [0, 60])"),
       {"scenario.json: /targets/uithuisplaatsingen/year: no such period in this scenario's "
        "horizon (a year like "
        "2026, or a label like \"2026-H1\")"}},
      {"target: several forms for a metric that cannot be summed",
       Flaw::kSpurious,
       Edit3(R"("metric": "clients_start")", R"("metric": "mean_wait_days")"),
       {"scenario.json: /targets/uithuisplaatsingen/form: several forms can only be summed for "
        "counts and costs, "
        "not for mean_wait_days"}},
      {"target selection that matches no output rows",
       Flaw::kSpurious,
       Edit3(R"("form": ["pleegzorg", "verblijf"])", R"("form": ["pleegzorg", "verblijv"])"),
       {"scenario.json: /targets/uithuisplaatsingen: no output rows match this selection (domain "
        "\"jeugd\", form "
        "\"verblijv\", pillar \"all\", taakveld \"all\", payer \"all\", age_band \"all\"); see "
        "summary.csv for the rows that exist"}},
      {"target metric not reported for the selection",
       Flaw::kSpurious,
       Edit3(R"("metric": "clients_start")", R"("metric": "requests")"),
       {"scenario.json: /targets/uithuisplaatsingen/metric: is not reported for this selection "
        "(value: "
        "\"requests\")"}},
      {"target period label not in the horizon",
       Flaw::kSpurious,
       Edit3(R"("year": 2026, "min": 0)", R"("period": "2026-H1", "min": 0)"),
       {"scenario.json: /targets/wmo kosten/period: no such period in this scenario's horizon (a "
        "year like "
        "2026, or a label like \"2026-H1\")"}},
      {"target domain not text",
       Flaw::kSpurious,
       Edit3(R"("domain": "wmo")", R"("domain": 2)"),
       {"scenario.json: /targets/wmo kosten/domain: must be text (value: 2)"}},
      {"target form not text",
       Flaw::kSpurious,
       Edit3(R"("form": ["pleegzorg", "verblijf"])", R"("form": ["pleegzorg", 2])"),
       {"scenario.json: /targets/uithuisplaatsingen/form: must be a form id or a list of form ids "
        "(value: "
        "[\"pleegzorg\",2])"}},
      // A toegang or cost-line row has its own pillar and taakveld (meedoen/6.2, samenleving), and
      // the selection matches a row's pillar and taakveld only for care forms, so a target on
      // {"domain": "jeugd", "form": "toegang"} finds no row unless it also names them.
      {"target on the toegang by domain and form",
       Flaw::kSpurious,
       Edit3(
           R"({"metric": "cost", "domain": "wmo", "year": 2026, "min": 0})",
           R"({"metric": "waiting_end", "domain": "jeugd", "form": "toegang", "year": 2026, "max": 50})"),
       {}},
      {"target on a cost line by domain and form",
       Flaw::kSpurious,
       Edit3(
           R"({"metric": "cost", "domain": "wmo", "year": 2026, "min": 0})",
           R"({"metric": "cost", "domain": "jeugd", "form": "voorliggend_veld", "year": 2026, "max": 600000})"),
       {}},
      // A lump sum written as one price per year (not a bare number) is refused as "not single".
      {"lump_sum budget written as one price per year, with cost_per_place",
       Flaw::kSpurious,
       Edit3(R"("budget_per_year": 300000,)",
             R"("budget_per_year": {"amount": 300000, "per": "year"},)"),
       {}},

      // --- wording ---------------------------------------------------------------------------
      // Sums are shown with floating-point noise (0.7 + 0.2 is 0.8999999999999999): the
      // initial ages and the age limit use Json(sum), not the rounded value other sums show.
      {"initial ages sum shown with rounding noise",
       Flaw::kWording,
       Edit3(R"("ages": {"0-17": 0.9, "18-22": 0.1})", R"("ages": {"0-17": 0.7, "18-22": 0.2})"),
       {jeugd + "/forms/ambulant/initial/ages: age shares must sum to 1 (they sum to 0.9) (value: "
                "0.9)"}},
      {"verlengd and transfer sum shown with rounding noise",
       Flaw::kWording,
       Edit3({{R"("share": 0.2, "until_age": 21)", R"("share": 0.7, "until_age": 21)"},
              {R"("transfer": {"wmo.begeleiding": 0.1})",
               R"("transfer": {"wmo.begeleiding": 0.2, "bw.intramuraal": 0.2})"}}),
       {jeugd + "/age_limit: verlengd share and transfer shares sum to 1.1, more than 1 (value: "
                "1.1)"}},
      // A share or rate in quotes is not told to drop the quotes (other numbers are).
      {"initial age share in quotes",
       Flaw::kWording,
       Edit3(R"("ages": {"0-17": 0.9, "18-22": 0.1})", R"("ages": {"0-17": "0.9", "18-22": 0.1})"),
       {jeugd + "/forms/ambulant/initial/ages/0-17: must be a share between 0 and 1 (without "
                "quotes) (value: \"0.9\")"}},
      {"indexation rate in quotes",
       Flaw::kWording,
       Edit3(R"("2026": 0.035)", R"("2026": "0.035")"),
       {"scenario.json: /indexation/rates/2026: must be a number (without quotes): a yearly price "
        "change as a fraction between -1 and 1 (3.5% is 0.035) (value: \"0.035\")"}},

      // An amount per year written as one price without "amount" is read as amounts by year, so
      // the user is told that "per" is not a year instead of that the amount is missing.
      {"amount per year: a price without amount",
       Flaw::kWording,
       Edit3(R"("amount_per_year": 500000)", R"("amount_per_year": {"per": "year"})"),
       {jeugd + "/cost_lines/voorliggend_veld/amount_per_year/amount: is required: the price in "
                "euros"}},

      // --- missed ----------------------------------------------------------------------------
      // base_year is any whole number: a typo such as 20255 silently deflates every price by the
      // rates of all years up to it (the rate keys themselves must be years 1900..2200).
      {"indexation base_year typo",
       Flaw::kMissed,
       Edit3(R"("base_year": 2025)", R"("base_year": 20255)"),
       {"scenario.json: /indexation/base_year: must be a year between 1900 and 2200 (value: "
        "20255)"}},
      // Growth and trend have no upper bound: 1.2 meant as 1.2% is taken as 120% a year (the
      // indexation rates, and probabilities, do catch this).
      {"population growth written as a percentage",
       Flaw::kMissed,
       Edit3(R"("growth_per_year": 0.04)", R"("growth_per_year": 4)"),
       {"scenario.json: /population/bands/65+/growth_per_year: must be a yearly change as a "
        "fraction between -1 and 1 (1.2% is 0.012) (value: 4)"}},
      {"demand trend written as a percentage",
       Flaw::kMissed,
       Edit3(R"("trend_per_year": 0.02)", R"("trend_per_year": 2)"),
       {jeugd + "/demand/toegang/trend_per_year: must be a yearly change as a fraction between -1 "
                "and 1 (2% is 0.02) (value: 2)"}},
  };
}

TEST_CASE("formerly known flaws: each reports exactly the true problem", "[scenario]") {
  // Regression rows: each was found reporting follow-on noise, wrong words or nothing, and was
  // fixed in sim/scenario.
  for (const KnownFlaw& row : KnownFlaws()) {
    INFO("row: " << row.name);
    CHECK(LoadText(row.text, nullptr) == row.should_be);
  }
}

}  // namespace
}  // namespace sdsim::testing
