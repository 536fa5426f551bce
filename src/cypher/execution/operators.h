// Factories of the physical operators (operator.h). Each operator's class lives in its .cc;
// the planner only needs these constructors.
#ifndef SMITH_CYPHER_EXECUTION_OPERATORS_H_
#define SMITH_CYPHER_EXECUTION_OPERATORS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cypher/execution/expressions.h"
#include "cypher/execution/operator.h"
#include "graph/catalog.h"
#include "graph/ids.h"

namespace smith::exec {

struct Procedure;

// --- basic_ops.cc
// One row: the argument row.
OperatorPtr MakeOnce();
OperatorPtr MakeFilter(OperatorPtr input, ExprPtr predicate);
// Evaluates `exprs` and stores them into `slots` (all expressions see the input row first).
OperatorPtr MakeProject(OperatorPtr input, std::vector<int> slots, std::vector<ExprPtr> exprs);
OperatorPtr MakeUnwind(OperatorPtr input, ExprPtr list, int slot);
OperatorPtr MakeSkip(OperatorPtr input, ExprPtr count);
// With `drain_input`, once the limit is reached the input is still pulled to its end (rows
// dropped): updates below a LIMIT happen for every row, even under LIMIT 0, as in Neo4j.
OperatorPtr MakeLimit(OperatorPtr input, ExprPtr count, bool drain_input = false);
// For each input row, runs `inner` with that row as its argument and yields its rows.
OperatorPtr MakeApply(OperatorPtr input, OperatorPtr inner);
// As Apply, but an input row for which `inner` yields nothing is passed on once with
// `null_slots` set to null (OPTIONAL MATCH).
OperatorPtr MakeOptionalApply(OperatorPtr input, OperatorPtr inner, std::vector<int> null_slots);
// Yields fixed rows (one Value per slot in `slots`); used for SHOW.
OperatorPtr MakeRows(std::vector<std::vector<Value>> rows, std::vector<int> slots);
// Reads all input rows before yielding any (separates reads from later writes).
OperatorPtr MakeEager(OperatorPtr input);
// Rows of `left`, then rows of `right`, copying `right_slots[i]` to `left_slots[i]`;
// with `distinct`, equivalent output rows (over left_slots) appear once.
OperatorPtr MakeUnion(OperatorPtr left, OperatorPtr right, std::vector<int> left_slots,
                      std::vector<int> right_slots, bool distinct);
// Keeps rows whose `slots` hold pairwise different relationships (relationship uniqueness
// within one MATCH pattern).
OperatorPtr MakeRelUniqueness(OperatorPtr input, std::vector<int> slots);

// --- scan_ops.cc
// Binds `slot` to every node (label nullopt) or every node with `label`.
OperatorPtr MakeNodeScan(OperatorPtr input, int slot, std::optional<std::string> label);
// Binds `slot` to the node whose key (values of `keys`, in the constraint's order) is held under
// uniqueness / node-key constraint `constraint` (by name; resolved at run time).
OperatorPtr MakeNodeUniqueSeek(OperatorPtr input, int slot, std::string constraint,
                               std::vector<ExprPtr> keys);
// Binds `slot` to the nodes whose indexed values equal `keys` (index by name).
OperatorPtr MakeNodeIndexSeek(OperatorPtr input, int slot, std::string index,
                              std::vector<ExprPtr> keys);
// The bounds of an index range seek (each may be null: unbounded). The seek may return values
// of other types than the bounds, so the planner keeps the range predicate as a filter.
struct RangeBounds {
  ExprPtr lower;
  bool lower_inclusive = true;
  ExprPtr upper;
  bool upper_inclusive = true;
};
// Range seek on a single-property index.
OperatorPtr MakeNodeIndexRangeSeek(OperatorPtr input, int slot, std::string index,
                                   RangeBounds bounds);
// Binds `slot` to the existing nodes whose ids `ids` evaluates to: an integer or a list of
// integers (other values match nothing; each node at most once). The planner keeps the
// `id(n) = ...` / `id(n) IN ...` predicate as a filter above it.
OperatorPtr MakeNodeByIdSeek(OperatorPtr input, int slot, ExprPtr ids);

// Relationship-first starts of a pattern (the planner uses them when no node of the pattern is a
// better start): each binds `rel` to every relationship the source yields and `start` / `end` to
// its start and end node (the pattern's direction decides which variables those are).
struct RelSlots {
  int rel = 0;
  int start = 0;
  int end = 0;
};
// Every relationship of `type` (the reltype family).
OperatorPtr MakeRelTypeScan(OperatorPtr input, RelSlots slots, std::string type);
// Every relationship, of any of `types` when not empty (DirectedAllRelationshipsScan).
OperatorPtr MakeRelAllScan(OperatorPtr input, RelSlots slots, std::vector<std::string> types);
// Relationships of `type` whose indexed values equal `keys` (index by name).
OperatorPtr MakeRelIndexSeek(OperatorPtr input, RelSlots slots, std::string type, std::string index,
                             std::vector<ExprPtr> keys);
OperatorPtr MakeRelIndexRangeSeek(OperatorPtr input, RelSlots slots, std::string type,
                                  std::string index, RangeBounds bounds);
// The existing relationships (of one of `types`; any when empty) whose ids `ids` evaluates to,
// as MakeNodeByIdSeek.
OperatorPtr MakeRelByIdSeek(OperatorPtr input, RelSlots slots, std::vector<std::string> types,
                            ExprPtr ids);

// --- expand_ops.cc
enum class ExpandDirection { kOutgoing, kIncoming, kBoth };
// From the node in `from_slot`, follows relationships of `types` (any when empty) in
// `direction`, binding `rel_slot` and `to_slot`. With `into`, `to_slot` is already bound and
// only relationships ending there are followed.
OperatorPtr MakeExpand(OperatorPtr input, int from_slot, int rel_slot, int to_slot,
                       ExpandDirection direction, std::vector<std::string> types, bool into);
// Variable-length expansion: binds `rel_slot` to the list of relationships of each path of
// min..max hops (max -1: unbounded) and `to_slot` to its end; relationships are not repeated
// within a path. `reversed`: the expansion starts from the pattern's right end, so the list is
// bound last hop first, which is the pattern's order (`(a)-[r*]->(b)` lists r from a to b).
OperatorPtr MakeVarExpand(OperatorPtr input, int from_slot, int rel_slot, int to_slot,
                          ExpandDirection direction, std::vector<std::string> types,
                          int64_t min_hops, int64_t max_hops, bool into, bool reversed);

// --- aggregate_ops.cc
struct AggregateSpec {
  std::string function;  // lower case, e.g. "count", "collect"
  bool distinct = false;
  std::vector<ExprPtr> args;  // empty for count(*)
  int slot = 0;               // where the result goes
};
// Groups by `group_exprs` (stored into `group_slots`) and computes the aggregates. Without
// grouping keys, an empty input still yields one row.
OperatorPtr MakeAggregate(OperatorPtr input, std::vector<int> group_slots,
                          std::vector<ExprPtr> group_exprs, std::vector<AggregateSpec> aggregates);
OperatorPtr MakeDistinct(OperatorPtr input, std::vector<int> slots);
struct SortKey {
  ExprPtr expr;
  bool descending = false;
};
OperatorPtr MakeSort(OperatorPtr input, std::vector<SortKey> keys);

// --- write_ops.cc
// A node or relationship to create; properties from a map expression (may be null).
struct CreateNodeSpec {
  int slot = 0;
  bool bound = false;  // already bound: nothing to create
  std::vector<std::string> labels;
  std::vector<ExprPtr> dynamic_labels;
  ExprPtr properties;
};
struct CreateRelSpec {
  int slot = 0;
  int start_slot = 0;
  int end_slot = 0;
  std::string type;
  ExprPtr dynamic_type;
  ExprPtr properties;
};
// Creates, per input row, the nodes then the relationships of a pattern. With `for_merge`, a
// null property value is an error (MERGE cannot create what it could never match).
OperatorPtr MakeCreate(OperatorPtr input, std::vector<CreateNodeSpec> nodes,
                       std::vector<CreateRelSpec> rels, bool for_merge = false);

// --- procedure_ops.cc
// Runs `procedure` (procedures.h) per input row with `args` (one per input, checked against the
// declared types at run time), binding output field_index[i] of each record to slots[i]. A void
// procedure passes each input row through once, or yields nothing when `standalone`.
OperatorPtr MakeProcedureCall(OperatorPtr input, std::shared_ptr<const Procedure> procedure,
                              std::vector<ExprPtr> args, std::vector<int> field_index,
                              std::vector<int> slots, bool standalone);

enum class SetKind {
  kProperty,
  kReplaceProperties,
  kMergeProperties,
  kLabels,
  kRemoveProperty,
  kRemoveLabels
};
struct SetSpec {
  SetKind kind = SetKind::kProperty;
  ExprPtr target;       // node / relationship (or map for kProperty on maps: error)
  std::string key;      // kProperty / kRemoveProperty with a static key
  ExprPtr dynamic_key;  // n[expr] forms
  ExprPtr value;        // kProperty, kReplaceProperties, kMergeProperties
  std::vector<std::string> labels;
  std::vector<ExprPtr> dynamic_labels;
};
OperatorPtr MakeSet(OperatorPtr input, std::vector<SetSpec> items);
OperatorPtr MakeDelete(OperatorPtr input, std::vector<ExprPtr> targets, bool detach);
// MERGE: for each input row runs `match` (an inner plan starting from the row); when it yields
// nothing, runs `create` (a Create over Once) and yields its row. `on_match` / `on_create` are
// Set operators' specs applied to each yielded row.
OperatorPtr MakeMerge(OperatorPtr input, OperatorPtr match, OperatorPtr create,
                      std::vector<SetSpec> on_match, std::vector<SetSpec> on_create);

// --- subquery_ops.cc
// FOREACH: per input row, evaluates `list` (null: no iteration) and runs `body` (updating
// clauses over Once) to the end once per item, with the item in `slot`; then passes the input
// row on unchanged.
OperatorPtr MakeForeach(OperatorPtr input, ExprPtr list, int slot, OperatorPtr body);
// CALL { body }: per input row, runs `body` with the row as its argument. A returning subquery
// yields the input row extended with each body row (body slot `from_slots[i]` copied to
// `to_slots[i]`); a unit subquery (`unit`) runs the body to the end and yields the input row
// once. With `batch_rows` (IN TRANSACTIONS OF n ROWS; must evaluate to a positive integer), the
// writer's pending work is committed after every n input rows and after the last one, so a
// failure leaves the earlier batches committed.
OperatorPtr MakeCallSubquery(OperatorPtr input, OperatorPtr body, std::vector<int> from_slots,
                             std::vector<int> to_slots, bool unit, ExprPtr batch_rows);

// --- expand_ops.cc (continued)
// shortestPath / allShortestPaths between the nodes in `from_slot` and `to_slot` (both bound;
// rows where either is null yield nothing), breadth first: binds `rel_slot` to the list of
// relationships of one shortest path, or of each of them with `all`, of at least `min_hops`
// (0 or 1) and at most `max_hops` (-1: unbounded) relationships of `types` (any when empty) in
// `direction`.
OperatorPtr MakeShortestPath(OperatorPtr input, int from_slot, int to_slot, int rel_slot,
                             ExpandDirection direction, std::vector<std::string> types,
                             int64_t min_hops, int64_t max_hops, bool all);

}  // namespace smith::exec

#endif  // SMITH_CYPHER_EXECUTION_OPERATORS_H_
