// Problem formatting and spelling suggestions.
#include "scenario/problems.h"

#include <algorithm>
#include <cctype>

namespace sdsim {

std::string Problem::ToString() const {
  std::string out = file.empty() ? "<scenario>" : file;
  if (line > 0) {
    out += ":" + std::to_string(line) + ":" + std::to_string(column);
  } else {
    out += ": ";
    out += pointer.empty() ? "(top level)" : pointer;
  }
  out += warning ? ": warning: " : ": ";
  out += message;
  if (!value.empty()) out += " (value: " + value + ")";
  if (!suggestion.empty()) out += "; probably " + suggestion;
  return out;
}

int EditDistance(const std::string& a, const std::string& b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const int sub = prev[j - 1] + (std::tolower(static_cast<unsigned char>(a[i - 1])) !=
                                     std::tolower(static_cast<unsigned char>(b[j - 1])));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string NearestWord(const std::string& word, const std::vector<std::string>& candidates) {
  // Dutch words a finance user may type for an English key or value.
  static const std::pair<const char*, const char*> kDutch[] = {{"dag", "day"},
                                                               {"dagen", "days"},
                                                               {"week", "week"},
                                                               {"weken", "weeks"},
                                                               {"maand", "month"},
                                                               {"maanden", "months"},
                                                               {"jaar", "year"},
                                                               {"jaren", "years"},
                                                               {"tarief", "tariff"},
                                                               {"capaciteit", "capacity"},
                                                               {"duur", "duration"},
                                                               {"startdatum", "start_date"},
                                                               {"einddatum", "end_date"},
                                                               {"naam", "name"},
                                                               {"aandeel", "share"},
                                                               {"kans", "probability"},
                                                               {"plaatsen", "places"},
                                                               {"bedrag", "amount"},
                                                               {"vorm", "type"},
                                                               {"gemiddelde", "mean"},
                                                               {"instroom", "arrivals_per_year"},
                                                               {"bevolking", "population"},
                                                               {"doelen", "targets"},
                                                               {"vertraging", "delay"}};
  for (const auto& [nl, en] : kDutch)
    if (word == nl)
      for (const std::string& c : candidates)
        if (c == en) return c;
  std::string best;
  int best_d = 1 << 30;
  for (const std::string& c : candidates) {
    const int d = EditDistance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  // A likely typo: at most a third of the longer word differs (and at least 2 edits allowed).
  const int limit = std::max<int>(2, static_cast<int>(std::max(word.size(), best.size())) / 3);
  return best_d <= limit ? best : "";
}

}  // namespace sdsim
