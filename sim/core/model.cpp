// Model helpers: output groups.
#include "core/model.h"

namespace sdsim {

void Model::BuildGroups() {
  groups.clear();
  for (FormModel& f : forms) f.groups = GroupMask{};
  auto add = [&](GroupModel g) {
    const int index = static_cast<int>(groups.size());
    for (int f : g.forms) forms[f].groups[index / 64] |= uint64_t{1} << (index % 64);
    groups.push_back(std::move(g));
  };
  for (const DomainModel& d : domains) {
    for (int f : d.forms) add(GroupModel{d.id, forms[f].id, {f}});
    add(GroupModel{d.id, "all", d.forms});
  }
  GroupModel total{"all", "all", {}};
  for (int f = 0; f < num_forms(); ++f) total.forms.push_back(f);
  add(std::move(total));
}

}  // namespace sdsim
