// The extends chain, merge patch and file-of-origin lookup.
#include "scenario/resolve.h"

#include <filesystem>

#include "io/files.h"
#include "io/sha256.h"

namespace sdsim {
namespace {

constexpr int kMaxDepth = 16;

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

bool ResolveScenario(const std::string& path, ResolvedScenario* out, Problems* problems) {
  out->chain.clear();
  std::string current = path;
  std::vector<std::string> seen;
  while (true) {
    std::error_code ec;
    const auto canonical = std::filesystem::weakly_canonical(current, ec).string();
    for (const std::string& s : seen) {
      if (s == canonical) {
        Problem p;
        p.file = out->chain.back().path;
        p.pointer = "/extends";
        p.value = "\"" + current + "\"";
        p.message = "extends loops back to a file already in the chain; a base must not extend "
                    "(directly or indirectly) the file that extends it";
        problems->push_back(p);
        return false;
      }
    }
    seen.push_back(canonical);
    ScenarioFile file;
    file.path = current;
    std::string bytes, err;
    if (!ReadFile(current, &bytes, &err)) {
      Problem p;
      p.file = out->chain.empty() ? current : out->chain.back().path;
      p.pointer = out->chain.empty() ? "" : "/extends";
      p.message = "cannot read scenario file: " + err;
      problems->push_back(p);
      return false;
    }
    file.sha256 = Sha256Hex(bytes);
    if (!ParseJsonText(bytes, current, &file.doc, problems)) return false;
    if (!file.doc.is_object()) {
      Problem p;
      p.file = current;
      p.value = ShortJson(file.doc);
      p.message = "a scenario file must contain one JSON object { ... }";
      problems->push_back(p);
      return false;
    }
    out->chain.push_back(file);
    const auto ext = file.doc.find("extends");
    if (ext == file.doc.end()) break;
    if (!ext->is_string() || ext->get<std::string>().empty()) {
      Problem p;
      p.file = current;
      p.pointer = "/extends";
      p.value = ShortJson(*ext);
      p.message = "extends must be the path of a base scenario file, relative to this file "
                  "(e.g. \"baseline.json\")";
      problems->push_back(p);
      return false;
    }
    if (static_cast<int>(out->chain.size()) >= kMaxDepth) {
      Problem p;
      p.file = current;
      p.pointer = "/extends";
      p.message = "extends chain is deeper than " + std::to_string(kMaxDepth) + " files";
      problems->push_back(p);
      return false;
    }
    current = JoinRelative(current, ext->get<std::string>());
  }
  // Merge from the deepest base up to the file itself.
  Json merged = Json::object();
  for (auto it = out->chain.rbegin(); it != out->chain.rend(); ++it) {
    Json patch = it->doc;
    patch.erase("extends");
    merged.merge_patch(patch);
  }
  out->doc = std::move(merged);
  // The name is the given file's own "name", never inherited from a base (a variant and its
  // baseline run side by side), else the file name without ".json".
  const Json& own = out->chain.front().doc;
  const auto name = own.find("name");
  if (name != own.end() && name->is_string()) {
    out->name = name->get<std::string>();
  } else {
    out->name = std::filesystem::path(path).stem().string();
    if (out->doc.contains("name")) out->doc["name"] = out->name;
  }
  return true;
}

}  // namespace sdsim
