// Output folders (cli/out_dir.h) with the real binary: an existing folder with files is refused
// before any work (a second run used to leave the first run's compare.csv beside its files), an
// empty one is used, a read-only place or a full disk gives a clear message and leaves nothing,
// and a partial folder left by a killed run is cleaned up by the next run beside it; the same for
// fit's two files and backtest's folder. Faults are injected with strace (scripts/setup.sh
// installs it).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "testing.h"

namespace sdsim::testing {
namespace {

namespace fs = std::filesystem;

const char kScenario[] = R"({"name": "klein", "end_date": "2026-12-31",
  "domains": {"d": {"arrivals_per_year": 50, "routing": {"f": 1},
    "forms": {"f": {"duration": {"type": "exponential", "mean": 60},
                    "tariff": {"amount": 50, "per": "day"}}}}}})";

// strace in front of sdsim, injecting a fault into the syscall named in `inject`.
std::string Strace(const std::string& inject) {
  const std::string syscall = inject.substr(0, inject.find(':'));
  // LeakSanitizer cannot work under ptrace: in a sanitizer build the leak check is off for the
  // traced sdsim only (every other test keeps it).
  return "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" strace -f -o /dev/null "
         "-e trace=" +
         syscall + " -e inject=" + inject + " " + SDSIM_BINARY;
}

}  // namespace

TEST_CASE(
    "an existing --out folder with files is refused by run, sweep and expect, nothing "
    "in it changes",
    "[cli][output]") {
  TempDir dir;
  const std::string scenario = dir.Write("klein.json", kScenario);
  const std::string out_dir = dir.path() + "/begroting";
  std::string out;
  REQUIRE(RunSdsim("run " + scenario + " -r 5 -q --out " + out_dir, &out) == 0);
  const std::string summary = ReadText(out_dir + "/summary.csv");
  for (const std::string& args :
       {"run " + scenario + " -r 5",
        "sweep " + scenario + " --vary domains.d.arrivals_per_year=5 -r 5", "expect " + scenario}) {
    INFO(args);
    CHECK(RunSdsim(args + " -q --out " + out_dir, &out) == 3);
    CHECK(out.find("the output folder " + out_dir +
                   " already exists and is not empty (begroting.csv, manifest.json, report.html, "
                   "summary.csv); sdsim never "
                   "mixes the files of two runs: choose a new --out, remove the old folder "
                   "first, or leave --out out for a new folder under results/; nothing was ") !=
          std::string::npos);
    CHECK(Entries(out_dir) ==
          std::vector<std::string>{"begroting.csv", "manifest.json", "report.html", "summary.csv"});
    CHECK(ReadText(out_dir + "/summary.csv") == summary);
  }
  // An empty folder (made beforehand, e.g. in the Explorer) is used; a file is not.
  fs::create_directories(dir.path() + "/leeg");
  CHECK(RunSdsim("run " + scenario + " -r 5 -q --out " + dir.path() + "/leeg/", &out) == 0);
  CHECK(Entries(dir.path() + "/leeg") ==
        std::vector<std::string>{"begroting.csv", "manifest.json", "report.html", "summary.csv"});
  dir.Write("bestand", "x");
  CHECK(RunSdsim("run " + scenario + " -r 5 -q --out " + dir.path() + "/bestand", &out) == 3);
  CHECK_THAT(out, Catch::Contains("exists and is a file"));
}

TEST_CASE("a read-only place, a full disk or a failing rename: a clear message and nothing left",
          "[cli][output][faults]") {
  TempDir dir;
  const std::string scenario = dir.Write("klein.json", kScenario);
  const std::string run = "run " + scenario + " -r 5 -q --out " + dir.path() + "/uit/begroting";
  std::string out;
  // Read-only: checked before the simulation (no "replications" line, nothing made).
  CHECK(RunShell(Strace("mkdir:error=EROFS") + " " + run, &out) == 3);
  CHECK(out == "sdsim run: cannot create the output folder " + dir.path() +
                   "/uit/begroting: Read-only file system (choose an --out in a folder you can "
                   "write to); nothing was run or written.\n");
  CHECK(Entries(dir.path()) == std::vector<std::string>{"klein.json"});
  // The disk fills up while the files are written.
  CHECK(RunShell(Strace("fsync:error=ENOSPC:when=2") + " " + run, &out) == 3);
  CHECK(out == "sdsim run: cannot write " + dir.path() +
                   "/uit/begroting/begroting.csv: No space left on device; nothing was written "
                   "(the partial files were removed)\n");
  CHECK(Entries(dir.path() + "/uit").empty());
  // The last step, the rename of the finished folder, fails.
  CHECK(RunShell(Strace("rename:error=ENOSPC") + " " + run, &out) == 3);
  CHECK(out == "sdsim run: cannot move the results into " + dir.path() +
                   "/uit/begroting: No space left on device; nothing was written (the partial "
                   "files were removed)\n");
  CHECK(Entries(dir.path() + "/uit").empty());
  // The same for sweep and expect.
  CHECK(RunShell(Strace("fsync:error=ENOSPC") + " " + "sweep " + scenario +
                     " --vary domains.d.arrivals_per_year=5,6 -r 5 -q --out " + dir.path() +
                     "/uit/sw",
                 &out) == 3);
  CHECK_THAT(out, Catch::Contains("sdsim sweep: cannot write " + dir.path() +
                                  "/uit/sw/sweep.csv: No space left on device; nothing was "
                                  "written (the partial files were removed)"));
  CHECK(RunShell(Strace("rename:error=EIO") + " " + "expect " + scenario + " -q --out " +
                     dir.path() + "/uit/ex",
                 &out) == 3);
  CHECK_THAT(out, Catch::Contains("sdsim expect: cannot move the results into " + dir.path() +
                                  "/uit/ex: Input/output error; nothing was written"));
  CHECK(Entries(dir.path() + "/uit").empty());
}

