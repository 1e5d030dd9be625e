// Ctrl-C and kill -9 during the simulation itself (real binary): Ctrl-C stops even inside one long
// replication (the engine checks the flag every 4096 events), exits 130 and writes nothing; a
// kill -9 at any moment leaves no output folder. Liveness bounds here are generous on purpose:
// the point is that the replication is cut short instead of finishing, not how fast.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "testing.h"

namespace sdsim::testing {
namespace {

namespace fs = std::filesystem;

// One replication of this handles about 6e7 events (29 million requests of a day each): many
// seconds even on a fast machine.
const char kLong[] = R"({"name": "lang", "domains": {"d": {"arrivals_per_day": 20000,
  "routing": {"f": 1}, "forms": {"f": {"duration": {"type": "exponential", "mean": 1},
                                       "tariff": {"amount": 50, "per": "day"}}}}}})";

// Runs `sdsim ARGS` in the background, sends `signal` after `delay` seconds, and returns
// "rc=<exit code> ms=<milliseconds from the signal to the exit>" followed by sdsim's output.
std::string SignalAfter(const std::string& args, const std::string& signal, double delay) {
  const std::string script = std::string(SDSIM_BINARY) + " " + args +
                             " > \"$O\" 2>&1 & pid=$!; sleep " + std::to_string(delay) +
                             "; t0=$(date +%s%N); kill -" + signal +
                             " $pid; wait $pid; rc=$?; t1=$(date +%s%N); echo \"rc=$rc ms=$(( "
                             "(t1 - t0) / 1000000 ))\"; cat \"$O\"";
  TempDir tmp;
  const std::string cmd =
      "O=" + tmp.path() + "/out.txt bash -c '" + script + "' 2>/dev/null";  // no "Killed" notice
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) text.append(buf, n);
  pclose(pipe);
  return text;
}

}  // namespace

TEST_CASE("Ctrl-C inside one long replication stops the run at once and writes nothing",
          "[cli][faults][threads]") {
  TempDir dir;
  const std::string scenario = dir.Write("lang.json", kLong);
  const std::string out_dir = dir.path() + "/uit";
  const std::string text =
      SignalAfter("run " + scenario + " -r 1 -t 1 -q --out " + out_dir, "INT", 1.5);
  INFO(text);
  REQUIRE(text.rfind("rc=130 ms=", 0) == 0);
  const int ms = std::stoi(text.substr(10));
  CHECK(ms < 5000);  // a second or less; the replication itself takes far longer
  CHECK_THAT(text, Catch::EndsWith(
                       "sdsim run: interrupted after 0 of 1 replications; nothing was written.\n"));
  CHECK(Entries(dir.path()) == std::vector<std::string>{"lang.json"});
}

TEST_CASE("kill -9 during the simulation leaves no output folder, and the next run cleans up",
          "[cli][faults]") {
  TempDir dir;
  const std::string scenario = dir.Write("lang.json", kLong);
  for (const double delay : {0.05, 0.5, 1.0}) {
    INFO("killed after " << delay << " s");
    const std::string text =
        SignalAfter("run " + scenario + " -r 2 -q --per-replication --out " + dir.path() + "/uit",
                    "KILL", delay);
    CHECK(text.rfind("rc=137", 0) == 0);
    CHECK_FALSE(fs::exists(dir.path() + "/uit"));
  }
  std::string out;
  REQUIRE(RunSdsim("sweep " + dir.Write("klein.json", R"({"domains": {"d": {"arrivals_per_year": 5,
      "forms": {"f": {"duration": {"type": "fixed", "value": 9}, "tariff": {"amount": 1, "per": "day"}}}}}})") +
                       " --vary domains.d.arrivals_per_year=1,2 -r 2 -q --out " + dir.path() +
                       "/sw",
                   &out) == 0);
  CHECK(Entries(dir.path()) == std::vector<std::string>{"klein.json", "lang.json", "sw"});
}

}  // namespace sdsim::testing
