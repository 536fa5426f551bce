#include "graph/graph.h"

#include <algorithm>

#include "graph/graph_reader.h"
#include "graph/graph_writer.h"
#include "graph/keys.h"
#include "graph/storage_layout.h"
#include "storage/engine.h"

namespace smith::graph {

using storage::Family;

namespace {

Result<uint64_t> ReadCounter(storage::ReadView& view, std::string_view key) {
  std::string value;
  SMITH_ASSIGN_OR_RETURN(bool found, view.Get(Family::kMeta, key, &value));
  if (!found) return uint64_t{0};
  if (value.size() != keys::kIdBytes) {
    return Status::Corruption("meta entry " + std::string(key) + " is not 8 bytes");
  }
  return DecodeFixed64BE(value.data());
}

}  // namespace

Result<std::unique_ptr<Graph>> Graph::Open(const std::string& path, const GraphOptions& options) {
  storage::StorageOptions storage_options = GraphStorageOptions();
  storage_options.create_if_missing = options.create_if_missing;
  storage_options.sync_commit = options.sync_commit;
  if (options.block_cache_bytes != 0) storage_options.block_cache_bytes = options.block_cache_bytes;
  std::unique_ptr<Graph> graph(new Graph());
  SMITH_ASSIGN_OR_RETURN(graph->engine_, storage::Engine::Open(path, storage_options));
  SMITH_RETURN_IF_ERROR(graph->LoadMetadata().WithContext("opening " + path));
  return graph;
}

Graph::~Graph() = default;

const std::string& Graph::path() const { return engine_->path(); }

Status Graph::LoadMetadata() {
  auto view = engine_->BeginRead();
  SMITH_RETURN_IF_ERROR(tokens_.Load(*view));
  SMITH_RETURN_IF_ERROR(catalog_.Load(*view));
  SMITH_ASSIGN_OR_RETURN(next_node_id_, ReadCounter(*view, keys::kMetaNextNodeId));
  SMITH_ASSIGN_OR_RETURN(next_rel_id_, ReadCounter(*view, keys::kMetaNextRelId));
  SMITH_ASSIGN_OR_RETURN(uint64_t schema, ReadCounter(*view, keys::kMetaNextSchemaId));
  next_schema_id_ = static_cast<SchemaId>(schema);
  return Status::OK();
}

std::unique_ptr<GraphReader> Graph::BeginRead() {
  return std::make_unique<GraphReader>(*this, engine_->BeginRead());
}

std::unique_ptr<GraphWriter> Graph::BeginWrite() {
  // Graph mutex first, then the storage slot: every writer takes them in this order.
  std::unique_lock<std::mutex> lock(writer_mutex_);
  auto txn = engine_->BeginWrite();
  return std::make_unique<GraphWriter>(*this, std::move(txn), std::move(lock));
}

// --- GraphWriter commit protocol (here because it updates Graph's writer state).

Status GraphWriter::PurgeStaleIndexEntries() {
  std::vector<std::string> entries = std::move(stale_index_entries_);
  stale_index_entries_.clear();
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  for (const std::string& key : entries) {
    if (key.size() < keys::kTokenBytes + keys::kIdBytes) continue;
    const SchemaObject* index = catalog_->FindById(DecodeFixed32BE(key.data()));
    if (index == nullptr) continue;
    uint64_t element = DecodeFixed64BE(key.data() + key.size() - keys::kIdBytes);
    // The transaction may have made the entry live again since it was seen stale.
    SMITH_ASSIGN_OR_RETURN(bool live, IndexEntryIsLive(*index, key, element));
    if (!live) txn_->Delete(Family::kIndex, key);
  }
  return Status::OK();
}

Status GraphWriter::FinishCommit(bool keep_going) {
  SMITH_RETURN_IF_ERROR(CheckActive());
  Status status = PurgeStaleIndexEntries();
  if (status.ok()) {
    WriteUnwrittenRecords();
    if (next_node_id_ != graph_.next_node_id_) {
      txn_->Put(Family::kMeta, keys::kMetaNextNodeId, keys::IdKey(next_node_id_));
    }
    if (next_rel_id_ != graph_.next_rel_id_) {
      txn_->Put(Family::kMeta, keys::kMetaNextRelId, keys::IdKey(next_rel_id_));
    }
    if (next_schema_id_ != graph_.next_schema_id_) {
      txn_->Put(Family::kMeta, keys::kMetaNextSchemaId, keys::IdKey(next_schema_id_));
    }
    status = keep_going ? txn_->CommitChunk() : txn_->Commit();
  }
  if (!status.ok()) {
    // The storage transaction is finished either way; forget everything it did.
    active_ = false;
    txn_->Rollback();
    graph_.tokens_.RollbackPending();
    key_undo_.Undo(graph_.key_caches_);
    adj_iterators_->Reset();
    overlay_.clear();
    unwritten_nodes_.clear();
    unwritten_rels_.clear();
    writer_lock_.unlock();
    return status;
  }
  // Durable: apply the writer state.
  graph_.tokens_.CommitPending();
  graph_.next_node_id_ = next_node_id_;
  graph_.next_rel_id_ = next_rel_id_;
  graph_.next_schema_id_ = next_schema_id_;
  for (SchemaId id : dropped_schema_) graph_.key_caches_.erase(id);
  dropped_schema_.clear();
  key_undo_.clear();
  adj_iterators_->Reset();
  if (graph_.label_table_) {
    for (auto& [node, set] : overlay_.labels) graph_.label_table_->Assign(node, set);
  }
  overlay_.clear();
  deleted_rels_.clear();
  if (catalog_changed_) {
    graph_.catalog_.Publish(catalog_);
    catalog_changed_ = false;
  }
  active_ = keep_going;
  if (!keep_going) writer_lock_.unlock();
  return Status::OK();
}

Status GraphWriter::Commit() { return FinishCommit(false); }

Status GraphWriter::CommitChunk() { return FinishCommit(true); }

void GraphWriter::Rollback() {
  if (!active_) return;
  active_ = false;
  txn_->Rollback();
  graph_.tokens_.RollbackPending();
  key_undo_.Undo(graph_.key_caches_);
  adj_iterators_->Reset();
  overlay_.clear();
  unwritten_nodes_.clear();
  unwritten_rels_.clear();
  stale_index_entries_.clear();
  writer_lock_.unlock();
}

}  // namespace smith::graph