TEST_CASE("kill -9 at any moment of run, sweep or expect leaves no output or one complete set",
          "[cli][output][faults]") {
  TempDir dir;
  const std::string scenario = dir.Write("klein.json", kScenario);
  struct Command {
    std::string name, args;
    std::vector<std::string> files;
  };
  const std::vector<Command> commands = {
      {"run",
       "run " + scenario + " -r 20 -q --per-replication",
       {"begroting.csv", "manifest.json", "replications.csv", "report.html", "summary.csv"}},
      {"sweep",
       "sweep " + scenario + " --vary domains.d.arrivals_per_year=5,6 -r 5 -q",
       {"manifest.json", "sweep.csv"}},
      {"expect", "expect " + scenario + " -q", {"manifest.json", "summary.csv"}},
  };
  // Killed while making the temporary folder, at each file written, and at the final rename.
  const std::vector<std::string> moments = {"mkdir:signal=KILL", "fsync:signal=KILL:when=1",
                                            "fsync:signal=KILL:when=2", "rename:signal=KILL"};
  int n = 0;
  for (const Command& c : commands) {
    for (const std::string& moment : moments) {
      INFO(c.name << " killed at " << moment);
      const std::string parent = dir.path() + "/k" + std::to_string(n++);
      std::string out;
      RunShell(Strace(moment) + " " + c.args + " --out " + parent + "/uit", &out);
      // Nothing visible: at most a hidden partial folder, which the next run removes.
      if (fs::exists(parent)) {
        for (const std::string& e : Entries(parent)) {
          INFO(e);
          CHECK(e.rfind(".uit.sdsim-partial-", 0) == 0);
        }
      }
      REQUIRE(RunSdsim(c.args + " --out " + parent + "/uit", &out) == 0);
      CHECK(Entries(parent) == std::vector<std::string>{"uit"});
      CHECK(Entries(parent + "/uit") == c.files);
    }
  }
}

// (No ';' in a test name: CTest would cut the name there and run nothing.)
TEST_CASE("fit and backtest: an existing output is refused, a kill or failing rename leaves none",
          "[cli][output][faults][fit]") {
  TempDir dir;
  const std::string inputs = SourcePath("scenarios/example/records.csv") + " --population " +
                             SourcePath("scenarios/example/population.csv") +
                             " --from 2019-01-01 --no-parameter-uncertainty";
  const std::string fit = "fit " + inputs + " --out " + dir.path() + "/f/baseline.json";
  std::string out;
  // fit writes baseline.json and fit_report.csv into a folder that may hold other files: each
  // is renamed into place whole, baseline.json last. Killed at the first write, at the check of
  // the fitted scenario and at each rename:
  for (const char* moment : {"fsync:signal=KILL:when=1", "rename:signal=KILL:when=1",
                             "rename:signal=KILL:when=2", "rename:signal=KILL:when=3"}) {
    INFO("fit killed at " << moment);
    fs::remove_all(dir.path() + "/f");
    RunShell(Strace(moment) + " " + fit, &out);
    std::vector<std::string> visible;
    if (fs::exists(dir.path() + "/f"))
      for (const std::string& e : Entries(dir.path() + "/f"))
        if (e[0] != '.') visible.push_back(e);
    // baseline.json is there only with its report; at most the report alone.
    CHECK((visible.empty() || visible == std::vector<std::string>{"fit_report.csv"} ||
           visible == std::vector<std::string>{"baseline.json", "fit_report.csv"}));
  }
  fs::remove_all(dir.path() + "/f");
  CHECK(RunShell(Strace("rename:error=ENOSPC:when=2") + " " + fit, &out) == 3);
  CHECK_THAT(out, Catch::EndsWith("sdsim fit: cannot move the result into " + dir.path() +
                                  "/f/fit_report.csv: No space left on device; nothing was "
                                  "written\n"));
  CHECK_FALSE(fs::exists(dir.path() + "/f"));  // the folder it made is removed again
  REQUIRE(RunSdsim(fit, &out) == 0);
  // A stale partial file of a killed fit is removed by the next one.
  CHECK(Entries(dir.path() + "/f") == std::vector<std::string>{"baseline.json", "fit_report.csv"});

  // backtest writes a folder, like run.
  const std::string backtest = "backtest " + inputs + " --origins 2024-01-01 --horizon 1 -r 5 -q";
  const std::string bt = dir.path() + "/bt";
  CHECK(RunShell(Strace("rename:signal=KILL") + " " + backtest + " --out " + bt, &out) != 0);
  CHECK_FALSE(fs::exists(bt));  // at most a hidden partial folder, removed by the next run
  REQUIRE(RunSdsim(backtest + " --out " + bt, &out) == 0);
  CHECK(Entries(bt) == std::vector<std::string>{"backtest.csv", "origin_2024-01-01"});
  CHECK(Entries(dir.path()) == std::vector<std::string>{"bt", "f"});
  CHECK(RunSdsim(backtest + " --out " + bt, &out) == 3);
  CHECK_THAT(out, Catch::StartsWith("sdsim backtest: the output folder " + bt +
                                    " already exists and is not empty (backtest.csv, "
                                    "origin_2024-01-01); sdsim never mixes"));
}

}  // namespace sdsim::testing
