// libFuzzer target: the records reader of `sdsim fit` (CSV splitting, delimiter detection, UTF-8
// check, field checks, product and end-code maps) must turn any bytes into either a RecordSet or
// a list of messages, never a crash or a hang. Build with clang:
//   clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -Isim fuzz/records.cpp \
//       sim/fit/records.cpp sim/fit/csv_table.cpp sim/core/calendar.cpp sim/io/files.cpp \
//       sim/scenario/problems.cpp -o build/fuzz_records
//   mkdir -p build/fuzz-records && build/fuzz_records build/fuzz-records fuzz/corpus/records \
//       -max_total_time=60
// (new finds go to the first folder; fuzz/corpus/records holds the small valid and broken seeds).
#include "fit/records.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  sdsim::RecordMaps maps;
  if (size > 0 && data[0] == 'M') {  // exercise the product map as well
    maps.products["P1"] = {"jeugd", "ambulant"};
    maps.reasons["01"] = sdsim::EndReason::kAfgerond;
  }
  for (bool skip : {false, true}) {
    sdsim::RecordSet out;
    std::vector<sdsim::InputError> errors;
    sdsim::RecordOptions options;
    options.skip_bad_rows = skip;
    const bool ok = sdsim::ParseRecords("fuzz.csv", text, maps, options, &out, &errors);
    // Invariants: success means episodes and no errors; every episode refers to known ids.
    if (ok && (out.episodes.empty() || !errors.empty())) __builtin_trap();
    for (const sdsim::Episode& e : out.episodes)
      if (e.form < 0 || static_cast<size_t>(e.form) >= out.forms.size() ||
          static_cast<size_t>(e.client) >= out.clients.size() ||
          (e.end != sdsim::kOpenEnd && e.end < e.start))
        __builtin_trap();
    for (const sdsim::InputError& err : errors) (void)err.ToString();
  }
  return 0;
}
