// SVG fan charts and stacked columns: scales, axes, bands, lines and tooltips.
#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace sdsim {
namespace {

constexpr double kLeft = 74, kRight = 18, kTop = 26, kBottom = 24;

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Tick step of 1, 2 or 5 x 10^k giving about `count` ticks over `span`.
double NiceStep(double span, int count) {
  const double raw = span / count;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (raw <= m * mag) return m * mag;
  return 10 * mag;
}

// The plot frame: maps categories and values to SVG coordinates, and draws the axes.
struct Frame {
  int width, height;
  double lo, hi;
  size_t n;
  double X(size_t i) const {
    const double w = width - kLeft - kRight;
    return n <= 1 ? kLeft + w / 2 : kLeft + w * static_cast<double>(i) / (n - 1);
  }
  double Y(double v) const { return kTop + (height - kTop - kBottom) * (1 - (v - lo) / (hi - lo)); }

  // The opening tag (the picture `total_height` high: the plot and what is below it), the
  // title, the grid with y labels and the x labels.
  std::string Open(const std::string& title, const std::vector<std::string>& categories, bool money,
                   const Labels& L, int total_height) const {
    std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(width) + " " +
                    std::to_string(total_height) + "\" role=\"img\" aria-label=\"" +
                    HtmlEscape(title) + "\"><title>" + HtmlEscape(title) + "</title>";
    s += "<text class=\"chart-title\" x=\"" + Fixed(kLeft) + "\" y=\"16\">" + HtmlEscape(title) +
         "</text>";
    const double step = NiceStep(hi - lo, 5);  // 4 to 8 grid lines over a Nice() range
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
      const double y = Y(v), value = std::fabs(v) < step * 1e-9 ? 0.0 : v;
      s += "<line class=\"grid" + std::string(value == 0 ? " zero" : "") + "\" x1=\"" +
           Fixed(kLeft) + "\" x2=\"" + Fixed(width - kRight) + "\" y1=\"" + Fixed(y) + "\" y2=\"" +
           Fixed(y) + "\"/>";
      s += "<text class=\"tick\" x=\"" + Fixed(kLeft - 6) + "\" y=\"" + Fixed(y + 4) +
           "\" text-anchor=\"end\">" +
           HtmlEscape(money ? L.EuroShort(value) : L.Number(value, step < 1 ? 2 : 0)) + "</text>";
    }
    for (size_t i = 0; i < categories.size(); ++i)
      s += "<text class=\"tick\" x=\"" + Fixed(X(i)) + "\" y=\"" + Fixed(height - kBottom + 16) +
           "\" text-anchor=\"middle\">" + HtmlEscape(categories[i]) + "</text>";
    return s;
  }
};

void Extend(double v, double* lo, double* hi) {
  if (std::isnan(v)) return;
  *lo = std::min(*lo, v);
  *hi = std::max(*hi, v);
}

// A nice range around [lo, hi]: zero included when the data are not far from it.
std::pair<double, double> Nice(double lo, double hi) {
  if (lo > hi) return {0, 1};
  if (lo > 0 && lo < 0.4 * hi) lo = 0;
  if (hi < 0 && hi > 0.4 * lo) hi = 0;
  if (hi - lo < 1e-9 * std::max(1.0, std::fabs(hi))) {
    const double pad = std::max(1.0, std::fabs(hi) * 0.05);
    lo -= pad;
    hi += pad;
  }
  const double step = NiceStep(hi - lo, 4);
  return {std::floor(lo / step) * step, std::ceil(hi / step) * step};
}

std::string Path(const std::vector<std::pair<double, double>>& points, bool close) {
  std::string d;
  for (size_t i = 0; i < points.size(); ++i)
    d += (i ? " L" : "M") + Fixed(points[i].first) + " " + Fixed(points[i].second);
  return close ? d + " Z" : d;
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::pair<double, double> FanRange(const std::vector<ChartFan>& fans,
                                   const std::vector<double>& reference, bool zero) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  if (zero) lo = hi = 0;
  for (const ChartFan& f : fans)
    for (const Band& b : f.values) {
      Extend(b.p5, &lo, &hi);
      Extend(b.p95, &lo, &hi);
      Extend(b.p50, &lo, &hi);
    }
  for (double r : reference) Extend(r, &lo, &hi);
  return Nice(lo, hi);
}

