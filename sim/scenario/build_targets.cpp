// Scenario document -> Model: targets (the figures a scenario declares with their accepted
// ranges) and budget lines (a "budget" block or a begroting file given with --budget).
#include <algorithm>
#include <cmath>

#include "core/random.h"
#include "engine/metrics.h"
#include "io/files.h"
#include "scenario/build_model.h"
#include "scenario/builder.h"

namespace sdsim {

void Builder::ReadTargets(const Json& j, const std::string& ptr) {
  // An object keyed by the target's name, so that scenarios extending each other add targets
  // instead of replacing the list.
  if (!j.is_object()) {
    Problem(ptr,
            "must be an object {\"target name\": {\"metric\": .., \"year\": .., \"range\": [lo, "
            "hi]}, ...}",
            &j);
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string tp = ptr + "/" + PointerToken(it.key());
    Reader r(*it, tp, pr_);
    if (!r.ok()) continue;
    r.Known({"source", "metric", "year", "period", "domain", "form", "pillar", "taakveld", "payer",
             "age_band", "range", "min", "max"});
    TargetModel t;
    t.name = it.key();
    t.source = r.String("source").value_or("");
    std::vector<std::string> metrics;
    for (int m = 0; m < kNumMetrics; ++m) metrics.push_back(MetricName(m));
    const auto metric = r.Choice("metric", metrics);
    if (!metric) {
      if (!r.Find("metric")) r.Missing("metric", "the metric to check, e.g. \"clients_start\"");
      r.Known({"year", "period", "domain", "form", "pillar", "taakveld", "payer", "age_band",
               "range", "min", "max"});
      continue;
    }
    t.metric = MetricByName(metric->c_str());
    // Period: a year (its first period when reporting per half or month) or a period label.
    std::string label;
    if (const Json* y = r.Find("year"))
      label = y->is_number() ? std::to_string(y->get<int>()) : ShortJson(*y);
    if (const auto p = r.String("period")) label = *p;
    int period = -1;
    for (int p = 0; p < m_->calendar.num_periods(); ++p)
      if (m_->calendar.periods()[p].label == label ||
          (r.Find("year") && !r.Find("period") &&
           std::to_string(m_->calendar.periods()[p].year) == label && period < 0))
        period = period < 0 ? p : period;
    if (period < 0) {
      r.Fail(r.Find("period") ? "period" : "year",
             "no such period in this scenario's horizon (a year like 2026, or a label like "
             "\"2026-H1\")");
      continue;
    }
    t.period = period;
    // Selection: the output rows it refers to; several forms are summed.
    std::string sel[6] = {"all", "all", "all", "all", "all", "all"};
    const char* keys[6] = {"domain", "form", "pillar", "taakveld", "payer", "age_band"};
    std::vector<std::string> forms;
    bool ok = true;
    for (int k = 0; k < 6; ++k) {
      const Json* v = r.Find(keys[k]);
      if (!v) continue;
      if (k == 1 && v->is_array()) {
        for (const Json& f : *v)
          if (f.is_string())
            forms.push_back(f.get<std::string>());
          else
            ok = false;
        if (!ok || forms.empty()) r.Fail("form", *v, "must be a form id or a list of form ids");
      } else if (v->is_string()) {
        sel[k] = v->get<std::string>();
      } else {
        r.Fail(keys[k], *v, "must be text");
        ok = false;
      }
    }
    if (!ok) continue;
    if (forms.empty()) forms.push_back(sel[1]);
    if (forms.size() > 1 && !MetricIsAdditive(t.metric)) {
      r.Fail(
          "form",
          std::string("several forms can only be summed for counts and costs, not for ") + *metric);
      continue;
    }
    for (const std::string& f : forms) {
      int found = -1;
      for (int g = 0; g < m_->num_groups(); ++g) {
        const GroupModel& grp = m_->groups[g];
        if (grp.domain == sel[0] && grp.form == f && grp.payer == sel[4] &&
            grp.age_band == sel[5] && (grp.pillar == sel[2] || (f != "all" && sel[2] == "all")) &&
            (grp.taakveld == sel[3] || (f != "all" && sel[3] == "all")))
          found = g;
      }
      if (found < 0) {
        r.Fail("", "no output rows match this selection (domain \"" + sel[0] + "\", form \"" + f +
                       "\", pillar \"" + sel[2] + "\", taakveld \"" + sel[3] + "\", payer \"" +
                       sel[4] + "\", age_band \"" + sel[5] +
                       "\"); see summary.csv for the rows that exist");
        ok = false;
        break;
      }
      if (!MetricApplies(m_->groups[found].kind, t.metric)) {
        r.Fail("metric", Json(*metric), "is not reported for this selection");
        ok = false;
        break;
      }
      t.groups.push_back(found);
    }
    if (!ok) continue;
    t.selection = sel[0];
    for (size_t f = 0; f < forms.size(); ++f) t.selection += (f ? "+" : " / ") + forms[f];
    for (int k = 2; k < 6; ++k)
      if (sel[k] != "all") t.selection += std::string(" / ") + keys[k] + " " + sel[k];
    // Accepted values: a range, or a threshold.
    if (const Json* range = r.Find("range")) {
      if (!range->is_array() || range->size() != 2 || !(*range)[0].is_number() ||
          !(*range)[1].is_number() || (*range)[0].get<double>() > (*range)[1].get<double>()) {
        r.Fail("range", *range, "must be [lowest, highest] accepted value");
        continue;
      }
      t.lower = (*range)[0].get<double>();
      t.upper = (*range)[1].get<double>();
      r.Known({"min", "max"});
      if (r.Find("min") || r.Find("max"))
        r.Fail("range", "give range, or min and/or max, not both");
    } else {
      if (const auto lo = r.Number("min", Check::kAny)) t.lower = *lo;
      if (const auto hi = r.Number("max", Check::kAny)) t.upper = *hi;
      if (!r.Find("min") && !r.Find("max")) {
        r.Missing("range", "the accepted values: \"range\": [lo, hi], or \"min\" and/or \"max\"");
        continue;
      }
    }
    m_->targets.push_back(std::move(t));
  }
}

void Builder::ReadBudget(const Json& j, const std::string& ptr) {
  if (!j.is_object()) {
    Problem(ptr,
            "must be an object {\"line name\": {\"domain\": \"jeugd\", \"amounts\": {\"2026\": "
            "18000000}}, ...}",
            &j);
    return;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string lp = ptr + "/" + PointerToken(it.key());
    Reader r(*it, lp, pr_);
    if (!r.ok()) continue;
    r.Known({"source", "domain", "pillar", "taakveld", "payer", "amounts"});
    r.String("source");
    // The row: a domain (optionally with a pillar), a pillar, a taakveld, a payer, or the total.
    std::string sel[4] = {"all", "all", "all", "all"};
    const char* keys[4] = {"domain", "pillar", "taakveld", "payer"};
    bool ok = true;
    for (int k = 0; k < 4; ++k)
      if (const auto v = r.String(keys[k]))
        sel[k] = *v;
      else if (r.Find(keys[k]))
        ok = false;
    if (!ok) continue;
    int group = -1;
    for (int g = 0; g < m_->num_groups(); ++g) {
      const GroupModel& grp = m_->groups[g];
      if (grp.form == "all" && grp.age_band == "all" && grp.domain == sel[0] &&
          grp.pillar == sel[1] && grp.taakveld == sel[2] && grp.payer == sel[3])
        group = g;
    }
    if (group < 0) {
      r.Fail("", "no output row matches (domain \"" + sel[0] + "\", pillar \"" + sel[1] +
                     "\", taakveld \"" + sel[2] + "\", payer \"" + sel[3] +
                     "\"); a budget line is for the total (leave all out), a domain, pillar, "
                     "taakveld or payer, a domain with a pillar, taakveld or payer, or a "
                     "taakveld with a payer");
      continue;
    }
    std::string selection;
    for (int k = 0; k < 4; ++k)
      if (sel[k] != "all")
        selection += (selection.empty() ? "" : " / ") + std::string(keys[k]) + " " + sel[k];
    if (selection.empty()) selection = "total";
    const Json* amounts = r.Object("amounts");
    if (!amounts) {
      if (!r.Find("amounts"))
        r.Missing("amounts", "the budget per year, e.g. {\"2026\": 18000000}");
      continue;
    }
    for (auto a = amounts->begin(); a != amounts->end(); ++a) {
      const std::string ap = r.PointerOf("amounts") + "/" + PointerToken(a.key());
      std::string rule;
      if (!a->is_number() || !CheckNumber(a->get<double>(), Check::kNonNegative, &rule)) {
        Problem(ap, AmountRule(*a, rule), &*a);
        continue;
      }
      int period = -1;
      for (int p = 0; p < m_->calendar.num_periods(); ++p)
        if (m_->calendar.periods()[p].label == a.key()) period = p;
      if (period < 0) {
        Problem(ap,
                "no such period in this scenario's horizon (a year like \"2026\", or a period "
                "label when "
                "reporting per half-year or month)");
        continue;
      }
      m_->budget.push_back(BudgetLine{it.key(), selection, group, period, a->get<double>()});
    }
  }
}

bool ApplyBudgetFile(const std::string& path, Model* model, Problems* problems) {
  std::string bytes, err;
  Problems local;
  Json doc;
  if (!ReadFile(path, &bytes, &err, kMaxJsonFileBytes)) {
    Problem p;
    p.file = path;
    p.message = "cannot read budget file: " + err;
    problems->push_back(p);
    return false;
  }
  if (!ParseJsonText(bytes, path, &doc, problems)) return false;
  {
    Reader top(doc, "", &local);
    if (top.ok()) {
      top.String("description");
      top.String("scenario");  // the scenario it is written for (scenario/budget_file.h)
      const Json* b = top.Find("budget");
      if (!b) {
        top.Missing("budget",
                    "the begroting lines, e.g. {\"jeugd\": {\"domain\": \"jeugd\", \"amounts\": "
                    "{\"2026\": 18000000}}}");
      } else {
        model->budget.clear();
        ResolvedScenario none;
        BuildOptions options;
        Builder builder(none, options, model, &local);
        builder.ReadBudget(*b, "/budget");
      }
    }
  }
  for (Problem& p : local) p.file = path;
  problems->insert(problems->end(), local.begin(), local.end());
  return local.empty();
}

}  // namespace sdsim
