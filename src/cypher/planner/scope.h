// Planner bookkeeping: which variables are visible and which row slot each one uses.
#ifndef SMITH_CYPHER_PLANNER_SCOPE_H_
#define SMITH_CYPHER_PLANNER_SCOPE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace smith::cypher {

// kValue: known not to be a graph element (projected from a literal), so it cannot be used as a
// node or relationship in a pattern.
enum class VarKind { kAny, kNode, kRelationship, kRelationshipList, kPath, kValue };

struct VarInfo {
  int slot = 0;
  VarKind kind = VarKind::kAny;
};

class Scope {
 public:
  std::optional<VarInfo> Find(const std::string& name) const {
    auto it = vars_.find(name);
    if (it == vars_.end()) return std::nullopt;
    return it->second;
  }
  void Bind(const std::string& name, VarInfo info) { vars_[name] = info; }
  void Clear() { vars_.clear(); }
  const std::map<std::string, VarInfo>& vars() const { return vars_; }

 private:
  std::map<std::string, VarInfo> vars_;  // ordered: RETURN * lists columns by name
};

// Hands out row slots; one counter for the whole query so that slots never collide.
class SlotAllocator {
 public:
  int Next() { return count_++; }
  int count() const { return count_; }

 private:
  int count_ = 0;
};

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_PLANNER_SCOPE_H_
