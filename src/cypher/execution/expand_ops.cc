// Relationship expansion: single hops (Expand), variable-length paths (VarExpand) and shortest
// paths (ShortestPath).
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "cypher/execution/cypher_error.h"
#include "cypher/execution/exec_context.h"
#include "cypher/execution/operators.h"

namespace smith::exec {

namespace {

std::vector<OperatorPtr> One(OperatorPtr op) {
  std::vector<OperatorPtr> v;
  v.push_back(std::move(op));
  return v;
}

struct Hop {
  graph::RelId rel;
  graph::TokenId type;
  graph::NodeId start;
  graph::NodeId end;
  graph::NodeId other;
};

// The relationships at `node` in `direction` with one of `types` (all when `types` is null),
// optionally only those reaching `other`. Each relationship appears once, a self-loop included.
void CollectHops(ExecContext& ctx, graph::NodeId node, ExpandDirection direction,
                 const std::vector<graph::TokenId>* types, std::optional<graph::NodeId> other,
                 std::vector<Hop>* out) {
  out->clear();
  auto scan = [&](graph::Direction dir, std::optional<graph::TokenId> type) {
    auto cursor = ctx.reader().Expand(node, dir, type, type ? other : std::nullopt);
    graph::keys::AdjEntry e;
    while (cursor->Next(&e)) {
      if (other && e.other != *other) continue;
      if (!type && types != nullptr &&
          std::find(types->begin(), types->end(), e.type) == types->end()) {
        continue;
      }
      // A self-loop has an outgoing and an incoming entry; report it once in kBoth.
      if (direction == ExpandDirection::kBoth && dir == graph::Direction::kIncoming &&
          e.other == node) {
        continue;
      }
      bool out_dir = dir == graph::Direction::kOutgoing;
      out->push_back(
          Hop{e.rel, e.type, out_dir ? node : e.other, out_dir ? e.other : node, e.other});
    }
    ThrowIfError(cursor->status());
  };
  std::vector<graph::Direction> dirs;
  if (direction != ExpandDirection::kIncoming) dirs.push_back(graph::Direction::kOutgoing);
  if (direction != ExpandDirection::kOutgoing) dirs.push_back(graph::Direction::kIncoming);
  for (graph::Direction dir : dirs) {
    if (types != nullptr && types->size() <= 4) {
      for (graph::TokenId t : *types) scan(dir, t);
    } else {
      scan(dir, std::nullopt);
    }
  }
}

// Resolves type names to tokens; false when none of them exists (nothing can match). An empty
// name list means any type (`*out` stays empty, `*any` true).
bool ResolveTypes(ExecContext& ctx, const std::vector<std::string>& names,
                  std::vector<graph::TokenId>* out) {
  out->clear();
  for (const std::string& name : names) {
    if (auto t = ctx.FindToken(graph::TokenKind::kRelType, name)) out->push_back(*t);
  }
  return names.empty() || !out->empty();
}

std::string TypesText(const std::vector<std::string>& types) {
  std::string out;
  for (const auto& t : types) out += (out.empty() ? ":" : "|") + t;
  return out;
}

class Expand final : public Operator {
 public:
  Expand(OperatorPtr input, int from, int rel, int to, ExpandDirection dir,
         std::vector<std::string> types, bool into)
      : Operator(One(std::move(input))),
        from_(from),
        rel_(rel),
        to_(to),
        dir_(dir),
        types_(std::move(types)),
        into_(into) {}
  std::string Name() const override { return into_ ? "Expand(Into)" : "Expand(All)"; }
  std::string Details() const override { return TypesText(types_); }
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    hops_.clear();
    next_ = 0;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (true) {
      if (next_ < hops_.size()) {
        const Hop& h = hops_[next_++];
        row = current_;
        row[rel_] = ctx.RelRef(h.rel, h.type, h.start, h.end);
        if (!into_) row[to_] = ExecContext::NodeRef(h.other);
        return true;
      }
      if (!child().Next(ctx, current_)) return false;
      hops_.clear();
      next_ = 0;
      const Value& from = current_[from_];
      if (from.is_null()) continue;
      std::optional<graph::NodeId> other;
      if (into_) {
        if (current_[to_].is_null()) continue;
        other = current_[to_].AsNode().id;
      }
      std::vector<graph::TokenId> types;
      if (!ResolveTypes(ctx, types_, &types)) continue;
      CollectHops(ctx, from.AsNode().id, dir_, types_.empty() ? nullptr : &types, other, &hops_);
    }
  }

