// Helpers for fuzz targets that read files: a private temporary folder, and inputs that hold
// several files (so that a target can fuzz `extends` between files, or a data file beside its
// scenario).
//
// An input is split at lines "//@file NAME": the text before the first such line is the main
// file, each part after one is written as NAME (letters, digits, '_', '-', '.', at most 40
// characters; other names are skipped). "//" starts a comment in a scenario file, so an input
// without markers is an ordinary JSON file, and every shipped scenario is a valid seed.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace sdsim::fuzz {

// This process's scratch folder (made once, emptied by Reset); removed at exit.
inline const std::string& ScratchDir() {
  static const std::string dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sdsim-fuzz-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) std::abort();
    static struct Cleanup {
      std::string path;
      ~Cleanup() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
      }
    } cleanup{tmpl};
    return tmpl;
  }();
  return dir;
}

// Splits `data` into (name, text) parts; the first part is named `main_name`.
inline std::vector<std::pair<std::string, std::string>> SplitFiles(const uint8_t* data, size_t size,
                                                                   const std::string& main_name) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string marker = "\n//@file ";
  std::vector<std::pair<std::string, std::string>> files;
  std::string name = main_name;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(marker, start);
    files.push_back(
        {name, text.substr(start, at == std::string::npos ? std::string::npos : at - start)});
    if (at == std::string::npos) break;
    const size_t name_start = at + marker.size();
    size_t name_end = text.find('\n', name_start);
    if (name_end == std::string::npos) name_end = text.size();
    name = text.substr(name_start, name_end - name_start);
    start = std::min(name_end + 1, text.size());
  }
  std::vector<std::pair<std::string, std::string>> ok;
  for (auto& f : files) {
    const bool safe = !f.first.empty() && f.first.size() <= 40 && f.first[0] != '.' &&
                      f.first.find_first_not_of(
                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                          "0123456789_-.") == std::string::npos;
    if (safe || &f == &files.front()) ok.push_back(std::move(f));
  }
  return ok;
}

// Empties the scratch folder and writes `files` into it; returns the path of the first.
inline std::string WriteFiles(const std::vector<std::pair<std::string, std::string>>& files) {
  const std::string& dir = ScratchDir();
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    std::filesystem::remove_all(e.path(), ec);
  for (const auto& [name, text] : files) std::ofstream(dir + "/" + name, std::ios::binary) << text;
  return dir + "/" + files.front().first;
}

}  // namespace sdsim::fuzz
