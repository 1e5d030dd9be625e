// sdsim run --records: one replication's episodes as records.csv (see episode_records.h).
#include "io/episode_records.h"

#include <cmath>

#include "engine/simulation.h"
#include "io/csv.h"

namespace sdsim {
namespace {

const char* ReasonOf(ExitType t) {
  switch (t) {
    case ExitType::kAfgerond:
      return "afgerond";
    case ExitType::kOvergedragen:
      return "overgedragen";
    case ExitType::kVervolghulp:
      return "vervolghulp";
    case ExitType::kVoortijdig:
      return "voortijdig";
    case ExitType::kWlz:
      return "wlz";
    case ExitType::kAgeOut:
      return "leeftijd";
    case ExitType::kCount:
      break;
  }
  return "";
}

struct CsvSink : EpisodeSink {
  const Model* model;
  CsvWriter w{CsvDialect::kIntl};
  void Episode(const EpisodeEvent& e) override {
    const Calendar& cal = model->calendar;
    const NodeModel& node = model->nodes[e.node];
    w.Text("S" + std::to_string(e.client));
    w.Text(std::isnan(e.birth) ? "" : FormatDate(cal.DateOf(e.birth)));
    w.Text(node.domain_id).Text(node.id);
    // Care covers the days floor(start) .. ceil(end) - 1 (end_date is the last day in care).
    const double first = std::floor(e.start);
    w.Text(FormatDate(cal.DateOf(first)));
    if (std::isinf(e.end)) {
      w.Text("").Text("");
    } else {
      w.Text(FormatDate(cal.DateOf(std::max(first, std::ceil(e.end) - 1))));
      w.Text(ReasonOf(e.exit));
    }
    w.EndRow();
  }
};

}  // namespace

std::string SimulatedRecords(const Model& model, uint64_t seed, uint64_t rep) {
  CsvSink sink;
  sink.model = &model;
  for (const char* c :
       {"client_id", "birth_date", "domain", "form", "start_date", "end_date", "end_reason"})
    sink.w.Text(c);
  sink.w.EndRow();
  Simulation sim(model);
  sim.set_episode_sink(&sink);
  RepResult result;
  sim.Run(seed, rep, &result);
  return sink.w.str();
}

}  // namespace sdsim
