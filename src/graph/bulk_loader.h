// BulkLoader: fills an empty database with nodes and relationships much faster than GraphWriter,
// by building every column family's contents in memory, sorting them and ingesting them as SST
// files in one atomic step (the way neo4j-admin import works).
//
// Requirements and guarantees:
//   - The database must hold no nodes and no relationships. It may hold tokens, constraints and
//     indexes (created beforehand with Cypher); the loader fills their `unique` and `index`
//     entries and checks the constraints (uniqueness, node key presence) as elements are added.
//   - The result is exactly what GraphWriter would have written for the same elements created in
//     the same order: node ids count up from the database's next node id, relationship ids from
//     its next relationship id, tokens get the next dense ids; records, label, type, adjacency
//     (both directions), unique and index entries, new token entries and the id counters follow
//     docs/storage-format.md byte for byte. A Graph opened afterwards rebuilds its writer state
//     (counters, key index caches, label table) from these entries as for any other database.
//   - Nothing is visible until Commit succeeds; a failed or abandoned load (the loader destroyed
//     without Commit) leaves the database exactly as it was. Commit ingests all families in one
//     atomic RocksDB ingestion.
//   - Between Open and Commit the database is closed (so the loader needs no lock while parsing
//     input); Commit takes the lock again and refuses (kInvalidState) if anyone changed the
//     database meanwhile.
//
// Memory: everything is held until Commit: per node its encoded record (~10 bytes plus the
// properties) and label entries; per relationship its record and 24 bytes of adjacency; per
// constraint or index entry its key. About 100 bytes per element for small records.
//
// Thread safety: one thread at a time.
#ifndef SMITH_GRAPH_BULK_LOADER_H_
#define SMITH_GRAPH_BULK_LOADER_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "graph/catalog.h"
#include "graph/ids.h"
#include "graph/record.h"
#include "storage/sst_ingest.h"

namespace smith::graph {

namespace bulk {
class WriteProgress;
}

struct BulkLoadStats {
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t properties = 0;     // property values on nodes and relationships
  uint64_t labels = 0;         // label entries (one per node and label)
  uint64_t bytes_written = 0;  // SST payload bytes (keys + values)
};

// Commit's progress: `phase` ("sorting", "writing", "ingesting"), work done and total in
// entries. Called from the committing thread.
using BulkProgressFn = std::function<void(std::string_view phase, uint64_t done, uint64_t total)>;

class BulkLoader {
 public:
  // Opens (creating if missing) the database in `path`, reads its tokens, catalog and id
  // counters, and closes it again. kInvalidState when the database already holds nodes or
  // relationships; the errors of Graph::Open otherwise.
  static Result<std::unique_ptr<BulkLoader>> Open(const std::string& path);
  ~BulkLoader();
  BulkLoader(const BulkLoader&) = delete;
  BulkLoader& operator=(const BulkLoader&) = delete;

  // The absolute path of the database directory.
  const std::string& path() const { return path_; }

  // The id of token `name`, creating it (dense ids after the existing ones) if needed.
  // InvalidArgument for an empty name or invalid UTF-8.
  Result<TokenId> Token(TokenKind kind, std::string_view name);

  // Adds a constraint or index (as GraphWriter::CreateSchemaObject; an empty name gets a
  // generated one). Only before the first node or relationship: kInvalidState afterwards.
  // AlreadyExists when the name is taken or an equivalent object exists.
  Result<SchemaId> AddSchemaObject(SchemaKind kind, EntityKind entity, std::string name,
                                   TokenId token, std::vector<TokenId> properties);

  // Adds a node with `labels` (any order, duplicates ignored) and `properties` (any order, later
  // duplicates win, nulls dropped). InvalidArgument for a value that cannot be stored (names the
  // property); ConstraintViolation (naming label, properties and values) when a uniqueness or
  // node key constraint would break, and then `*conflict` (if given) is the node that already
  // holds the key. On error nothing is added.
  Result<NodeId> AddNode(std::span<const TokenId> labels, PropertyList properties,
                         uint64_t* conflict = nullptr);

