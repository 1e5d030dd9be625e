// Unit tests for io/sha256: FIPS 180-4 test vectors and padding edge lengths against sha256sum.
#include "io/sha256.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "testing.h"

namespace sdsim {
namespace {

// SHA-256 of a file according to the system's `sha256sum`.
std::string SystemSha256(const std::string& path) {
  const std::string cmd = "sha256sum '" + path + "'";
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  std::array<char, 256> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  REQUIRE(pclose(pipe) == 0);
  return out.substr(0, 64);
}

TEST_CASE("Sha256Hex matches the FIPS 180-4 test vectors", "[unit][sha256]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("Sha256Hex agrees with sha256sum around the padding boundaries", "[unit][sha256]") {
  testing::TempDir dir;
  for (size_t len : {1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000}) {
    // Bytes 0..255 cycling, including NUL and high bytes.
    std::string data(len, '\0');
    for (size_t i = 0; i < len; ++i) data[i] = static_cast<char>((i * 37 + len) & 0xff);
    const std::string path = dir.Write("data-" + std::to_string(len) + ".bin", data);
    INFO("length " << len);
    const std::string ours = Sha256Hex(data);
    CHECK(ours.size() == 64);
    CHECK(ours == SystemSha256(path));
  }
}

}  // namespace
}  // namespace sdsim
