// Validation against queueing theory: a capped form with Poisson arrivals and exponential
// durations is an M/M/c queue. In steady state the probability of waiting is Erlang C, the mean
// wait W_q = C / (c mu - lambda), the mean number waiting L_q = lambda W_q (Little's law) and the
// mean number in care a = lambda / mu. Measured over years 6-20 of a 20-year run (the queue relaxes
// in a few months). Each replication is one long run: its waiting share and mean wait are pooled
// over all its starts in those years (a customer average, as the formulas are; averaging yearly
// ratios instead would be biased by the correlation of busy years with long waits). Tolerance:
// 4 standard errors of the mean over independent replications.
#include <catch2/catch.hpp>
#include <cmath>

#include "run_model.h"

namespace sdsim::testing {
namespace {

double ErlangC(int c, double a) {
  double term = 1, sum = 0;  // a^k / k!
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double top = term * c / (c - a);
  return top / (sum + top);
}

const char kScenario[] = R"({
  "start_date": "2025-01-01",
  "end_date": "2044-12-31",
  "domains": {"q": {
    "arrivals_per_day": 0.4,
    "forms": {"f": {
      "capacity": 5,
      "duration": {"type": "exponential", "mean": 10},
      "tariff": {"amount": 100, "per": "day"}}}}}
})";

}  // namespace

TEST_CASE("M/M/c: waiting probability, mean wait and queue length match Erlang C",
          "[validation][slow]") {
  const int reps = 1000, c = 5;
  const double lambda = 0.4, mu = 0.1, a = lambda / mu;
  const double pw = ErlangC(c, a), wq = pw / (c * mu - lambda), lq = lambda * wq;
  auto run = RunModelText(kScenario, reps, 99, 0);
  const auto& L = run->layout;
  const int g = run->Group("q", "f");
  std::vector<double> share, wait, queue, busy;
  for (size_t r = 0; r < static_cast<size_t>(reps); ++r) {
    double starts = 0, waited = 0, wait_sum = 0, q = 0, b = 0;
    int years = 0;
    for (int p = 5; p < run->model.calendar.num_periods(); ++p, ++years) {
      const double n = run->agg->Column(L.Index(p, g, kInflow))[r];
      starts += n;
      waited += n * run->agg->Column(L.Index(p, g, kWaitedShare))[r];
      wait_sum += n * run->agg->Column(L.Index(p, g, kMeanWaitDays))[r];
      q += run->agg->Column(L.Index(p, g, kWaitingEnd))[r];
      b += run->agg->Column(L.Index(p, g, kClientsEnd))[r];
    }
    share.push_back(waited / starts);
    wait.push_back(wait_sum / starts);
    queue.push_back(q / years);
    busy.push_back(b / years);
  }
  const Stats s_share = Summarise(share), s_wait = Summarise(wait), s_queue = Summarise(queue),
              s_busy = Summarise(busy);
  const double root = std::sqrt(static_cast<double>(reps));
  INFO("Erlang C = " << pw << ", W_q = " << wq << " days, L_q = " << lq);
  INFO("measured: share " << s_share.mean << ", W_q " << s_wait.mean << ", L_q " << s_queue.mean
                          << ", in care " << s_busy.mean);
  CHECK(WithinSe(s_share.mean, pw, s_share.sd / root));
  CHECK(WithinSe(s_wait.mean, wq, s_wait.sd / root));
  CHECK(WithinSe(s_queue.mean, lq, s_queue.sd / root));
  CHECK(WithinSe(s_busy.mean, a, s_busy.sd / root));
  // The tolerance is meaningful: a 5% error in W_q or the waiting probability would be caught.
  CHECK(4 * s_wait.sd / root < 0.05 * wq);
  CHECK(4 * s_share.sd / root < 0.05 * pw);
}

}  // namespace sdsim::testing