  // Adds a relationship between two nodes added before. NotFound for an unknown endpoint, the
  // errors of AddNode otherwise.
  Result<RelId> AddRelationship(TokenId type, NodeId start, NodeId end, PropertyList properties,
                                uint64_t* conflict = nullptr);

  // Ids the next AddNode / AddRelationship will return.
  NodeId next_node_id() const { return next_node_id_; }
  RelId next_rel_id() const { return next_rel_id_; }
  const BulkLoadStats& stats() const { return stats_; }
  std::string_view TokenName(TokenKind kind, TokenId id) const;

  // Writes everything as sorted SST files and ingests them atomically. May be called once; the
  // loader is spent afterwards, whatever the outcome.
  Result<BulkLoadStats> Commit(const BulkProgressFn& progress = nullptr);

 private:
  struct TokenTable {
    std::vector<std::string> names;  // index = id
    std::unordered_map<std::string, TokenId> ids;
    size_t existing = 0;  // names[0, existing) are already in the database
  };
  // One entry of a uniqueness constraint: canonical key tuple -> element.
  using KeyMap = std::unordered_map<std::string, uint64_t>;

  BulkLoader() = default;
  Status CheckKeys(EntityKind entity, uint64_t element, std::span<const TokenId> tokens,
                   const PropertyList& props, uint64_t* conflict,
                   std::vector<std::pair<const SchemaObject*, std::string>>* tuples);
  void AddSchemaEntries(uint64_t element,
                        std::vector<std::pair<const SchemaObject*, std::string>>& tuples);
  // Each writes its families' files; `bytes` accumulates the key and value bytes written.
  Status WriteNodes(storage::SstFileSet& files, bulk::WriteProgress& progress, uint64_t* bytes);
  // Relationship records and the relationship type lists.
  Status WriteRels(storage::SstFileSet& files, bulk::WriteProgress& progress, uint64_t* bytes);
  Status WriteAdjacency(storage::SstFileSet& files, bulk::WriteProgress& progress, uint64_t* bytes);
  Status WriteSchemaAndMeta(storage::SstFileSet& files, bulk::WriteProgress& progress,
                            uint64_t* bytes);

  std::string path_;
  storage::StorageOptions storage_options_;
  storage::DatabaseFingerprint fingerprint_;
  std::shared_ptr<const CatalogSnapshot> catalog_;
  std::array<TokenTable, kTokenKindCount> tokens_;
  bool committed_ = false;

  SchemaId first_schema_id_ = 0;
  SchemaId next_schema_id_ = 0;
  NodeId first_node_id_ = 0;
  NodeId next_node_id_ = 0;
  RelId first_rel_id_ = 0;
  RelId next_rel_id_ = 0;
  BulkLoadStats stats_;

  // Node records back to back; node first_node_id_ + i spans
  // node_data_[node_offsets_[i], node_offsets_[i + 1]).
  std::string node_data_;
  std::vector<uint64_t> node_offsets_{0};
  // Per label token: its nodes, ascending.
  std::vector<std::vector<NodeId>> label_nodes_;

  std::string rel_data_;
  std::vector<uint64_t> rel_offsets_{0};
  struct RelEnds {
    NodeId start;
    NodeId end;
    TokenId type;
  };
  std::vector<RelEnds> rel_ends_;  // index = rel id - first_rel_id_
  std::vector<std::vector<RelId>> type_rels_;

  // Per constraint id: its entries (committed to `unique`).
  std::unordered_map<SchemaId, KeyMap> unique_;
  // Full `index` family keys.
  std::vector<std::string> index_entries_;

  // Scratch buffers reused across calls.
  std::string scratch_;
  std::vector<TokenId> scratch_labels_;
};

}  // namespace smith::graph

#endif  // SMITH_GRAPH_BULK_LOADER_H_
