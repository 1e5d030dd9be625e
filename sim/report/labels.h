// Labels of the workbook and the report in Dutch (the default: the users' language) or English,
// and number formatting for text (the HTML report) in either convention. Formatting is done
// here, by hand, and never through the C locale: switching LC_NUMERIC would change how every
// number in the program is written (and makes libxlsxwriter 1.1.4 write corrupt files).
#pragma once

#include <string>
#include <string_view>

namespace sdsim {

enum class Lang { kNl, kEn };
bool ParseLang(std::string_view text, Lang* lang);

// Picks the text for the language: L("Kosten", "Cost").
struct Labels {
  Lang lang = Lang::kNl;
  const char* operator()(const char* nl, const char* en) const {
    return lang == Lang::kNl ? nl : en;
  }
  // A metric of summary.csv or compare.csv as a reader would name it (the name itself if unknown).
  std::string Metric(const std::string& metric) const;
  // The BBV name of a taakveld ("" if not a known code).
  static std::string TaakveldName(const std::string& code);

  // Numbers as text: digits grouped (1.234.567 or 1,234,567), the decimal comma or point.
  std::string Number(double v, int decimals) const;
  std::string Euro(double v) const;         // € 1.234.567
  std::string EuroShort(double v) const;    // € 17,5 mln / €17.5m; smaller amounts in full
  std::string Percent(double share) const;  // 0.823 -> 82%
  // An interval of amounts: € 30,0 – 31,6 mln / €30.0–31.6m (in full when below a million).
  std::string EuroRange(double lo, double hi) const;
};

}  // namespace sdsim