std::string FanChartSvg(const FanChartSpec& spec, const Labels& L) {
  auto [lo, hi] = FanRange(spec.fans, spec.reference, spec.zero);
  if (spec.y_hi > spec.y_lo) std::tie(lo, hi) = std::make_pair(spec.y_lo, spec.y_hi);
  const Frame f{spec.width, spec.height, lo, hi, spec.categories.size()};
  std::string s = f.Open(spec.title, spec.categories, spec.money, L, spec.height);
  auto fmt = [&](double v) { return spec.money ? L.EuroShort(v) : L.Number(v, v < 10 ? 2 : 0); };
  for (const ChartFan& fan : spec.fans) {
    // A band from the lower to the upper value of each category, where both are defined.
    auto band = [&](double Band::*low, double Band::*high, const char* cls) {
      std::vector<std::pair<double, double>> pts;
      for (size_t i = 0; i < fan.values.size(); ++i)
        if (!std::isnan(fan.values[i].*high) && !std::isnan(fan.values[i].*low))
          pts.push_back({f.X(i), f.Y(fan.values[i].*high)});
      if (pts.size() != fan.values.size() || pts.empty()) return;
      for (size_t i = fan.values.size(); i-- > 0;) pts.push_back({f.X(i), f.Y(fan.values[i].*low)});
      if (fan.values.size() == 1) {  // one period: a bar instead of an area
        pts = {{f.X(0) - 12, pts[0].second},
               {f.X(0) + 12, pts[0].second},
               {f.X(0) + 12, pts[1].second},
               {f.X(0) - 12, pts[1].second}};
      }
      s += "<path class=\"mark " + std::string(cls) + "\" fill=\"" + fan.color + "\" d=\"" +
           Path(pts, true) + "\"/>";
    };
    band(&Band::p5, &Band::p95, "band-outer");
    band(&Band::p25, &Band::p75, "band-inner");
    std::vector<std::pair<double, double>> median;
    for (size_t i = 0; i < fan.values.size(); ++i)
      if (!std::isnan(fan.values[i].p50)) median.push_back({f.X(i), f.Y(fan.values[i].p50)});
    if (median.size() > 1)
      s += "<path class=\"mark median\" stroke=\"" + fan.color + "\" d=\"" + Path(median, false) +
           "\"/>";
    for (size_t i = 0; i < fan.values.size(); ++i) {
      const Band& b = fan.values[i];
      if (std::isnan(b.p50)) continue;
      std::string tip = (fan.name.empty() ? "" : fan.name + ", ") + spec.categories[i] + ": " +
                        L("mediaan ", "median ") + fmt(b.p50) + " (p5 " + fmt(b.p5) + " – p95 " +
                        fmt(b.p95) + ")";
      if (!std::isnan(b.mean)) tip += L("; gemiddelde ", "; mean ") + fmt(b.mean);
      s += "<circle class=\"mark point\" fill=\"" + fan.color + "\" cx=\"" + Fixed(f.X(i)) +
           "\" cy=\"" + Fixed(f.Y(b.p50)) + "\" r=\"2.5\"><title>" + HtmlEscape(tip) +
           "</title></circle>";
    }
  }
  for (size_t i = 0; i < spec.reference.size() && i < spec.categories.size(); ++i) {
    if (std::isnan(spec.reference[i])) continue;
    const double y = f.Y(spec.reference[i]);
    s +=
        "<line class=\"mark reference\" x1=\"" + Fixed(f.X(i) - 14) + "\" x2=\"" +
        Fixed(f.X(i) + 14) + "\" y1=\"" + Fixed(y) + "\" y2=\"" + Fixed(y) + "\"><title>" +
        HtmlEscape(spec.reference_name + " " + spec.categories[i] + ": " + fmt(spec.reference[i])) +
        "</title></line>";
  }
  return s + "</svg>";
}

std::string StackedColumnsSvg(const StackedSpec& spec, const Labels& L) {
  double top = 0;
  for (size_t c = 0; c < spec.categories.size(); ++c) {
    double sum = 0;
    for (const auto& series : spec.values) sum += std::isnan(series[c]) ? 0 : series[c];
    top = std::max(top, sum);
  }
  const auto [lo, hi] = Nice(0, top);
  const size_t n = spec.categories.size();
  const Frame f{spec.width, spec.height - 18, lo, hi, n};
  const double slot = (spec.width - kLeft - kRight) / std::max<size_t>(n, 1);
  // Columns are centred in equal slots.
  auto cx = [&](size_t i) { return kLeft + slot * (i + 0.5); };
  std::string s = f.Open(spec.title, {}, true, L, spec.height);  // the legend below the plot
  for (size_t i = 0; i < n; ++i) {
    s += "<text class=\"tick\" x=\"" + Fixed(cx(i)) + "\" y=\"" + Fixed(f.height - kBottom + 16) +
         "\" text-anchor=\"middle\">" + HtmlEscape(spec.categories[i]) + "</text>";
    double base = 0;
    for (size_t k = 0; k < spec.values.size(); ++k) {
      const double v = std::isnan(spec.values[k][i]) ? 0 : spec.values[k][i];
      const double y0 = f.Y(base), y1 = f.Y(base + v);
      s += "<rect class=\"mark column\" fill=\"" + spec.colors[k] + "\" x=\"" +
           Fixed(cx(i) - slot * 0.3) + "\" y=\"" + Fixed(y1) + "\" width=\"" + Fixed(slot * 0.6) +
           "\" height=\"" + Fixed(std::max(0.0, y0 - y1)) + "\"><title>" +
           HtmlEscape(spec.names[k] + ", " + spec.categories[i] + ": " + L.EuroShort(v)) +
           "</title></rect>";
      base += v;
    }
  }
  double x = kLeft;
  for (size_t k = 0; k < spec.names.size(); ++k) {
    s += "<rect x=\"" + Fixed(x) + "\" y=\"" + Fixed(spec.height - 14) +
         "\" width=\"10\" height=\"10\" fill=\"" + spec.colors[k] + "\"/>";
    s += "<text class=\"tick\" x=\"" + Fixed(x + 14) + "\" y=\"" + Fixed(spec.height - 5) + "\">" +
         HtmlEscape(spec.names[k]) + "</text>";
    x += 14 + 6.5 * static_cast<double>(spec.names[k].size()) + 12;
  }
  return s + "</svg>";
}

}  // namespace sdsim
