// Labels and text formatting of numbers for the workbook and the report.
#include "report/labels.h"

#include <cmath>
#include <cstdio>
#include <utility>

namespace sdsim {
namespace {

struct MetricLabel {
  const char* metric;
  const char* nl;
  const char* en;
};
const MetricLabel kMetrics[] = {
    {"cost", "Kosten", "Cost"},
    {"income", "Baten", "Income"},
    {"saldo", "Saldo (baten − kosten)", "Balance (income − cost)"},
    {"backlog_cost", "Uitgestelde kosten wachtenden", "Deferred cost of waiting clients"},
    {"cost_with_backlog", "Kosten inclusief uitgestelde kosten", "Cost including deferred cost"},
    {"cost_with_backlog_cumulative", "Kosten incl. uitgestelde kosten, cumulatief",
     "Cost including deferred cost, cumulative"},
    {"cost_cumulative", "Kosten cumulatief", "Cumulative cost"},
    {"investment", "Investering", "Investment"},
    {"unique_clients", "Cliënten (uniek in de periode)", "Clients (unique in the period)"},
    {"mean_clients", "Gemiddeld aantal in zorg", "Mean number in care"},
    {"clients_start", "Cliënten begin periode", "Clients at the start"},
    {"clients_end", "Cliënten eind periode", "Clients at the end"},
    {"inflow", "Instroom", "Inflow"},
    {"outflow", "Uitstroom", "Outflow"},
    {"waiting_end", "Wachtenden eind periode", "Waiting at the end"},
    {"mean_wait_days", "Gemiddelde wachttijd (dagen)", "Mean wait (days)"},
};

// BBV taakvelden of the sociaal domein (Besluit begroting en verantwoording, 2023 names).
const std::pair<const char*, const char*> kTaakvelden[] = {
    {"6.1", "Samenkracht en burgerparticipatie"},
    {"6.2", "Toegang en eerstelijnsvoorzieningen"},
    {"6.3", "Inkomensregelingen"},
    {"6.4", "Wsw en beschut werk"},
    {"6.5", "Arbeidsparticipatie"},
    {"6.6", "Maatwerkvoorzieningen (Wmo)"},
    {"6.71", "Maatwerkdienstverlening 18+"},
    {"6.72", "Maatwerkdienstverlening 18-"},
    {"6.81", "Geëscaleerde zorg 18+"},
    {"6.82", "Geëscaleerde zorg 18-"},
    {"7.1", "Volksgezondheid"},
};

}  // namespace

bool ParseLang(std::string_view text, Lang* lang) {
  if (text == "nl")
    *lang = Lang::kNl;
  else if (text == "en")
    *lang = Lang::kEn;
  else
    return false;
  return true;
}

std::string Labels::Metric(const std::string& metric) const {
  for (const MetricLabel& m : kMetrics)
    if (metric == m.metric) return (*this)(m.nl, m.en);
  return metric;
}

std::string Labels::TaakveldName(const std::string& code) {
  for (const auto& [c, name] : kTaakvelden)
    if (code == c) return name;
  return "";
}

std::string Labels::Number(double v, int decimals) const {
  if (std::isnan(v)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  std::string digits(buf), frac;
  if (const size_t dot = digits.find('.'); dot != std::string::npos) {
    frac = digits.substr(dot + 1);
    digits.resize(dot);
  }
  const char group = lang == Lang::kNl ? '.' : ',', point = lang == Lang::kNl ? ',' : '.';
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += group;
    out += digits[i];
  }
  if (!frac.empty()) out += point + frac;
  const bool zero = out.find_first_not_of("0.,") == std::string::npos;
  return (v < 0 && !zero ? "−" : "") + out;
}

std::string Labels::Euro(double v) const {
  if (std::isnan(v)) return "";
  return (lang == Lang::kNl ? "€ " : "€") + Number(v, 0);
}

std::string Labels::EuroShort(double v) const {
  if (std::isnan(v)) return "";
  if (std::fabs(v) < 1e6) return Euro(std::round(v / 1e3) * 1e3);
  const int decimals = std::fabs(v) < 1e8 ? 1 : 0;
  return lang == Lang::kNl ? "€ " + Number(v / 1e6, decimals) + " mln"
                           : "€" + Number(v / 1e6, decimals) + "m";
}

std::string Labels::EuroRange(double lo, double hi) const {
  if (std::isnan(lo) || std::isnan(hi)) return "";
  if (std::fabs(lo) < 1e6 || std::fabs(hi) < 1e6 || std::fabs(lo) >= 1e8 || std::fabs(hi) >= 1e8)
    return EuroShort(lo) + " – " + EuroShort(hi);
  return lang == Lang::kNl ? "€ " + Number(lo / 1e6, 1) + " – " + Number(hi / 1e6, 1) + " mln"
                           : "€" + Number(lo / 1e6, 1) + "–" + Number(hi / 1e6, 1) + "m";
}

std::string Labels::Percent(double share) const {
  if (std::isnan(share)) return "";
  return Number(share * 100, 0) + "%";
}

}  // namespace sdsim
