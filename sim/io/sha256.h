// SHA-256 (FIPS 180-4) of a byte string, as lower-case hex: the manifest's fingerprint of every
// input file, comparable with `sha256sum`.
#pragma once

#include <string>
#include <string_view>

namespace sdsim {

std::string Sha256Hex(std::string_view data);

}  // namespace sdsim
