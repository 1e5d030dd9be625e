// Unit tests for io/files: atomic whole-file writes and whole-file reads.
#include "io/files.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "testing.h"

namespace sdsim {
namespace {

int CountTempFiles(const std::string& folder) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(folder))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
  return n;
}

TEST_CASE("WriteFileAtomic writes the content and leaves no temporary file", "[unit][files]") {
  testing::TempDir dir;
  const std::string path = dir.path() + "/out.csv";
  std::string content = "a;b\n1,5;2\n";
  content += std::string("\0\xff\x80 binary", 11);
  std::string err;
  REQUIRE(WriteFileAtomic(path, content, &err));
  CHECK(err.empty());
  CHECK(testing::ReadText(path) == content);
  CHECK(CountTempFiles(dir.path()) == 0);

  // Overwriting replaces the whole file (also with something shorter).
  REQUIRE(WriteFileAtomic(path, "short", &err));
  CHECK(testing::ReadText(path) == "short");
  REQUIRE(WriteFileAtomic(path, "", &err));
  CHECK(testing::ReadText(path).empty());
  CHECK(std::filesystem::exists(path));
  CHECK(CountTempFiles(dir.path()) == 0);
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
  CHECK(files == 1);
}

TEST_CASE("WriteFileAtomic fails with a message naming the path", "[unit][files]") {
  testing::TempDir dir;
  const std::string path = dir.path() + "/no-such-folder/out.csv";
  std::string err;
  CHECK_FALSE(WriteFileAtomic(path, "x", &err));
  INFO(err);
  CHECK(err.find(path) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path() + "/no-such-folder"));
  CHECK(CountTempFiles(dir.path()) == 0);
}

TEST_CASE("ReadFile reads whole files and reports missing ones", "[unit][files]") {
  testing::TempDir dir;
  const std::string content = std::string("line 1\r\nline 2\0end", 18);
  const std::string path = dir.Write("in.txt", content);
  std::string got, err;
  REQUIRE(ReadFile(path, &got, &err));
  CHECK(got == content);

  const std::string missing = dir.path() + "/missing.json";
  got = "unchanged";
  CHECK_FALSE(ReadFile(missing, &got, &err));
  CHECK(err.find(missing) != std::string::npos);
  CHECK(got == "unchanged");
}

}  // namespace
}  // namespace sdsim
