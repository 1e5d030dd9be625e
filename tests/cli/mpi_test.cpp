// Distributed runs with the real MPI runtime (Open MPI's mpirun, oversubscribed on this machine):
// `sdsim run` and `sdsim sweep` with 1, 2 and 3 ranks write byte-identical CSV files to a
// single-process run; a rank that is killed makes the whole run fail with a message naming the
// rank, and leaves no output that looks complete.
#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "testing.h"

namespace sdsim::testing {
namespace {

// mpirun as root needs these; under the sanitizers Open MPI's own allocations would be reported
// as leaks, which are not ours.
std::string Mpirun(int ranks) {
  return "env OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 "
         "OMPI_MCA_rmaps_base_oversubscribe=1 "
         "ASAN_OPTIONS=detect_leaks=0 mpirun -n " +
         std::to_string(ranks) + " --oversubscribe " + SDSIM_BINARY;
}

bool HaveMpirun() { return std::system("command -v mpirun > /dev/null 2>&1") == 0; }

int Shell(const std::string& cmd, std::string* out) {
  FILE* pipe = popen((cmd + " 2>&1").c_str(), "r");
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) text.append(buf, n);
  const int status = pclose(pipe);
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("mpirun -n 1, 2, 3: run outputs are byte-identical to one process", "[mpi]") {
  if (!HaveMpirun())
    FAIL("mpirun not found: run scripts/setup.sh (installs openmpi-bin, libopenmpi-dev)");
  TempDir dir;
  const std::string files = SourcePath("scenarios/dronten/baseline.json") + " " +
                            SourcePath("scenarios/dronten/lokale_teams.json");
  std::string out;
  REQUIRE(RunSdsim("run " + files + " -r 24 -s 5 -t 2 -q --out " + dir.path() + "/single", &out) ==
          0);
  CHECK_THAT(out, !Catch::Contains("distributed"));
  for (int ranks : {1, 2, 3}) {
    const std::string o = dir.path() + "/mpi" + std::to_string(ranks);
    INFO(ranks << " ranks");
    REQUIRE(Shell(Mpirun(ranks) + " run " + files + " -r 24 -s 5 -t 1 -q --out " + o, &out) == 0);
    for (const char* f : {"summary.csv", "compare.csv", "targets.csv"}) {
      INFO(f);
      CHECK(ReadText(o + "/" + f) == ReadText(dir.path() + "/single/" + f));
    }
    const auto manifest = nlohmann::json::parse(ReadText(o + "/manifest.json"));
    CHECK(manifest["mpi_ranks"] == ranks);
  }
}

TEST_CASE("mpirun -n 2, 3: a precision run stops at the same checkpoint with the same bytes",
          "[mpi][precision]") {
  if (!HaveMpirun())
    FAIL("mpirun not found: run scripts/setup.sh (installs openmpi-bin, libopenmpi-dev)");
  TempDir dir;
  // A target that takes more than one block (1000, 1500, ...): rank 0 decides at each checkpoint
  // and the other ranks follow.
  const std::string args = " run " + dir.Write("small.json", SmallScenario("small")) +
                           " --precision 0.2% --max-replications 3000 -s 3 -q --out ";
  std::string out;
  REQUIRE(RunSdsim(args + dir.path() + "/single -t 2", &out) == 0);
  const auto single = nlohmann::json::parse(ReadText(dir.path() + "/single/manifest.json"));
  CHECK(single["replications"].get<int>() > 1000);
  for (int ranks : {2, 3}) {
    INFO(ranks << " ranks");
    const std::string o = dir.path() + "/mpi" + std::to_string(ranks);
    REQUIRE(Shell(Mpirun(ranks) + args + o + " -t 1", &out) == 0);
    CHECK(ReadText(o + "/summary.csv") == ReadText(dir.path() + "/single/summary.csv"));
    const auto m = nlohmann::json::parse(ReadText(o + "/manifest.json"));
    CHECK(m["replications"] == single["replications"]);
    CHECK(m["precision"] == single["precision"]);
  }
}

TEST_CASE("mpirun -n 2: a sweep is byte-identical, a bad point stops every rank before it runs",
          "[mpi]") {
  if (!HaveMpirun())
    FAIL("mpirun not found: run scripts/setup.sh (installs openmpi-bin, libopenmpi-dev)");
  TempDir dir;
  const std::string args =
      " sweep " + SourcePath("scenarios/bench/reference.json") +
      " --vary domains.ref.forms.jeugd_verblijf.capacity=40,50,60 -r 10 -q --out ";
  std::string single, multi;
  CHECK(RunSdsim(args + dir.path() + "/single", &single) == 0);
  CHECK(Shell(Mpirun(2) + args + dir.path() + "/mpi", &multi) == 0);
  CHECK(ReadText(dir.path() + "/mpi/sweep.csv") == ReadText(dir.path() + "/single/sweep.csv"));
  CHECK(ReadText(dir.path() + "/single/sweep.csv").size() > 1000);
  // Every rank checks every point first: a bad point stops the sweep, reported once, nothing run.
  const std::string bad =
      " sweep " + SourcePath("scenarios/bench/reference.json") +
      " --vary domains.ref.forms.jeugd_verblijf.capacity=40,-1,60 -r 10 -q --out " + dir.path() +
      "/bad";
  CHECK(Shell(Mpirun(2) + bad, &multi) != 0);
  INFO(multi);
  CHECK_THAT(multi, Catch::Contains("problems in 1 of 3 points; nothing was run or written."));
  CHECK(multi.find("point 2 (") == multi.rfind("point 2 ("));
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/bad"));
}

TEST_CASE("mpirun -n 2: a killed rank fails the run and leaves nothing that looks complete",
          "[mpi][slow]") {
  if (!HaveMpirun())
    FAIL("mpirun not found: run scripts/setup.sh (installs openmpi-bin, libopenmpi-dev)");
  TempDir dir;
  const std::string out_dir = dir.path() + "/o";
  const std::string log = dir.path() + "/log";
  // Long enough to be killed in the middle.
  const std::string cmd = Mpirun(2) + " run " + SourcePath("scenarios/dronten/baseline.json") +
                          " -r 20000 -t 1 -q --out " + out_dir + " > " + log +
                          " 2>&1; echo $? >> " + log;
  std::thread runner([&] { std::system(cmd.c_str()); });
  // Find the sdsim process of rank 1 (by its MPI environment) and kill it.
  bool killed = false;
  for (int tries = 0; tries < 200 && !killed; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    DIR* proc = opendir("/proc");
    while (dirent* e = readdir(proc)) {
      const int pid = std::atoi(e->d_name);
      if (pid <= 0) continue;
      const std::string env = ReadText("/proc/" + std::string(e->d_name) + "/environ");
      const std::string cmdline = ReadText("/proc/" + std::string(e->d_name) + "/cmdline");
      if (cmdline.find(out_dir) != std::string::npos && cmdline.rfind("mpirun", 0) != 0 &&
          env.find(std::string("OMPI_COMM_WORLD_RANK=1") + '\0') != std::string::npos) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));  // let it work a while
        kill(pid, SIGKILL);
        killed = true;
        break;
      }
    }
    closedir(proc);
  }
  if (!killed) {
    // Do not let a run we could not interrupt go on for minutes.
    std::system(("pkill -9 -f -- '" + out_dir + "'").c_str());
  }
  runner.join();
  REQUIRE(killed);
  const std::string text = ReadText(log);
  INFO(text);
  CHECK_THAT(text, Catch::Contains("rank 1"));
  CHECK_THAT(text, Catch::Contains("Killed") || Catch::Contains("signal 9"));
  // A non-zero exit status is the last line.
  CHECK(text.substr(text.rfind('\n', text.size() - 2) + 1) != "0\n");
  CHECK(!std::filesystem::exists(out_dir + "/summary.csv"));
  CHECK(!std::filesystem::exists(out_dir + "/manifest.json"));
}

}  // namespace sdsim::testing
