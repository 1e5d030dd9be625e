// Model helpers: population and output groups.
#include "core/model.h"

#include <algorithm>
#include <cmath>

namespace sdsim {

double Model::Population(int band, int year) const {
  const BandModel& b = bands[band];
  return b.count * std::pow(1.0 + b.growth, year - calendar.start().year);
}

double Model::PopulationAtAge(int age, int year) const {
  for (int b = 0; b < static_cast<int>(bands.size()); ++b)
    if (age >= bands[b].lo && age <= bands[b].hi) return Population(b, year) / bands[b].width();
  return 0;
}

int Model::OwnPayer() const {
  for (int p = 0; p < static_cast<int>(payers.size()); ++p)
    if (payers[p] == "gemeente") return p;
  return -1;
}

bool Model::HasIncome() const {
  return std::any_of(nodes.begin(), nodes.end(), [](const NodeModel& n) { return n.is_income; });
}

bool Model::BuildGroups() {
  groups.clear();
  node_group.assign(nodes.size(), -1);
  for (NodeModel& n : nodes) n.groups = GroupMask{};
  int bits = 0;
  bool ok = true;
  auto add = [&](GroupModel g, bool unique) {
    if (unique) {
      if (bits >= kMaxMaskGroups)
        ok = false;
      else
        g.mask_bit = bits++;
    }
    if (g.mask_bit >= 0)
      for (int n : g.nodes)
        if (nodes[n].is_care() || g.kind == GroupKind::kToegang)
          nodes[n].groups[g.mask_bit / 64] |= uint64_t{1} << (g.mask_bit % 64);
    if (g.kind == GroupKind::kForm || g.kind == GroupKind::kCostLine ||
        g.kind == GroupKind::kToegang || g.kind == GroupKind::kIncomeLine)
      node_group[g.nodes[0]] = static_cast<int>(groups.size());
    groups.push_back(std::move(g));
  };
  auto used = [&](auto pred) {
    std::vector<int> out;
    for (int n = 0; n < num_nodes(); ++n)
      if (pred(nodes[n])) out.push_back(n);
    return out;
  };
  for (int d = 0; d < static_cast<int>(domains.size()); ++d) {
    const DomainModel& dm = domains[d];
    for (int n : dm.nodes) {
      GroupModel g;
      g.kind = nodes[n].is_care()                    ? GroupKind::kForm
               : nodes[n].kind == NodeKind::kToegang ? GroupKind::kToegang  // interim staff
               : nodes[n].is_income                  ? GroupKind::kIncomeLine
                                                     : GroupKind::kCostLine;
      g.domain = dm.id;
      g.form = nodes[n].id;
      g.pillar = pillars[nodes[n].pillar];
      g.taakveld = taakvelden[nodes[n].taakveld];
      g.nodes = {n};
      g.domain_index = d;
      g.band_index = dm.band;
      add(std::move(g), nodes[n].is_care() || nodes[n].kind == NodeKind::kToegang);
    }
    if (dm.toegang >= 0) {
      GroupModel g;
      g.kind = GroupKind::kToegang;
      g.domain = dm.id;
      g.form = nodes[dm.toegang].id;
      g.pillar = pillars[nodes[dm.toegang].pillar];
      g.taakveld = taakvelden[nodes[dm.toegang].taakveld];
      g.nodes = {dm.toegang};
      g.domain_index = d;
      g.band_index = dm.band;
      add(std::move(g), true);
    }
    // Per pillar within the domain, then the domain as a whole (its toegang's staff cost
    // included, its requests in assessment not: they are not clients in care).
    std::vector<int> all = dm.nodes;
    if (dm.toegang >= 0) all.push_back(dm.toegang);
    for (int p = 0; p < static_cast<int>(pillars.size()); ++p) {
      GroupModel g;
      g.kind = GroupKind::kDomainPillar;
      g.domain = dm.id;
      g.pillar = pillars[p];
      for (int n : all)
        if (nodes[n].pillar == p && !nodes[n].is_income) g.nodes.push_back(n);
      if (g.nodes.empty()) continue;
      g.domain_index = d;
      g.band_index = dm.band;
      add(std::move(g), true);
    }
    GroupModel g;
    g.kind = GroupKind::kDomain;
    g.domain = dm.id;
    g.nodes = all;
    g.domain_index = d;
    g.band_index = dm.band;
    add(std::move(g), true);
  }
  for (int d = 0; d < static_cast<int>(domains.size()); ++d) {
    // Age bands a domain's clients can be in: those of its sources' arrival ages and of its
    // initial clients.
    std::vector<bool> touched(bands.size(), false);
    for (const SourceModel& s : sources) {
      if (s.domain != d || s.age_hi <= 0) continue;
      for (size_t b = 0; b < bands.size(); ++b)
        if (bands[b].lo < s.age_hi && bands[b].hi + 1 > s.age_lo) touched[b] = true;
    }
    for (int n : domains[d].nodes)
      for (size_t b = 0; b < nodes[n].initial_age_cum.size(); ++b)
        if (nodes[n].initial_age_cum[b] > (b ? nodes[n].initial_age_cum[b - 1] : 0.0))
          touched[b] = true;
    // Verlengde jeugdhulp keeps clients past the age limit, up to until_age.
    if (domains[d].limit_age > 0 && domains[d].until_age > domains[d].limit_age)
      for (size_t b = 0; b < bands.size(); ++b)
        if (bands[b].lo < domains[d].until_age && bands[b].hi >= domains[d].limit_age)
          touched[b] = true;
    for (size_t b = 0; b < bands.size(); ++b) {
      if (!touched[b]) continue;
      GroupModel g;
      g.kind = GroupKind::kBand;
      g.domain = domains[d].id;
      g.age_band = bands[b].id;
      g.domain_index = d;
      g.band_index = static_cast<int>(b);
      add(std::move(g), false);
    }
  }
  for (int p = 0; p < static_cast<int>(pillars.size()); ++p) {
    GroupModel g;
    g.kind = GroupKind::kPillar;
    g.pillar = pillars[p];
    g.nodes = used([&](const NodeModel& n) { return n.pillar == p && !n.is_income; });
    if (!g.nodes.empty()) add(std::move(g), true);
  }
  for (int t = 0; t < static_cast<int>(taakvelden.size()); ++t) {
    GroupModel g;
    g.kind = GroupKind::kTaakveld;
    g.taakveld = taakvelden[t];
    g.nodes = used([&](const NodeModel& n) { return n.taakveld == t; });
    if (!g.nodes.empty()) add(std::move(g), true);
  }
  for (int p = 0; p < static_cast<int>(payers.size()); ++p) {
    GroupModel g;
    g.kind = GroupKind::kPayer;
    g.payer = payers[p];
    g.payer_index = p;
    g.nodes = used([&](const NodeModel& n) { return n.payer == p || n.payer_after == p; });
    if (!g.nodes.empty()) add(std::move(g), false);
  }
  GroupModel total;
  total.kind = GroupKind::kTotal;
  total.nodes = used([](const NodeModel&) { return true; });
  add(std::move(total), true);
  return ok;
}

}  // namespace sdsim