 private:
  int from_, rel_, to_;
  ExpandDirection dir_;
  std::vector<std::string> types_;
  bool into_;
  Row current_;
  std::vector<Hop> hops_;
  size_t next_ = 0;
};

class VarExpand final : public Operator {
 public:
  VarExpand(OperatorPtr input, int from, int rel, int to, ExpandDirection dir,
            std::vector<std::string> types, int64_t min_hops, int64_t max_hops, bool into,
            bool reversed)
      : Operator(One(std::move(input))),
        from_(from),
        rel_(rel),
        to_(to),
        dir_(dir),
        types_(std::move(types)),
        min_(min_hops),
        max_(max_hops),
        into_(into),
        reversed_(reversed) {}
  std::string Name() const override { return "VarLengthExpand"; }
  std::string Details() const override {
    return TypesText(types_) + "*" + std::to_string(min_) + ".." +
           (max_ < 0 ? std::string() : std::to_string(max_));
  }
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    results_.clear();
    next_ = 0;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (true) {
      if (next_ < results_.size()) {
        auto& [rels, end] = results_[next_++];
        row = current_;
        if (reversed_) std::reverse(rels.begin(), rels.end());
        row[rel_] = Value::List(std::move(rels));
        if (!into_) row[to_] = ExecContext::NodeRef(end);
        return true;
      }
      if (!child().Next(ctx, current_)) return false;
      results_.clear();
      next_ = 0;
      if (current_[from_].is_null() || (into_ && current_[to_].is_null())) continue;
      if (!ResolveTypes(ctx, types_, &types_resolved_)) {
        if (min_ == 0) Emit(current_[from_].AsNode().id);
        continue;
      }
      path_.clear();
      used_.clear();
      Search(ctx, current_[from_].AsNode().id, 0);
    }
  }

 private:
  void Emit(graph::NodeId end) {
    if (into_ && static_cast<int64_t>(end) != current_[to_].AsNode().id) return;
    results_.emplace_back(path_, end);
  }

  // Depth-first enumeration of relationship-unique paths.
  void Search(ExecContext& ctx, graph::NodeId node, int64_t depth) {
    if (depth >= min_) Emit(node);
    if (max_ >= 0 && depth >= max_) return;
    std::vector<Hop> hops;
    CollectHops(ctx, node, dir_, types_.empty() ? nullptr : &types_resolved_, std::nullopt, &hops);
    for (const Hop& h : hops) {
      if (!used_.insert(h.rel).second) continue;
      path_.push_back(ctx.RelRef(h.rel, h.type, h.start, h.end));
      Search(ctx, h.other, depth + 1);
      path_.pop_back();
      used_.erase(h.rel);
    }
  }

  int from_, rel_, to_;
  ExpandDirection dir_;
  std::vector<std::string> types_;
  std::vector<graph::TokenId> types_resolved_;
  int64_t min_, max_;
  bool into_;
  bool reversed_;  // bind the list in reverse (see MakeVarExpand)
  Row current_;
  std::vector<Value> path_;
  std::unordered_set<graph::RelId> used_;
  std::vector<std::pair<std::vector<Value>, graph::NodeId>> results_;
  size_t next_ = 0;
};

class ShortestPath final : public Operator {
 public:
  ShortestPath(OperatorPtr input, int from, int to, int rel, ExpandDirection dir,
               std::vector<std::string> types, int64_t min_hops, int64_t max_hops, bool all)
      : Operator(One(std::move(input))),
        from_(from),
        to_(to),
        rel_(rel),
        dir_(dir),
        types_(std::move(types)),
        min_(min_hops),
        max_(max_hops),
        all_(all) {}
  std::string Name() const override { return all_ ? "AllShortestPaths" : "ShortestPath"; }
  std::string Details() const override {
    return TypesText(types_) + "*" + std::to_string(min_) + ".." +
           (max_ < 0 ? std::string() : std::to_string(max_));
  }
  void Open(ExecContext& ctx, const Row& argument) override {
    Operator::Open(ctx, argument);
    results_.clear();
    next_ = 0;
  }

