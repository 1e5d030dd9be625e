// Recognising begroting files and the scenario they name.
#include "scenario/budget_file.h"

#include <filesystem>

#include "io/files.h"
#include "scenario/json_file.h"

namespace sdsim {
namespace {

bool ReadDoc(const std::string& path, Json* doc, Problems* problems) {
  std::string bytes, err;
  if (!ReadFile(path, &bytes, &err)) {
    if (problems) {
      Problem p;
      p.file = path;
      p.message = "cannot read budget file: " + err;
      problems->push_back(p);
    }
    return false;
  }
  Problems local;
  return ParseJsonText(bytes, path, doc, problems ? problems : &local);
}

}  // namespace

bool IsBudgetFile(const std::string& path) {
  Json doc;
  if (!ReadDoc(path, &doc, nullptr) || !doc.is_object()) return false;
  return doc.contains("budget") && !doc.contains("domains") && !doc.contains("extends");
}

std::string BudgetScenario(const std::string& path, Problems* problems) {
  Json doc;
  if (!ReadDoc(path, &doc, problems) || !doc.is_object()) return "";
  const auto it = doc.find("scenario");
  if (it == doc.end()) return "";
  if (!it->is_string() || it->get<std::string>().empty()) {
    Problem p;
    p.file = path;
    p.pointer = "/scenario";
    p.value = ShortJson(*it);
    p.message =
        "must be the file name of the scenario this begroting is for, relative to this file "
        "(e.g. \"baseline.json\")";
    problems->push_back(p);
    return "";
  }
  return (std::filesystem::path(path).parent_path() / it->get<std::string>()).lexically_normal();
}

}  // namespace sdsim
