// The expected flow of one birth class through the model, day by day (internal to sim/expect).
//
// Pipes. Each (care form or toegang, tag, duration variant) keeps the mass that entered on each day
// and sums it against the form's day kernels (expect/kernels.h) to get the ends and client-days of
// each day. Tags tell apart clients whose re-entry or toegang routing differs (the stream they
// first came with); forms from which no such difference can be reached keep one pipe. A duration
// lever makes one variant (a scaled kernel) per value of its factor.
//
// The age limit (domains with an age limit, classes with ages): F(n) is the share of the class
// still under the limit on day n, Fu(n) still under the verlengd age (kept by limit curves). A
// client entering on day j before the limit has a birth date uniform over the class's births still
// under the limit (this holds for new requests and is kept by everything that follows, since the
// limit removes the oldest births first), so at day n it is
//   under the limit with probability F(n) / F(j), and
//   in verlengde care with probability v (min(F(j), Fu(n)) - F(n)) / F(j)
// (v = verlengd share: its verlengd clients stay until the verlengd age). A "P" pipe therefore
// keeps each day's entries twice: as they are and divided by F(j). Clients who start a form while
// already in verlengde care (after vervolghulp, or on the start date) go to a "W" pipe, whose birth
// dates are taken as uniform over the class's births between the limit and the verlengd age (an
// approximation within one birth class).
#pragma once

#include <Eigen/Dense>
#include <vector>

#include "core/model.h"
#include "expect/ages.h"
#include "expect/kernels.h"

namespace sdsim::expect {

// Tags: 0 = any (forms where the tag cannot matter), 1 = direct streams, 2 = clients in care on
// the start date (unless equivalent to a stream), 3 + i = the i-th stream via a toegang.
struct Tags {
  int count = 3;
  int none = 2;                    // tag of start-date clients (may equal a stream's tag)
  std::vector<int> of_source;      // tag of each source
  std::vector<int> source_of_tag;  // the source whose routing a toegang uses (-1: none)
  std::vector<bool> sensitive;     // per node: the tag matters for what follows
};
Tags BuildTags(const Model& m);

constexpr int kBlockDays = 32;
constexpr int kExactDays = 96;

// A kernel prepared for sums over past days: `rev` holds it reversed in time ((days+1) x columns).
// Far in the past (more than kExactDays before today) entries are summed in blocks of kBlockDays,
// each taken as linear within the block (its sum and first moment are kept exactly): `block0` and
// `block1` hold the kernel summed over a block whose first day is m days ago, plain and weighted
// by (i - (kBlockDays - 1) / 2), stored so that the blocks of one day are contiguous: column
// (m % kBlockDays) * columns + c, row blocks - m / kBlockDays. Empty: always summed exactly (a
// fixed duration).
struct KernelTable {
  Eigen::MatrixXd rev, block0, block1;
  int support = 0, blocks = 0;
};

// Everything the class runs share (read-only).
struct Shared {
  const Model* model = nullptr;
  int days = 0;
  std::vector<int> period_of_day;
  // Kernel tables for the sums: the care kernels (columns E, M, C) of each node and duration
  // variant, and the re-entry delays (column E). `care` holds the care kernels by table.
  std::vector<KernelTable> tables;
  std::vector<CareKernel> care;
  std::vector<std::vector<int>> care_table;          // [node][variant] -> table
  std::vector<std::vector<uint8_t>> variant_of_day;  // [node][day]: empty = variant 0 throughout
  std::vector<int> delay_table;                      // [node] -> table, or -1
  // Levers with a fixed effect size (Expect() refuses uncertain ones): per node, a factor on
  // tariffs and trajectory prices and on the re-entry probability (empty curve: 1), and the
  // diversions (applied when routed to the form) and routing shifts (at every entry), in order.
  struct Redirect {
    RateCurve share;                         // share of clients redirected on day t
    std::vector<std::pair<int, double>> to;  // forms and their shares
  };
  std::vector<RateCurve> tariff_factor, reentry_factor;
  std::vector<std::vector<Redirect>> diversions, shifts;
  std::vector<PointKernel> initial;           // per node with clients on the start date
  std::vector<PointKernel> fresh;             // per node with clients waiting on the start date
  std::vector<std::vector<double>> delay;     // per node with re-entry: the delay kernel
  std::vector<std::vector<double>> arrivals;  // per source: expected requests on each day
  std::vector<double> verlengd;               // per domain: the verlengd share at the age limit
  Tags tags;
  AgeModel ages;
};
Shared Prepare(const Model& m, int max_class_days = 0);

// Totals of one class (added over classes by the caller).
struct ClassTotals {
  int periods = 0, nodes = 0, domains = 0, bands = 0, days = 0;
  // [period][node]
  std::vector<double> starts, ends, reentries, diverted;
  std::vector<double> by_type;  // [period][node][type]
  // Cost of days in care and of starts (trajectory prices, one-off costs): [period][node][payer
  // slot] (before / from the payer switch), and the PGB part [period][node].
  std::vector<double> cost, cost_pgb;
  std::vector<double> client_days;   // [period][node]
  std::vector<double> no_help, av;   // [period][domain]
  std::vector<double> band_in_care;  // [period][domain][band]
  double unconverged = 0;            // mass left in same-day loops (should be 0)
  void Init(const Model& m);
  void Add(const ClassTotals& o);
};

void RunClass(const Shared& sh, int class_index, ClassTotals* out);

}  // namespace sdsim::expect
