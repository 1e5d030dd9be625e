// UTF-8 checks for text that comes from outside the JSON parser (file names, command-line values):
// nlohmann/json refuses to write invalid UTF-8 into manifest.json, so such text is refused up
// front, with a message that shows the bad bytes escaped instead of garbling the terminal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sdsim {

// True if `text` is well-formed UTF-8 (no overlong forms, surrogates or code points above
// U+10FFFF). Otherwise false, with *bad_at (if given) the offset of the first bad byte.
bool IsValidUtf8(std::string_view text, size_t* bad_at = nullptr);

// `text` for a message: valid UTF-8 as it is, every other byte and every control character as
// \xNN (e.g. "sc\xe9nario.json").
std::string Printable(std::string_view text);

// Characters (code points) in UTF-8 `text`: its width in a terminal column or a spreadsheet cell.
size_t Utf8Chars(std::string_view text);

// `text` as a column of a printed table, `width` characters wide: padded with spaces, or, when
// longer, cut to width - 3 characters (never inside a UTF-8 character) and "...".
std::string FitToWidth(std::string_view text, size_t width);

}  // namespace sdsim
