// The short form of a JSON value that error messages quote (scenario/json_file.h ShortJson):
// cut to the length asked for, and never cut inside a UTF-8 character, so that the message is
// still UTF-8 (the budget fuzz target found a message cut in the middle of one).
#include "scenario/json_file.h"

#include <catch2/catch.hpp>

#include "io/utf8.h"

namespace sdsim {
namespace {

TEST_CASE("ShortJson cuts a long value at a character boundary", "[scenario]") {
  CHECK(ShortJson(Json("abc")) == "\"abc\"");
  // 2-byte characters at every offset: whichever byte the cut falls on, the result is UTF-8.
  for (int lead = 0; lead < 4; ++lead) {
    std::string text(static_cast<size_t>(lead), 'x');
    for (int i = 0; i < 40; ++i) text += "\xdf\x8b";  // U+07CB
    const std::string s = ShortJson(Json(text), 20);
    INFO(Printable(s));
    CHECK(IsValidUtf8(s));
    CHECK(s.size() <= 20);
    CHECK(s.size() >= 18);
    CHECK(s.substr(s.size() - 3) == "...");
  }
}

}  // namespace
}  // namespace sdsim
