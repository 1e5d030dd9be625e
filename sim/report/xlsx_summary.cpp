// The Samenvatting sheet (totals per scenario and period with fan charts, and the boeggolf when
// summary.csv splits cost by cohort) and the Begroting sheet (the begroting layout).
#include <string>
#include <utility>
#include <vector>

#include "report/xlsx_sheets.h"

namespace sdsim {
namespace {

// Charts to the right of the table (from column K), two side by side, 16 rows each.
struct ChartGrid {
  int top = 0, count = 0;
  std::pair<int, int> Next() {
    const int i = count++;
    return {top + (i / 2) * 16, 10 + (i % 2) * 8};
  }
};

std::string Note(const SheetContext& c, const char* nl, const char* en) {
  return c.L("Gemiddelde en percentielen over ", "Mean and percentiles over ") +
         c.L.Number(c.results.replications(), 0) + c.L(" replicaties. ", " replications. ") +
         c.L(nl, en);
}

// The cohort's name for a reader.
std::string CohortName(const Labels& L, const std::string& cohort) {
  if (cohort == "stock")
    return L("Zittende cliënten (in zorg of wachtend op de startdatum)",
             "Clients in care or waiting on the start date");
  if (cohort == "new")
    return L("Nieuwe instroom na de startdatum", "New inflow after the start date");
  return cohort;
}

// The boeggolf: cost of the clients already in care versus the new inflow, per scenario and
// period, with a stacked column chart per scenario. Returns the next free table row.
int Boeggolf(const SheetContext& c, lxw_worksheet* ws, int row, ChartGrid* grid) {
  const RunResults& R = c.results;
  const Labels& L = c.L;
  row = c.book.Title(ws, row,
                     L("Boeggolf: kosten van zittende cliënten en van nieuwe instroom",
                       "Bow wave: cost of clients already in care and of new inflow"),
                     L("De uitgaven zitten vast in de beschikkingen: het deel van de kosten dat "
                       "al vastligt bij cliënten die op de startdatum in zorg waren.",
                       "The part of the cost that is committed to clients in care on the start "
                       "date."));
  std::vector<std::string> header = {L("Scenario", "Scenario"), L("Periode", "Period")};
  for (const std::string& h : R.cohorts()) header.push_back(CohortName(L, h));
  header.push_back(L("Totaal", "Total"));
  std::vector<std::vector<XCell>> rows;
  std::vector<std::pair<std::string, int>> starts;
  for (const std::string& s : R.scenarios()) {
    std::vector<std::vector<Band>> parts;
    bool any = false;
    for (const std::string& h : R.cohorts()) {
      RowKey k;
      k.cohort = h;
      parts.push_back(R.Series(s, k, "cost"));
      for (const Band& b : parts.back()) any |= b.defined();
    }
    if (!any) continue;
    const std::vector<Band> all = R.Series(s, RowKey{}, "cost");
    starts.push_back({s, row + 1 + static_cast<int>(rows.size())});
    for (size_t p = 0; p < R.periods().size(); ++p) {
      std::vector<XCell> r = {XCell::Text(s), PeriodCell(R.periods()[p])};
      for (const auto& part : parts) r.push_back(XCell::Number(part[p].mean, c.book.euro));
      r.push_back(XCell::Number(all[p].mean, c.book.euro));
      rows.push_back(r);
    }
  }
  if (rows.empty()) return row;
  const int next = c.book.Table(ws, row, 0, header, rows, false);
  const int n = static_cast<int>(R.periods().size());
  for (const auto& [s, first] : starts) {
    LineChart chart;
    chart.title = s + ": " + L("boeggolf (kosten)", "bow wave (cost)");
    chart.y_format = XlsxBook::kEuroMlnFormat;
    chart.stacked_columns = true;
    for (size_t h = 0; h < R.cohorts().size(); ++h)
      chart.series.push_back(
          {CohortName(L, R.cohorts()[h]), first, first + n - 1, 1, 2 + static_cast<int>(h)});
    const auto [at_row, at_col] = grid->Next();
    c.book.Insert(ws, at_row, at_col, chart);
  }
  return next;
}

}  // namespace

void SummarySheet(const SheetContext& c) {
  const RunResults& R = c.results;
  const Labels& L = c.L;
  XlsxBook& b = c.book;
  lxw_worksheet* ws = b.AddSheet(L("Samenvatting", "Summary"));
  int row =
      b.Title(ws, 0,
              L("Totale kosten, saldo en cliënten per scenario en periode",
                "Total cost, balance and clients per scenario and period"),
              Note(c, "Alle domeinen en betalers samen; euro's in het prijspeil van elk jaar.",
                   "All domains and payers together; euros at each year's prices."));
  std::vector<std::string> metrics = {"cost"};
  for (const char* m : {"income", "saldo", "backlog_cost"})
    if (R.HasMetric(m)) metrics.push_back(m);
  metrics.push_back("unique_clients");
  const std::vector<std::string> header = {L("Scenario", "Scenario"),
                                           L("Grootheid", "Metric"),
                                           L("Periode", "Period"),
                                           L("Gemiddelde", "Mean"),
                                           "p5",
                                           "p50",
                                           "p95",
                                           L("p50 − p5 (grafiek)", "p50 − p5 (chart)"),
                                           L("p95 − p50 (grafiek)", "p95 − p50 (chart)")};
  std::vector<std::vector<XCell>> rows;
  struct Start {
    std::string scenario, metric;
    int row;
  };
  std::vector<Start> starts;
  const int n = static_cast<int>(R.periods().size());
  for (const std::string& s : R.scenarios())
    for (const std::string& m : metrics) {
      const std::vector<Band> series = R.Series(s, RowKey{}, m);
      bool any = false;
      for (const Band& band : series) any |= band.defined();
      if (!any) continue;
      starts.push_back({s, m, row + 1 + static_cast<int>(rows.size())});
      lxw_format* f = MetricFormat(b, m);
      for (int p = 0; p < n; ++p) {
        const Band& v = series[p];
        rows.push_back({XCell::Text(s), XCell::Text(L.Metric(m)), PeriodCell(R.periods()[p]),
                        XCell::Number(v.mean, f), XCell::Number(v.p5, f), XCell::Number(v.p50, f),
                        XCell::Number(v.p95, f), XCell::Number(v.p50 - v.p5, f),
                        XCell::Number(v.p95 - v.p50, f)});
      }
    }
  const int next = b.Table(ws, row, 0, header, rows, true, 3);

  ChartGrid grid{row, 0};
  for (const std::string& m : metrics) {
    if (m == "unique_clients" || m == "income") continue;
    LineChart lines;
    lines.title = L.Metric(m) + L(": mediaan per scenario", ": median per scenario");
    lines.y_format = XlsxBook::kEuroMlnFormat;
    for (const Start& s : starts)
      if (s.metric == m) lines.series.push_back({s.scenario, s.row, s.row + n - 1, 2, 5});
    if (lines.series.empty()) continue;
    const auto [at_row, at_col] = grid.Next();
    b.Insert(ws, at_row, at_col, lines);
  }
  for (const Start& s : starts) {
    if (s.metric != "cost") continue;
    FanChart fan;
    fan.title = s.scenario + ": " + L("totale kosten, p5–p95", "total cost, p5–p95");
    fan.y_format = XlsxBook::kEuroMlnFormat;
    fan.first_row = s.row;
    fan.last_row = s.row + n - 1;
    fan.category_col = 2;
    fan.base_col = 4;
    fan.band_cols = {7, 8};
    fan.band_names = {"p5–p50", "p50–p95"};
    const auto [at_row, at_col] = grid.Next();
    b.Insert(ws, at_row, at_col, fan);
  }
  if (!R.cohorts().empty()) Boeggolf(c, ws, next + 1, &grid);
}

void BudgetLayoutSheet(const SheetContext& c) {
  const RunResults& R = c.results;
  const Labels& L = c.L;
  XlsxBook& b = c.book;
  lxw_worksheet* ws = b.AddSheet(L("Begroting", "Budget"));
  int row = b.Title(
      ws, 0,
      L("Begroting: lasten per taakveld, domein en betaler, per periode en scenario",
        "Budget layout: cost per taakveld, domain and payer, per period and scenario"),
      Note(c, "Gemiddelde per cel (p5 en p95 ernaast met --xlsx-percentiles); euro's.",
           "The mean in each cell (p5 and p95 next to it with --xlsx-percentiles); euros."));
  std::vector<const char*> stats = {"mean"};
  if (c.options.percentiles) stats = {"mean", "p5", "p95"};
  const int fixed = 4;
  std::vector<std::string> header = {L("Grootheid", "Metric"), L("Niveau", "Level"),
                                     L("Code", "Code"), L("Omschrijving", "Description")};
  // Top header row: each scenario over its columns.
  int col = fixed;
  const int width = static_cast<int>(R.periods().size() * stats.size());
  for (const std::string& s : R.scenarios()) {
    if (width > 1)
      worksheet_merge_range(ws, row, col, row, col + width - 1, s.c_str(), b.header);
    else
      worksheet_write_string(ws, row, col, s.c_str(), b.header);
    col += width;
    for (const std::string& p : R.periods())
      for (const char* st : stats) header.push_back(std::string(st) == "mean" ? p : p + " " + st);
  }
  ++row;
  struct Level {
    RowLevel level;
    const char *nl, *en;
  };
  const Level kLevels[] = {{RowLevel::kTaakveld, "Taakveld", "Taakveld"},
                           {RowLevel::kDomain, "Domein", "Domain"},
                           {RowLevel::kPayer, "Betaler", "Payer"},
                           {RowLevel::kTotal, "Totaal", "Total"}};
  std::vector<std::vector<XCell>> rows;
  auto add = [&](const std::string& metric, const char* level, const RowKey& k) {
    std::vector<XCell> r = {XCell::Text(L.Metric(metric)), XCell::Text(level)};
    switch (LevelOf(k)) {
      case RowLevel::kTaakveld:
      case RowLevel::kTaakveldPayer:
        r.push_back(XCell::Text(k.taakveld));
        break;
      case RowLevel::kDomain:
        r.push_back(XCell::Text(k.domain));
        break;
      case RowLevel::kPayer:
        r.push_back(XCell::Text(k.payer));
        break;
      default:
        r.push_back(XCell::Text(L("totaal", "total")));
    }
    r.push_back(XCell::Text(RowName(R, L, k)));
    for (const std::string& s : R.scenarios()) {
      const std::vector<Band> series = R.Series(s, k, metric);
      for (const Band& v : series)
        for (const char* st : stats) {
          const double x = std::string(st) == "mean" ? v.mean
                           : std::string(st) == "p5" ? v.p5
                                                     : v.p95;
          r.push_back(XCell::Number(x, b.euro));
        }
    }
    rows.push_back(r);
  };
  for (const char* metric : {"cost", "income", "saldo", "backlog_cost"}) {
    if (!R.HasMetric(metric)) continue;
    const std::vector<RowKey> by_payer = R.Rows(RowLevel::kTaakveldPayer, metric);
    for (const Level& lv : kLevels)
      for (const RowKey& k : R.Rows(lv.level, metric)) {
        add(metric, L(lv.nl, lv.en), k);
        if (lv.level != RowLevel::kTaakveld) continue;
        for (const RowKey& kp : by_payer)  // taakveld x payer rows right below their taakveld
          if (kp.taakveld == k.taakveld)
            add(metric, L("Taakveld × betaler", "Taakveld × payer"), kp);
      }
  }
  b.Table(ws, row, 0, header, rows, true, fixed);
}

}  // namespace sdsim
