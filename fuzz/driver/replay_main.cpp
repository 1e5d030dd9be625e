// Replay driver: runs a fuzz target's LLVMFuzzerTestOneInput on files, without libFuzzer, so
// the normal build (and the ASan/UBSan build) replays the seed corpus and every crash ever found
// as part of the test suite. Usage: fuzz_replay_<target> FILE_OR_FOLDER...
// Folders are read in name order; README files and names starting with '.' are skipped. A crash
// shows up as a failing test; the file name is printed before each input.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const fs::path p(argv[i]);
    if (fs::is_directory(p)) {
      std::vector<fs::path> in_dir;
      for (const auto& e : fs::directory_iterator(p))
        if (e.is_regular_file()) in_dir.push_back(e.path());
      std::sort(in_dir.begin(), in_dir.end());
      inputs.insert(inputs.end(), in_dir.begin(), in_dir.end());
    } else if (fs::is_regular_file(p)) {
      inputs.push_back(p);
    }
  }
  size_t n = 0;
  for (const fs::path& p : inputs) {
    const std::string name = p.filename().string();
    if (name.empty() || name[0] == '.' || name.rfind("README", 0) == 0) continue;
    std::ifstream in(p, std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "replay %s (%zu bytes)\n", p.string().c_str(), data.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    ++n;
  }
  std::printf("replayed %zu inputs without a crash\n", n);
  return 0;
}
