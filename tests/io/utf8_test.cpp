// io/utf8: well-formed UTF-8 per RFC 3629, escaped text for messages, columns of printed tables.
#include "io/utf8.h"

#include <catch2/catch.hpp>

namespace sdsim {

TEST_CASE("IsValidUtf8 accepts well-formed text and names the first bad byte", "[unit][utf8]") {
  CHECK(IsValidUtf8(""));
  CHECK(IsValidUtf8("begroting 2026.json"));
  CHECK(IsValidUtf8("r\xC3\xA9sultat \xE2\x82\xAC \xF0\x9F\x98\x80"));  // é, €, an emoji
  struct Row {
    std::string text;
    size_t bad_at;
  };
  for (const Row& row : {Row{"sc\xE9nario", 2},       // Latin-1 é
                         Row{"ab\xC3", 2},            // cut short
                         Row{"\xC0\xAF", 0},          // overlong '/'
                         Row{"x\xE0\x80\xAF", 1},     // overlong, 3 bytes
                         Row{"\xED\xA0\x80", 0},      // a UTF-16 surrogate
                         Row{"\xF4\x90\x80\x80", 0},  // above U+10FFFF
                         Row{"ok\x80", 2},            // a lone continuation byte
                         Row{"\xFF\xFE{}", 0}}) {     // a UTF-16 byte-order mark
    INFO(Printable(row.text));
    size_t at = 99;
    CHECK_FALSE(IsValidUtf8(row.text, &at));
    CHECK(at == row.bad_at);
  }
}

TEST_CASE("Printable escapes invalid bytes and control characters only", "[unit][utf8]") {
  CHECK(Printable("r\xC3\xA9sultat") == "r\xC3\xA9sultat");
  CHECK(Printable("sc\xE9nario.json") == "sc\\xe9nario.json");
  CHECK(Printable(std::string("a\0b\n\x7F", 5)) == "a\\x00b\\x0a\\x7f");
}

TEST_CASE("FitToWidth pads or cuts by characters, never inside one", "[unit][utf8]") {
  CHECK(Utf8Chars("") == 0);
  CHECK(Utf8Chars("\xC3\xA9\xC3\xA9n \xE2\x82\xAC") == 5);  // "één €"
  CHECK(FitToWidth("wmo", 6) == "wmo   ");
  CHECK(FitToWidth("\xC3\xA9\xC3\xA9n", 4) == "\xC3\xA9\xC3\xA9n ");  // 3 characters, 5 bytes
  CHECK(FitToWidth("jeugd", 5) == "jeugd");
  CHECK(FitToWidth("sociaal domein", 10) == "sociaal...");
  // The cut falls after the second "é": kept whole.
  CHECK(FitToWidth("d\xC3\xA9\xC3\xA9 totaal", 6) == "d\xC3\xA9\xC3\xA9...");
  CHECK(FitToWidth("abcd", 2) == "...");
}

}  // namespace sdsim
