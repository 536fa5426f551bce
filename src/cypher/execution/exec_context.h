// ExecContext: what a running statement reads and writes through.
//
// Inside the engine a node is carried as Value(Node{id}) and a relationship as
// Value(Relationship{id, type, start_id, end_id}) without labels or properties: references
// that expressions resolve through the context (NodeRecordOf, Property, ...). Materialize()
// fills in labels and properties when records leave the engine.
//
// The context caches the last node and relationship record it decoded, because expressions
// often read several properties of the same element in a row; every write through the context
// drops the cache.
//
// Thread safety: one statement, one thread.
#ifndef SMITH_CYPHER_EXECUTION_EXEC_CONTEXT_H_
#define SMITH_CYPHER_EXECUTION_EXEC_CONTEXT_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "common/value.h"
#include "cypher/functions/function_context.h"
#include "graph/graph_reader.h"
#include "graph/graph_writer.h"
#include "graph/node_record_reader.h"

namespace smith::exec {

class ExecContext {
 public:
  // `writer` is null for read-only statements; when set, `reader` must be the writer.
  ExecContext(graph::GraphReader& reader, graph::GraphWriter* writer, const ValueMap& parameters);

  graph::GraphReader& reader() { return reader_; }
  bool can_write() const { return writer_ != nullptr; }
  // Throws when the statement is read-only.
  graph::GraphWriter& writer();
  cypher::FunctionContext& functions() { return functions_; }

  // Throws ParameterMissing when absent.
  const Value& Parameter(const std::string& name) const;

  // Element records; nullptr when the element does not exist (deleted). Valid until the next
  // call or write through this context.
  const graph::NodeRecord* NodeRecordOf(graph::NodeId id);
  const graph::RelRecord* RelRecordOf(graph::RelId id);
  // The same, for a node / relationship value that must still exist: one whose record is gone
  // was deleted by this transaction (a snapshot loses nothing otherwise), and reading it is
  // Neo4j's EntityNotFound (thrown as CypherError).
  const graph::NodeRecord& LiveNodeRecord(graph::NodeId id);
  const graph::RelRecord& LiveRelRecord(graph::RelId id);
  void ForgetCachedRecords();
  // Makes `*record` (swapped out, so `*record` is left with the previous cache contents) the
  // cached record of relationship `id`, as if RelRecordOf(id) had just read it: for scans that
  // read records themselves.
  void AdoptRelRecord(graph::RelId id, graph::RelRecord* record);

  // `n.key` / `r.key` / `map.key` / temporal accessors; null when absent.
  Value Property(const Value& object, std::string_view key);

  // Token lookups (nullopt when the name was never used).
  std::optional<graph::TokenId> FindToken(graph::TokenKind kind, std::string_view name) const;
  std::string_view TokenName(graph::TokenKind kind, graph::TokenId id) const;
  // Creates the token when missing (writers only).
  graph::TokenId Token(graph::TokenKind kind, std::string_view name);

  // References for elements found by scans and expansions.
  static Value NodeRef(graph::NodeId id);
  Value RelRef(graph::RelId id, graph::TokenId type, graph::NodeId start, graph::NodeId end);
  // The full value of a node / relationship reference (labels, type name, properties).
  Value MaterializeNode(graph::NodeId id);
  Value MaterializeRel(const Relationship& ref);
  // Replaces every reference inside `value` (lists, maps, paths included) by its full value.
  Value Materialize(const Value& value);
  // The properties of a node / relationship as a map.
  ValueMap PropertiesOf(const graph::PropertyList& props) const;

  // Whether CALL { } IN TRANSACTIONS may commit the writer as it goes (auto-commit statements
  // only; false by default).
  bool chunk_commits_allowed() const { return chunk_commits_allowed_; }
  void set_chunk_commits_allowed(bool allowed) { chunk_commits_allowed_ = allowed; }

  int64_t rows_produced = 0;  // for PROFILE

 private:
  graph::GraphReader& reader_;
  graph::GraphWriter* writer_;
  const ValueMap& parameters_;
  cypher::FunctionContext functions_;
  bool chunk_commits_allowed_ = false;

  std::optional<graph::NodeId> cached_node_id_;
  bool cached_node_exists_ = false;
  graph::NodeRecord cached_node_;
  // Created on the first node record read of a statement without a writer.
  std::unique_ptr<graph::NodeRecordReader> node_records_;
  std::optional<graph::RelId> cached_rel_id_;
  bool cached_rel_exists_ = false;
  graph::RelRecord cached_rel_;
};

}  // namespace smith::exec

#endif  // SMITH_CYPHER_EXECUTION_EXEC_CONTEXT_H_
