// Unit tests for report/svg_chart: the marks each chart draws, where they are, and escaping.
#include "report/svg_chart.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>

namespace sdsim {
namespace {

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

// The (x, y) points of the first path with class `cls`.
std::vector<std::pair<double, double>> PathPoints(const std::string& svg, const std::string& cls) {
  const size_t p = svg.find("class=\"mark " + cls + "\"");
  REQUIRE(p != std::string::npos);
  const size_t d = svg.find(" d=\"", p) + 4;
  std::istringstream in(svg.substr(d, svg.find('"', d) - d));
  std::vector<std::pair<double, double>> points;
  std::string token;
  while (in >> token) {
    if (token == "Z") break;
    double y;
    in >> y;
    points.push_back({std::stod(token.substr(1)), y});
  }
  return points;
}

TEST_CASE("FanChartSvg draws both bands, the median and a point per period", "[unit][report]") {
  FanChartSpec spec;
  spec.title = "jeugd <cost> & \"more\"";
  spec.categories = {"2025", "2026", "2027"};
  spec.fans.push_back({"base", "#0072B2", {}});
  for (int i = 0; i < 3; ++i) {
    const double m = 100 + 10 * i;
    spec.fans[0].values.push_back(Band{m, m - 20, m - 8, m, m + 8, m + 20});
  }
  const std::string svg = FanChartSvg(spec, Labels{});
  CHECK(Count(svg, "<svg class=\"chart\"") == 1);
  CHECK(Count(svg, "class=\"mark band-outer\"") == 1);
  CHECK(Count(svg, "class=\"mark band-inner\"") == 1);
  CHECK(Count(svg, "class=\"mark median\"") == 1);
  CHECK(Count(svg, "class=\"mark point\"") == 3);
  CHECK_THAT(svg, Catch::Contains("jeugd &lt;cost&gt; &amp; &quot;more&quot;"));
  CHECK(svg.find("<cost>") == std::string::npos);
  // The outer band runs along p95 left to right and back along p5: the upper edge lies above
  // (smaller y) the inner band's, and the inner band's above the lower edge.
  const auto outer = PathPoints(svg, "band-outer"), inner = PathPoints(svg, "band-inner");
  REQUIRE(outer.size() == 6);
  REQUIRE(inner.size() == 6);
  for (int i = 0; i < 3; ++i) {
    CHECK(outer[i].second < inner[i].second);
    CHECK(inner[5 - i].second < outer[5 - i].second);
    CHECK(outer[i].first == outer[5 - i].first);
  }
  CHECK(outer[0].first < outer[1].first);    // periods left to right
  CHECK(outer[2].second < outer[0].second);  // rising values go up
}

TEST_CASE("FanChartSvg: differences without p25/p75, a budget mark, zero in range",
          "[unit][report]") {
  FanChartSpec spec;
  spec.categories = {"2025", "2026"};
  spec.fans.push_back(
      {"alt", "#D55E00", {Band{5, 2, NAN, 5, NAN, 9}, Band{7, 3, NAN, 6, NAN, 11}}});
  spec.reference = {8, NAN};
  spec.reference_name = "Begroting";
  spec.zero = true;
  spec.money = false;
  const std::string svg = FanChartSvg(spec, Labels{});
  CHECK(Count(svg, "class=\"mark band-outer\"") == 1);
  CHECK(Count(svg, "class=\"mark band-inner\"") == 0);
  CHECK(Count(svg, "class=\"mark reference\"") == 1);
  CHECK_THAT(svg, Catch::Contains("class=\"grid zero\""));
  const auto [lo, hi] = FanRange(spec.fans, spec.reference, true);
  CHECK(lo <= 0);
  CHECK(hi >= 11);
}

TEST_CASE("StackedColumnsSvg stacks each period's parts to its total", "[unit][report]") {
  StackedSpec spec;
  spec.title = "boeggolf";
  spec.categories = {"2025", "2026"};
  spec.names = {"stock", "new"};
  spec.colors = {"#0072B2", "#E69F00"};
  spec.values = {{75, 30}, {25, 60}};
  const std::string svg = StackedColumnsSvg(spec, Labels{});
  CHECK(Count(svg, "class=\"mark column\"") == 4);
  // Heights in order (2025 stock, 2025 new, 2026 stock, 2026 new) are proportional to the values.
  std::vector<double> heights;
  for (size_t p = svg.find("class=\"mark column\""); p != std::string::npos;
       p = svg.find("class=\"mark column\"", p + 1)) {
    const size_t h = svg.find("height=\"", p) + 8;
    heights.push_back(std::stod(svg.substr(h, svg.find('"', h) - h)));
  }
  REQUIRE(heights.size() == 4);
  CHECK(heights[0] / heights[1] == Approx(75.0 / 25).epsilon(0.02));
  CHECK(heights[2] / heights[3] == Approx(30.0 / 60).epsilon(0.02));
  CHECK((heights[0] + heights[1]) / (heights[2] + heights[3]) == Approx(100.0 / 90).epsilon(0.02));
}

}  // namespace
}  // namespace sdsim
