// GraphWriter: the single write transaction of a Graph.
//
// Every operation validates its input and checks constraints before it writes anything, so a
// failed operation leaves the transaction as it was; the caller decides whether to go on or roll
// back. Commit() makes all writes durable and visible at once; Rollback() (also run by the
// destructor of an unfinished writer) discards them, including new tokens and ids.
//
// Hot path (keyed upserts): FindByKey answers from an in-memory key index, and UpdateNode /
// UpdateRel write a merge operand instead of reading and rewriting the record whenever no
// constraint is affected (see docs/adr/0006-lazy-property-index-maintenance.md).
//
// Thread safety: one thread at a time. Holds the database's writer slot from construction until
// Commit/Rollback.
#ifndef SMITH_GRAPH_GRAPH_WRITER_H_
#define SMITH_GRAPH_GRAPH_WRITER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "graph/graph_reader.h"
#include "graph/writer_state.h"

namespace smith::storage {
class Iterator;
class WriteTransaction;
}  // namespace smith::storage

namespace smith::graph {

// Effects of a transaction, named as Neo4j's result summary counters.
struct WriteCounters {
  int64_t nodes_created = 0;
  int64_t nodes_deleted = 0;
  int64_t relationships_created = 0;
  int64_t relationships_deleted = 0;
  int64_t properties_set = 0;
  int64_t labels_added = 0;
  int64_t labels_removed = 0;
  int64_t indexes_added = 0;
  int64_t indexes_removed = 0;
  int64_t constraints_added = 0;
  int64_t constraints_removed = 0;
};

class GraphWriter final : public GraphReader {
 public:
  // Created by Graph::BeginWrite, which passes the lock on the graph's writer mutex.
  GraphWriter(Graph& graph, std::unique_ptr<storage::WriteTransaction> txn,
              std::unique_lock<std::mutex> writer_lock);
  ~GraphWriter() override;

  // --- tokens
  // InvalidArgument for an empty name or invalid UTF-8.
  Result<TokenId> GetOrCreateToken(TokenKind kind, std::string_view name);
  // The property-key tokens of `map`'s keys, in the map's order (creating tokens as needed). The
  // result is valid until the next call. The writer remembers the last few key lists it resolved:
  // an upsert batch turns the same map shapes into properties row after row (the MERGE key, then
  // the SET map), and comparing the keys is cheaper than a dictionary lookup (and its lock) each.
  Result<const std::vector<TokenId>*> PropertyKeyTokens(const ValueMap& map);

  // --- nodes
  // `labels` in any order (duplicates ignored); `properties` in any order (later duplicates win,
  // null values are dropped). InvalidArgument for values that cannot be stored;
  // ConstraintViolation naming label, keys and values when a constraint would break.
  Result<NodeId> CreateNode(std::vector<TokenId> labels, PropertyList properties);
  // Adds/removes labels and sets/unsets properties. NotFound if the node does not exist.
  Status UpdateNode(NodeId node, RecordPatch patch);
  // Without `detach`, a node that still has relationships is not deleted (ConstraintViolation).
  // NotFound if the node does not exist.
  Status DeleteNode(NodeId node, bool detach);
  // The node's labels as of this transaction, without a disk read; null if it does not exist (or
  // the label table cannot be read).
  const std::vector<TokenId>* NodeLabels(NodeId node);
  // The element holding `key` under `constraint`, answered from the in-memory key index.
  Result<std::optional<uint64_t>> FindByKey(const SchemaObject& constraint,
                                            std::span<const Value> key);

  // --- relationships
  // NotFound if an endpoint does not exist.
  Result<RelId> CreateRel(TokenId type, NodeId start, NodeId end, PropertyList properties);
  // `type` must be the relationship's type (callers know it from Expand or the record). The
  // relationship must exist in this transaction's view.
  Status UpdateRel(RelId rel, TokenId type, RecordPatch patch);
  // NotFound if the relationship does not exist.
  Status DeleteRel(RelId rel);

  // --- schema
  // Creates a constraint or index named `name` (a name is generated when empty) on the label or
  // relationship type `token` and `properties`, validating (constraints) or indexing (indexes)
  // the existing data. AlreadyExists when the name is taken or an equivalent object exists;
  // ConstraintViolation when existing data breaks the new constraint.
  Result<SchemaId> CreateSchemaObject(SchemaKind kind, EntityKind entity, std::string name,
                                      TokenId token, std::vector<TokenId> properties);
  // NotFound when there is no object of that name.
  Status DropSchemaObject(std::string_view name);

  const WriteCounters& counters() const { return counters_; }
  // Number of pending write operations (for chunked commits).
  size_t PendingWrites() const;

