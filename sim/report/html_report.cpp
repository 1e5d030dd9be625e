// report.html: the document, its style and its sections.
#include "report/html_report.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "report/svg_chart.h"

namespace sdsim {
namespace {

// Okabe-Ito colours (distinguishable with colour-blindness), one per scenario.
const char* const kPalette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                "#56B4E9", "#E69F00", "#000000", "#8C564B"};

const char kStyle[] = R"(
body{font-family:"Segoe UI",Arial,Helvetica,sans-serif;margin:0 auto;max-width:1180px;
padding:0 20px 40px;color:#1a1a1a;line-height:1.4}
h1{font-size:1.6em;margin:.8em 0 .2em}h2{margin-top:1.6em;border-bottom:2px solid #0072B2;
padding-bottom:.15em}h3{margin:1.2em 0 .3em}
p.note{color:#555;font-size:.92em;margin:.2em 0 .8em}
nav a{margin-right:1em}
table{border-collapse:collapse;margin:.4em 0 1em;font-size:.9em;display:block;overflow-x:auto;
max-width:100%}
th,td{border-bottom:1px solid #ddd;padding:3px 8px;text-align:right;vertical-align:top}
td{white-space:nowrap}td.t{white-space:normal}
th{background:#eef4fa}td.t,th.t{text-align:left}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:8px 14px}
svg.chart{width:100%;height:auto;background:#fff}
svg .chart-title{font-size:12px;font-weight:600}svg .tick{font-size:10px;fill:#444}
svg line.grid{stroke:#e3e3e3}svg line.grid.zero{stroke:#777}
svg .band-outer{opacity:.2}svg .band-inner{opacity:.4}
svg .median{fill:none;stroke-width:2}svg .reference{stroke:#111;stroke-width:2;stroke-dasharray:4 2}
.ok{color:#1b7a3a;font-weight:600}.off{color:#b00020;font-weight:600}
code{font-size:.85em;word-break:break-all}
@page{size:A4 landscape;margin:12mm}
@media print{h2{break-before:page}.grid{grid-template-columns:repeat(3,1fr)}nav{display:none}
table{display:table;font-size:.8em}body{max-width:none}}
)";

struct Doc {
  const RunResults& R;
  Labels L;
  std::string out;

  const char* Color(const std::string& scenario) const {
    for (size_t i = 0; i < R.scenarios().size(); ++i)
      if (R.scenarios()[i] == scenario) return kPalette[i % 8];
    return kPalette[0];
  }
  static bool Any(const std::vector<Band>& v) {
    for (const Band& b : v)
      if (b.defined()) return true;
    return false;
  }
  std::string Cell(const std::string& text, bool left = false) const {
    return std::string(left ? "<td class=\"t\">" : "<td>") + HtmlEscape(text) + "</td>";
  }
  std::string Head(const std::vector<std::string>& columns) const {
    std::string s = "<tr>";
    for (size_t i = 0; i < columns.size(); ++i)
      s += std::string(i == 0 ? "<th class=\"t\">" : "<th>") + HtmlEscape(columns[i]) + "</th>";
    return s + "</tr>";
  }
  std::string Money(double v) const { return L.EuroShort(v); }
  std::string Interval(double lo, double hi, bool money) const {
    if (std::isnan(lo) || std::isnan(hi)) return "";
    return money ? L.EuroRange(lo, hi) : L.Number(lo, 0) + " – " + L.Number(hi, 0);
  }

  void Header();
  void KeyFigures();
  void LevelFans(const std::string& metric, const std::string& id, const std::string& title);
  void Differences();
  void Risk();
  void Boeggolf();
  void BoeggolfEffects();
  void Targets();
  void Provenance();
};

void Doc::Header() {
  const ::sdsim::Provenance& p = R.provenance();
  out += "<h1>" +
         HtmlEscape(L("Sociaal domein: kosten en cliënten per scenario",
                      "Social domain: cost and clients per scenario")) +
         "</h1>";
  std::string names;
  for (const std::string& s : R.scenarios()) names += (names.empty() ? "" : ", ") + s;
  out +=
      "<p class=\"note\">" +
      HtmlEscape(L("Scenario's: ", "Scenarios: ") + names + ". " + L.Number(R.replications(), 0) +
                 L(" replicaties per scenario, seed ", " replications per scenario, seed ") +
                 p.seed + ", sdsim " + p.version + ", " + p.finished + ". " +
                 L("Banden: p5–p95 (licht) en p25–p75 (donker) rond de mediaan (lijn). "
                   "Bedragen in euro's in het prijspeil van elk jaar.",
                   "Bands: p5–p95 (light) and p25–p75 (dark) around the median (line). "
                   "Amounts in euros at each year's prices.")) +
      "</p>";
  out += "<nav><a href=\"#kosten\">" + std::string(L("Kosten", "Cost")) + "</a>";
  if (R.HasMetric("saldo")) out += "<a href=\"#saldo\">Saldo</a>";
  out += "<a href=\"#clienten\">" + std::string(L("Cliënten", "Clients")) + "</a>";
  if (!R.compared().empty())
    out += "<a href=\"#verschillen\">" + std::string(L("Verschillen", "Differences")) + "</a>";
  if (R.budget().rows()) out += "<a href=\"#risico\">" + std::string(L("Risico", "Risk")) + "</a>";
  if (!R.cohorts().empty())
    out += "<a href=\"#boeggolf\">" + std::string(L("Boeggolf", "Bow wave")) + "</a>";
  if (R.targets().rows())
    out += "<a href=\"#doelen\">" + std::string(L("Doelen", "Targets")) + "</a>";
  out += "<a href=\"#herkomst\">" + std::string(L("Herkomst", "Provenance")) + "</a></nav>";
}

void Doc::KeyFigures() {
  out += "<h2 id=\"kern\">" +
         HtmlEscape(L("Kerncijfers: totale kosten", "Key figures: total cost")) +
         "</h2><p class=\"note\">" +
         HtmlEscape(L("Mediaan met p5–p95, alle domeinen en betalers samen.",
                      "Median with p5–p95, all domains and payers together.")) +
         "</p><table>";
  std::vector<std::string> head = {"Scenario"};
  for (const std::string& p : R.periods()) head.push_back(p);
  out += Head(head);
  for (const std::string& s : R.scenarios()) {
    out += "<tr>" + Cell(s, true);
    for (const Band& b : R.Series(s, RowKey{}, "cost"))
      out += "<td>" + HtmlEscape(Money(b.p50)) + "<br><small>" +
             HtmlEscape(Interval(b.p5, b.p95, true)) + "</small></td>";
    out += "</tr>";
  }
  out += "</table>";
}

void Doc::LevelFans(const std::string& metric, const std::string& id, const std::string& title) {
  if (!R.HasMetric(metric)) return;
  const bool money = metric != "unique_clients";
  out += "<h2 id=\"" + id + "\">" + HtmlEscape(title) + "</h2>";
  std::vector<RowKey> rows = R.Rows(RowLevel::kTotal, metric);
  for (const RowKey& k : R.Rows(RowLevel::kDomain, metric)) rows.push_back(k);
  for (const RowKey& k : rows) {
    std::vector<ChartFan> fans;
    for (const std::string& s : R.scenarios()) {
      ChartFan f{s, Color(s), R.Series(s, k, metric)};
      if (Any(f.values)) fans.push_back(f);
    }
    if (fans.empty()) continue;
    const auto range = FanRange(fans, {});  // one scale for all scenarios of the row
    const std::string row_name = LevelOf(k) == RowLevel::kTotal ? std::string(L("Totaal", "Total"))
                                                                : R.DomainLabel(k.domain);
    out += "<h3>" + HtmlEscape(row_name) + "</h3><div class=\"grid\">";
    for (const ChartFan& f : fans) {
      FanChartSpec spec;
      spec.title = f.name;
      spec.categories = R.periods();
      spec.fans = {f};
      spec.money = money;
      spec.y_lo = range.first;
      spec.y_hi = range.second;
      out += FanChartSvg(spec, L);
    }
    out += "</div>";
  }
}

void Doc::Differences() {
  if (R.compared().empty()) return;
  out += "<h2 id=\"verschillen\">" +
         HtmlEscape(L("Verschil met de basislijn (", "Difference from the baseline (") +
                    R.baseline() + ")") +
         "</h2><p class=\"note\">" +
         HtmlEscape(L("Scenario min basislijn, per replicatie op dezelfde toevalsgetallen. "
                      "Negatief is een besparing. Cumulatief netto-effect: opgeteld vanaf de "
                      "eerste periode, inclusief de investering.",
                      "Scenario minus baseline, per replication on common random numbers. "
                      "Negative is a saving. Cumulative net effect: summed from the first "
                      "period, including the investment.")) +
         "</p>";
  for (const std::string& s : R.compared()) {
    const std::vector<Diff> cost = R.Differences(s, "cost"),
                            cum = R.Differences(s, "cost_cumulative"),
                            inv = R.Differences(s, "investment");
    out += "<h3>" + HtmlEscape(s) + "</h3><table>";
    out +=
        Head({L("Periode", "Period"), L("Δ kosten (gemiddeld)", "Δ cost (mean)"), "p5 – p95",
              L("P(besparing)", "P(saving)"), L("cumulatief netto-effect", "cumulative net effect"),
              "p5 – p95", L("Δ investering", "Δ investment")});
    std::string payback;
    for (size_t p = 0; p < R.periods().size(); ++p) {
      out += "<tr>" + Cell(R.periods()[p], true) + Cell(Money(cost[p].mean)) +
             Cell(Interval(cost[p].p5, cost[p].p95, true)) + Cell(L.Percent(cost[p].p_lower)) +
             Cell(Money(cum[p].mean)) + Cell(Interval(cum[p].p5, cum[p].p95, true)) +
             Cell(Money(inv[p].mean)) + "</tr>";
      if (!cum[p].payback.empty()) payback = cum[p].payback;
    }
    out += "</table><p>" +
           HtmlEscape(L("Terugverdiend: ", "Payback: ") +
                      (payback == "none" || payback.empty()
                           ? std::string(L("niet binnen de horizon.", "not within the horizon."))
                           : L("vanaf ", "from ") + payback + ".")) +
           "</p>";
    // Other differences compare.csv reports for the total (clients; saldo, backlog if present).
    std::string rows;
    for (const std::string& m : R.compare_metrics()) {
      if (m == "cost" || m == "cost_cumulative" || m == "investment") continue;
      const std::vector<Diff> d = R.Differences(s, m);
      const bool money = m.find("cost") != std::string::npos || m == "saldo" || m == "income";
      rows += "<tr>" + Cell(L.Metric(m), true);
      for (const Diff& x : d)
        rows += Cell((money ? Money(x.mean) : L.Number(x.mean, 1)) + " (" +
                     Interval(x.p5, x.p95, money) + ")");
      rows += "</tr>";
    }
    if (!rows.empty()) {
      std::vector<std::string> head = {L("Verschil in", "Difference in")};
      for (const std::string& p : R.periods()) head.push_back(p);
      out += "<table>" + Head(head) + rows + "</table>";
    }
    auto fan = [&](const std::vector<Diff>& d, const std::string& title) {
      ChartFan f{s, Color(s), {}};
      for (const Diff& x : d) f.values.push_back(Band{x.mean, x.p5, NAN, x.p50, NAN, x.p95});
      FanChartSpec spec;
      spec.title = title;
      spec.categories = R.periods();
      spec.fans = {f};
      spec.zero = true;
      return FanChartSvg(spec, L);
    };
    out += "<div class=\"grid\">" + fan(cost, L("Δ kosten per periode", "Δ cost per period")) +
           fan(cum, L("Cumulatief netto-effect", "Cumulative net effect")) + "</div>";
  }
}

void Doc::Risk() {
  const ResultTable& t = R.budget();
  if (!t.rows()) return;
  out += "<h2 id=\"risico\">" +
         HtmlEscape(L("Begrotingsrisico (weerstandsvermogen)", "Budget risk")) +
         "</h2><p class=\"note\">" +
         HtmlEscape(L("Per begrotingsregel: de kans op overschrijding, de verwachte "
                      "overschrijding en de reserve bovenop de begroting die de kosten met 90% en "
                      "95% zekerheid dekt. Grafieken: kosten van de basislijn (p5–p95, mediaan) "
                      "tegen de begroting (streep).",
                      "Per budget line: the probability of an overrun, the expected overrun and "
                      "the reserve on top of the budget that covers the cost with 90% and 95% "
                      "certainty. Charts: the baseline's cost (p5–p95, median) against the budget "
                      "(dash).")) +
         "</p><table>";
  const int sc = t.Column("scenario"), line = t.Column("line"), per = t.Column("period"),
            bud = t.Column("budget"), mean = t.Column("mean_cost"), p5 = t.Column("p5_cost"),
            p50 = t.Column("p50_cost"), p95 = t.Column("p95_cost"), po = t.Column("p_overrun"),
            eo = t.Column("expected_overrun"), r90 = t.Column("reserve_90"),
            r95 = t.Column("reserve_95");
  // With waiting clients, also the overrun once their deferred cost is counted (issue 10).
  const int pob = t.Column("p_overrun_with_backlog");
  std::vector<std::string> head = {"Scenario",
                                   L("Regel", "Line"),
                                   L("Periode", "Period"),
                                   L("Begroting", "Budget"),
                                   L("Kosten (gemiddeld)", "Cost (mean)"),
                                   L("P(overschrijding)", "P(overrun)"),
                                   L("Verwachte overschrijding", "Expected overrun"),
                                   L("Reserve 90%", "Reserve 90%"),
                                   L("Reserve 95%", "Reserve 95%")};
  if (pob >= 0)
    head.push_back(L("P(overschrijding) incl. uitgestelde kosten", "P(overrun) incl. deferred"));
  out += Head(head);
  std::vector<std::string> lines;
  for (size_t r = 0; r < t.rows(); ++r) {
    out += "<tr>" + Cell(t.Text(r, sc), true) + Cell(t.Text(r, line), true) + Cell(t.Text(r, per)) +
           Cell(Money(t.Number(r, bud))) + Cell(Money(t.Number(r, mean))) +
           Cell(L.Percent(t.Number(r, po))) + Cell(Money(t.Number(r, eo))) +
           Cell(Money(t.Number(r, r90))) + Cell(Money(t.Number(r, r95))) +
           (pob >= 0 ? Cell(L.Percent(t.Number(r, pob))) : "") + "</tr>";
    if (t.Text(r, sc) == R.baseline() &&
        std::find(lines.begin(), lines.end(), t.Text(r, line)) == lines.end())
      lines.push_back(t.Text(r, line));
  }
  out += "</table><div class=\"grid\">";
  for (const std::string& l : lines) {
    ChartFan f{R.baseline(), Color(R.baseline()),
               std::vector<Band>(R.periods().size(), Band{NAN, NAN, NAN, NAN, NAN, NAN})};
    std::vector<double> budget(R.periods().size(), NAN);
    for (size_t r = 0; r < t.rows(); ++r) {
      if (t.Text(r, sc) != R.baseline() || t.Text(r, line) != l) continue;
      for (size_t p = 0; p < R.periods().size(); ++p)
        if (R.periods()[p] == t.Text(r, per)) {
          f.values[p] = Band{t.Number(r, mean), t.Number(r, p5), NAN, t.Number(r, p50), NAN,
                             t.Number(r, p95)};
          budget[p] = t.Number(r, bud);
        }
    }
    FanChartSpec spec;
    spec.title = l;
    spec.categories = R.periods();
    spec.fans = {f};
    spec.reference = budget;
    spec.reference_name = L("Begroting", "Budget");
    out += FanChartSvg(spec, L);
  }
  out += "</div>";
}

void Doc::Boeggolf() {
  if (R.cohorts().empty()) return;
  std::string charts;
  for (const std::string& s : R.scenarios()) {
    StackedSpec spec;
    spec.title = s;
    spec.categories = R.periods();
    bool any = false;
    for (size_t h = 0; h < R.cohorts().size(); ++h) {
      RowKey k;
      k.cohort = R.cohorts()[h];
      std::vector<double> v;
      for (const Band& b : R.Series(s, k, "cost")) {
        v.push_back(b.mean);
        any |= b.defined();
      }
      spec.names.push_back(k.cohort == "stock" ? L("zittende cliënten", "clients in care")
                           : k.cohort == "new" ? L("nieuwe instroom", "new inflow")
                                               : k.cohort);
      spec.colors.push_back(h == 0 ? "#0072B2" : h == 1 ? "#E69F00" : "#999999");
      spec.values.push_back(v);
    }
    if (any) charts += StackedColumnsSvg(spec, L);
  }
  if (charts.empty()) return;
  out += "<h2 id=\"boeggolf\">" +
         HtmlEscape(L("Boeggolf: kosten van zittende cliënten en nieuwe instroom",
                      "Bow wave: cost of clients already in care and of new inflow")) +
         "</h2><p class=\"note\">" +
         HtmlEscape(L("De uitgaven zitten vast in de beschikkingen: dit deel van de kosten ligt al "
                      "vast bij wie op de startdatum in zorg was of wachtte (gemiddelde).",
                      "The part of the cost already committed to clients in care or waiting on "
                      "the start date (mean).")) +
         "</p><div class=\"grid\">" + charts + "</div>";
  BoeggolfEffects();
}

// Where each scenario's effect falls: the difference from the baseline in the stock's cost and in
// the new inflow's (differences of the means, which equal the mean paired differences).
void Doc::BoeggolfEffects() {
  if (R.compared().empty()) return;
  RowKey stock, inflow;
  stock.cohort = "stock";
  inflow.cohort = "new";
  const auto base_stock = R.Series(R.baseline(), stock, "cost"),
             base_new = R.Series(R.baseline(), inflow, "cost");
  std::string rows;
  for (const std::string& s : R.compared()) {
    const auto st = R.Series(s, stock, "cost"), nw = R.Series(s, inflow, "cost");
    for (size_t p = 0; p < R.periods().size(); ++p) {
      const double ds = st[p].mean - base_stock[p].mean, dn = nw[p].mean - base_new[p].mean;
      if (std::isnan(ds) || std::isnan(dn)) continue;
      rows += "<tr>" + Cell(s, true) + Cell(R.periods()[p], true) + Cell(Money(ds)) +
              Cell(Money(dn)) + Cell(Money(ds + dn)) + "</tr>";
    }
  }
  if (rows.empty()) return;
  out += "<p class=\"note\">" +
         HtmlEscape(L("Verschil met de basislijn (gemiddelde): welk deel van het effect van een "
                      "scenario de zittende cliënten raakt en welk deel de nieuwe instroom.",
                      "Difference from the baseline (mean): how much of a scenario's effect acts "
                      "on the clients already in care and how much on the new inflow.")) +
         "</p><table>" +
         Head({"Scenario", L("Periode", "Period"), L("Δ zittende cliënten", "Δ clients in care"),
               L("Δ nieuwe instroom", "Δ new inflow"), L("Δ totaal", "Δ total")}) +
         rows + "</table>";
}

void Doc::Targets() {
  const ResultTable& t = R.targets();
  if (!t.rows()) return;
  out +=
      "<h2 id=\"doelen\">" + HtmlEscape(L("Doelen en bekende cijfers", "Targets")) + "</h2><table>";
  out += Head({"Scenario", L("Doel", "Target"), L("Periode", "Period"), L("Bereik", "Range"),
               L("Gemiddelde", "Mean"), "p5 – p95", L("Kans gehaald", "P(met)"), "",
               L("Bron", "Source")});
  const int sc = t.Column("scenario"), tg = t.Column("target"), per = t.Column("period"),
            lo = t.Column("lower"), hi = t.Column("upper"), mean = t.Column("mean"),
            p5 = t.Column("p5"), p95 = t.Column("p95"), pm = t.Column("probability_met"),
            in = t.Column("mean_in_range"), src = t.Column("source");
  auto num = [&](double v) { return L.Number(v, std::fabs(v) < 10 ? 3 : 0); };
  for (size_t r = 0; r < t.rows(); ++r) {
    const double l = t.Number(r, lo), h = t.Number(r, hi);
    const std::string range = std::isnan(l)   ? "≤ " + num(h)
                              : std::isnan(h) ? "≥ " + num(l)
                                              : num(l) + " – " + num(h);
    const bool ok = t.Text(r, in) == "yes";
    out += "<tr>" + Cell(t.Text(r, sc), true) + Cell(t.Text(r, tg), true) + Cell(t.Text(r, per)) +
           Cell(range) + Cell(num(t.Number(r, mean))) +
           Cell(num(t.Number(r, p5)) + " – " + num(t.Number(r, p95))) +
           Cell(L.Percent(t.Number(r, pm))) + "<td class=\"" + (ok ? "ok\">ok" : "off\">") +
           (ok ? "" : L("buiten bereik", "off")) + "</td>" + Cell(t.Text(r, src), true) + "</tr>";
  }
  out += "</table>";
}

void Doc::Provenance() {
  const ::sdsim::Provenance& p = R.provenance();
  out += "<h2 id=\"herkomst\">" + HtmlEscape(L("Herkomst", "Provenance")) + "</h2><p>" +
         HtmlEscape(L("Dezelfde sdsim-versie met dezelfde opdracht en dezelfde invoerbestanden "
                      "(controleer de SHA-256) geeft dezelfde cijfers, bit voor bit, bij elk "
                      "aantal threads. Alles staat ook in manifest.json.",
                      "The same sdsim version with the same command and input files (check "
                      "their SHA-256) gives the same numbers, bit for bit, for any number of "
                      "threads. Everything is also in manifest.json.")) +
         "</p><table>";
  const std::pair<std::string, std::string> facts[] = {
      {L("Programma", "Program"), "sdsim " + p.version},
      {L("Opdracht", "Command"), p.command_line},
      {"Seed", p.seed},
      {L("Replicaties per scenario", "Replications per scenario"), p.replications},
      {L("Threads / MPI-processen", "Threads / MPI processes"), p.threads + " / " + p.mpi_ranks},
      {L("Gestart – klaar (UTC)", "Started – finished (UTC)"), p.started + " – " + p.finished},
      {L("Begrotingsbestand", "Budget file"), p.budget_file.empty() ? "-" : p.budget_file}};
  for (const auto& [k, v] : facts)
    out += "<tr><th class=\"t\">" + HtmlEscape(k) + "</th><td class=\"t\"><code>" + HtmlEscape(v) +
           "</code></td></tr>";
  out += "</table><table>" + Head({"Scenario", L("Invoerbestand", "Input file"), "SHA-256"});
  for (const ::sdsim::Provenance::InputFile& f : p.inputs)
    out += "<tr>" + Cell(f.scenario, true) + Cell(f.path, true) + "<td class=\"t\"><code>" +
           HtmlEscape(f.sha256) + "</code></td></tr>";
  out += "</table>";
}

}  // namespace

std::string ReportHtml(const RunResults& results, Lang lang) {
  Doc d{results, Labels{lang}, ""};
  d.out = std::string("<!DOCTYPE html>\n<html lang=\"") + (lang == Lang::kNl ? "nl" : "en") +
          "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
          "content=\"width=device-width,initial-scale=1\"><title>" +
          HtmlEscape(d.L("sdsim: resultaten", "sdsim: results")) + "</title><style>" + kStyle +
          "</style></head><body>";
  d.Header();
  d.KeyFigures();
  d.LevelFans("cost", "kosten", d.L("Kosten per domein", "Cost per domain"));
  d.LevelFans("saldo", "saldo", d.L("Saldo (baten − kosten) per domein", "Balance per domain"));
  d.LevelFans("backlog_cost", "uitgesteld",
              d.L("Uitgestelde kosten van wachtenden", "Deferred cost of waiting clients"));
  d.LevelFans("unique_clients", "clienten",
              d.L("Cliënten per domein (uniek in de periode)", "Clients per domain (unique)"));
  d.Differences();
  d.Risk();
  d.Boeggolf();
  d.Targets();
  d.Provenance();
  d.out += "</body></html>\n";
  return d.out;
}

}  // namespace sdsim
