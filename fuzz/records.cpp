// Fuzz target "records": the records reader of `sdsim fit` (CSV splitting, delimiter detection,
// UTF-8 check, field checks, product and end-code maps) must turn any bytes into either a
// RecordSet or a list of messages, never a crash or a hang. An input starting with 'M' also
// exercises the product map. Built and run by scripts/fuzz.sh; seeds in fuzz/corpus/records/.
#include "fit/records.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "io/utf8.h"

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
    // Every message is UTF-8 (it is printed and may quote the bad value).
    for (const sdsim::InputError& err : errors)
      if (!sdsim::IsValidUtf8(err.ToString())) __builtin_trap();
  }
  return 0;
}
