// The extends chain, merge patch and file-of-origin lookup.
#include "scenario/resolve.h"

#include <algorithm>
#include <filesystem>

#include "io/files.h"
#include "io/sha256.h"

namespace sdsim {
namespace {

constexpr int kMaxDepth = 16;
// All files of one scenario together (bases reached twice count once).
constexpr size_t kMaxFiles = 100;

std::string JoinRelative(const std::string& from_file, const std::string& rel) {
  const std::filesystem::path r(rel);
  if (r.is_absolute()) return rel;
  return (std::filesystem::path(from_file).parent_path() / r).lexically_normal().string();
}

bool Contains(const Json& doc, const std::string& pointer) {
  try {
    return doc.contains(Json::json_pointer(pointer));
  } catch (const Json::exception&) {
    return false;
  }
}

}  // namespace

std::string ResolvedScenario::OriginOf(const std::string& pointer) const {
  std::string p = pointer;
  while (true) {
    for (const ScenarioFile& f : chain)
      if (p.empty() || Contains(f.doc, p)) return f.path;
    if (p.empty()) return path();
    p = p.substr(0, p.rfind('/'));
  }
}

void ResolvedScenario::AttachFiles(Problems* problems) const {
  for (Problem& p : *problems)
    if (p.file.empty()) p.file = OriginOf(p.pointer);
}

namespace {

// Loads a file and, depth first, the bases it extends; appends the files in merge order (bases
// before the files that extend them; a base reached twice is loaded once, at its first place).
class ChainLoader {
 public:
  explicit ChainLoader(Problems* problems) : problems_(problems) {}

  bool Load(const std::string& path, const std::string& from_file,
            const std::string& from_pointer) {
    std::error_code ec;
    const std::string canonical = std::filesystem::weakly_canonical(path, ec).string();
    if (std::find(stack_.begin(), stack_.end(), canonical) != stack_.end()) {
      Fail(from_file, from_pointer, "\"" + path + "\"",
           "extends loops back to a file already in the chain; a base must not extend (directly or "
           "indirectly) the file that extends it");
      return false;
    }
    if (std::find(loaded_.begin(), loaded_.end(), canonical) != loaded_.end()) return true;
    if (stack_.size() >= static_cast<size_t>(kMaxDepth)) {
      Fail(from_file, from_pointer, "",
           "extends chain is deeper than " + std::to_string(kMaxDepth) + " files");
      return false;
    }
    if (loaded_.size() >= kMaxFiles) {
      Fail(from_file, from_pointer, "",
           "extends reaches more than " + std::to_string(kMaxFiles) + " files in all");
      return false;
    }
    ScenarioFile file;
    file.path = path;
    std::string bytes, err;
    if (!ReadFile(path, &bytes, &err, kMaxJsonFileBytes)) {
      Fail(from_file.empty() ? path : from_file, from_pointer, "",
           "cannot read scenario file: " + err);
      return false;
    }
    file.sha256 = Sha256Hex(bytes);
    if (!ParseJsonText(bytes, path, &file.doc, problems_)) return false;
    if (!file.doc.is_object()) {
      Fail(path, "", ShortJson(file.doc), "a scenario file must contain one JSON object { ... }");
      return false;
    }
    stack_.push_back(canonical);
    const auto ext = file.doc.find("extends");
    if (ext != file.doc.end()) {
      std::vector<std::pair<std::string, std::string>> bases;  // (path, pointer)
      auto bad = [&] {
        Fail(path, "/extends", ShortJson(*ext),
             "extends must be the path of a base scenario file relative to this file (e.g. "
             "\"baseline.json\"), or a list of them to combine");
      };
      if (ext->is_string() && !ext->get<std::string>().empty()) {
        bases.push_back({ext->get<std::string>(), "/extends"});
      } else if (ext->is_array() && !ext->empty()) {
        for (size_t i = 0; i < ext->size(); ++i) {
          if (!(*ext)[i].is_string() || (*ext)[i].get<std::string>().empty()) {
            bad();
            return false;
          }
          bases.push_back({(*ext)[i].get<std::string>(), "/extends/" + std::to_string(i)});
        }
      } else {
        bad();
        return false;
      }
      for (const auto& [base, pointer] : bases)
        if (!Load(JoinRelative(path, base), path, pointer)) return false;
    }
    stack_.pop_back();
    loaded_.push_back(canonical);
    files_.push_back(std::move(file));
    return true;
  }
  std::vector<ScenarioFile>& files() { return files_; }

 private:
  void Fail(const std::string& file, const std::string& pointer, const std::string& value,
            const std::string& msg) {
    Problem p;
    p.file = file;
    p.pointer = pointer;
    p.value = value;
    p.message = msg;
    problems_->push_back(p);
  }
  Problems* problems_;
  std::vector<std::string> stack_, loaded_;
  std::vector<ScenarioFile> files_;
};

}  // namespace

bool ResolveScenario(const std::string& path, ResolvedScenario* out, Problems* problems) {
  out->chain.clear();
  ChainLoader loader(problems);
  if (!loader.Load(path, "", "")) return false;
  // Merge from the lowest priority (the deepest base) up to the file itself.
  Json merged = Json::object();
  for (const ScenarioFile& f : loader.files()) {
    Json patch = f.doc;
    patch.erase("extends");
    merged.merge_patch(patch);
  }
  // chain: highest priority first (the file given, then its bases).
  out->chain.assign(loader.files().rbegin(), loader.files().rend());
  out->doc = std::move(merged);
  // The name is the given file's own "name", never inherited from a base (a variant and its
  // baseline run side by side), else the file name without ".json".
  const Json& own = out->chain.front().doc;
  const auto name = own.find("name");
  if (name != own.end() && name->is_string()) {
    out->name = name->get<std::string>();
  } else {
    out->name = std::filesystem::path(path).stem().string();
    // A base's name is not inherited; a wrong one in this file is left for the builder to report.
    if (name == own.end() && out->doc.contains("name")) out->doc["name"] = out->name;
  }
  // "baseline": true marks one file as the baseline of a run; a file that extends it is not one.
  if (!own.contains("baseline")) out->doc.erase("baseline");
  return true;
}

}  // namespace sdsim