 protected:
  bool Produce(ExecContext& ctx, Row& row) override {
    while (true) {
      if (next_ < results_.size()) {
        row = current_;
        row[rel_] = Value::List(std::move(results_[next_++]));
        return true;
      }
      if (!child().Next(ctx, current_)) return false;
      results_.clear();
      next_ = 0;
      if (current_[from_].is_null() || current_[to_].is_null()) continue;
      Search(ctx, current_[from_].AsNode().id, current_[to_].AsNode().id);
    }
  }

 private:
  // Breadth-first search from `source`, level by level, remembering for every reached node the
  // hops that reach it on a shortest path; stops after the level that reaches `target`.
  void Search(ExecContext& ctx, graph::NodeId source, graph::NodeId target) {
    if (source == target) {
      if (min_ == 0) results_.emplace_back();
      return;
    }
    std::vector<graph::TokenId> types;
    if (!ResolveTypes(ctx, types_, &types)) return;
    std::unordered_map<graph::NodeId, int64_t> depth{{source, 0}};
    std::unordered_map<graph::NodeId, std::vector<Hop>> parents;  // hops arriving at a node
    std::vector<graph::NodeId> frontier{source};
    std::vector<Hop> hops;
    bool found = false;
    for (int64_t level = 1; !frontier.empty() && !found && (max_ < 0 || level <= max_); ++level) {
      std::vector<graph::NodeId> next;
      for (graph::NodeId node : frontier) {
        CollectHops(ctx, node, dir_, types_.empty() ? nullptr : &types, std::nullopt, &hops);
        for (const Hop& h : hops) {
          auto [it, inserted] = depth.emplace(h.other, level);
          if (!inserted && it->second != level) continue;
          if (inserted) next.push_back(h.other);
          Hop arriving = h;
          arriving.other = node;  // the node the hop comes from
          parents[h.other].push_back(arriving);
          if (h.other == target) found = true;
        }
      }
      frontier = std::move(next);
    }
    if (!found) return;
    std::vector<Value> reversed;
    Unwind(ctx, parents, target, source, &reversed);
  }

  // Enumerates the shortest paths ending at `node` backwards (one path unless all_).
  void Unwind(ExecContext& ctx, const std::unordered_map<graph::NodeId, std::vector<Hop>>& parents,
              graph::NodeId node, graph::NodeId source, std::vector<Value>* reversed) {
    if (node == source) {
      results_.emplace_back(reversed->rbegin(), reversed->rend());
      return;
    }
    for (const Hop& h : parents.at(node)) {
      reversed->push_back(ctx.RelRef(h.rel, h.type, h.start, h.end));
      Unwind(ctx, parents, h.other, source, reversed);
      reversed->pop_back();
      if (!all_ && !results_.empty()) return;
    }
  }

  int from_, to_, rel_;
  ExpandDirection dir_;
  std::vector<std::string> types_;
  int64_t min_, max_;
  bool all_;
  Row current_;
  std::vector<std::vector<Value>> results_;
  size_t next_ = 0;
};

}  // namespace

OperatorPtr MakeShortestPath(OperatorPtr input, int from_slot, int to_slot, int rel_slot,
                             ExpandDirection direction, std::vector<std::string> types,
                             int64_t min_hops, int64_t max_hops, bool all) {
  return std::make_unique<ShortestPath>(std::move(input), from_slot, to_slot, rel_slot, direction,
                                        std::move(types), min_hops, max_hops, all);
}

OperatorPtr MakeExpand(OperatorPtr input, int from_slot, int rel_slot, int to_slot,
                       ExpandDirection direction, std::vector<std::string> types, bool into) {
  return std::make_unique<Expand>(std::move(input), from_slot, rel_slot, to_slot, direction,
                                  std::move(types), into);
}

OperatorPtr MakeVarExpand(OperatorPtr input, int from_slot, int rel_slot, int to_slot,
                          ExpandDirection direction, std::vector<std::string> types,
                          int64_t min_hops, int64_t max_hops, bool into, bool reversed) {
  return std::make_unique<VarExpand>(std::move(input), from_slot, rel_slot, to_slot, direction,
                                     std::move(types), min_hops, max_hops, into, reversed);
}

}  // namespace smith::exec