  // Commits atomically and ends the transaction. On error nothing of it is applied.
  Status Commit();
  // Commits what is pending and continues with an empty transaction (CALL IN TRANSACTIONS,
  // imports). Counters keep accumulating.
  Status CommitChunk();
  void Rollback();
  bool active() const { return active_; }

 private:
  Status CheckActive() const;
  // Builds the graph's node label table on first use (one walk over every node record); every
  // operation that consults labels calls it first. LabelTable() requires it to have succeeded.
  Status EnsureLabelTable();
  NodeLabelTable& LabelTable();
  uint32_t LabelSetOf(NodeId node);
  KeyIndexCache& KeyCache(const SchemaObject& constraint);
  Result<std::optional<uint64_t>> LookupKey(const SchemaObject& constraint,
                                            const std::string& tuple);
  void PutUnique(const SchemaObject& constraint, const std::string& tuple, uint64_t element);
  void DeleteUnique(const SchemaObject& constraint, const std::string& tuple);
  Status CheckConstraints(EntityKind entity, uint64_t element, const std::vector<TokenId>& tokens,
                          const PropertyList& props, const PropertyList* old_props,
                          const std::vector<TokenId>* old_tokens);
  void WriteSchemaEntries(EntityKind entity, uint64_t element, const std::vector<TokenId>& tokens,
                          const PropertyList& props, const PropertyList* old_props,
                          const std::vector<TokenId>* old_tokens);
  void RemoveSchemaEntries(EntityKind entity, uint64_t element, const std::vector<TokenId>& tokens,
                           const PropertyList& props);
  Status ValidateProperties(const PropertyList& props) const;
  Status UpdateNodeFull(NodeId node, const RecordPatch& patch);
  Status UpdateRelFull(RelId rel, const RecordPatch& patch);
  Status PopulateSchemaObject(const SchemaObject& object);
  std::string ConstraintMessage(const SchemaObject& c, uint64_t other,
                                const PropertyList& props) const;
  std::string DescribeProperties(const SchemaObject& c, const PropertyList& props) const;
  Status FinishCommit(bool keep_going);
  void OnStaleIndexEntry(std::string_view entry_key) override;
  const NodeRecord* UnwrittenNode(NodeId id) const override;
  const RelRecord* UnwrittenRel(RelId id) const override;
  void BeforeRecordScan() override { WriteUnwrittenRecords(); }
  Result<NodeId> NodeIdBound() override { return next_node_id_; }
  // Moves unwritten_nodes_ / unwritten_rels_ into the storage transaction, in id order.
  void WriteUnwrittenRecords();
  // Replaces the record of an existing element: in unwritten_* when it is there, else in the
  // transaction.
  void PutNodeRecord(NodeId node, NodeRecord record);
  void PutRelRecord(RelId rel, RelRecord record);
  std::unique_ptr<AdjCursor> NewAdjCursor(const std::string& prefix) override;

  std::unique_lock<std::mutex> writer_lock_;  // on Graph::writer_mutex_ while active
  storage::WriteTransaction* txn_;            // owned by GraphReader::view_
  bool active_ = true;
  WriteCounters counters_;
  WriterOverlay overlay_;
  // Changes this transaction (since its last chunk) made to graph_.key_caches_ in place.
  KeyCacheUndoLog key_undo_;
  NodeId next_node_id_;
  RelId next_rel_id_;
  SchemaId next_schema_id_;
  bool catalog_changed_ = false;
  std::vector<SchemaId> dropped_schema_;
  std::unordered_set<RelId> deleted_rels_;
  // Records of the elements this transaction created, kept out of the write batch until commit
  // (or until a scan of the record family needs them). An ingest statement usually creates an
  // element and then sets its properties (MERGE ... SET n += row.props); keeping the record here
  // lets the SET rewrite it in place with exact index maintenance, instead of appending a merge
  // operand: one memtable entry per new element instead of two, written in key order.
  // Invariant: an id is in unwritten_nodes_ only if the batch holds no write of its record key.
  std::map<NodeId, NodeRecord> unwritten_nodes_;
  std::map<RelId, RelRecord> unwritten_rels_;
  // PropertyKeyTokens' recent map shapes: keys and their tokens, index by index. Replaced in
  // turn once all are used.
  struct KeyShape {
    std::vector<std::string> keys;
    std::vector<TokenId> tokens;
  };
  static constexpr size_t kKeyShapes = 4;
  std::vector<KeyShape> key_shapes_;
  size_t next_key_shape_ = 0;
  // Index entries found stale by this transaction's reads; deleted at commit if still stale.
  std::vector<std::string> stale_index_entries_;
  Status PurgeStaleIndexEntries();
};

}  // namespace smith::graph

#endif  // SMITH_GRAPH_GRAPH_WRITER_H_
