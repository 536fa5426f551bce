// BulkImporter: turns import files into BulkLoader calls: Neo4j bulk-import CSV files (node and
// relationship groups, ID spaces, typed columns) and, through the element-level methods, any
// other format (the CLI reads JSONL with them).
//
// Row errors: a row that cannot be imported (bad value, wrong field count, unknown or duplicate
// id, constraint violation, ...) is either an error that ends the import (the default; the
// returned Status names file, line and column) or, with skip_bad_rows, a line passed to
// `report` ("FILE:LINE:COLUMN: message") and the row is left out. Errors that are not about one
// row (unreadable file, bad header, database not empty) always end the import. Nothing reaches
// the database before Commit, so an import that ends in an error imports nothing.
//
// ID spaces: every :ID / :START_ID / :END_ID column names an ID space (`id:ID(Person)`; no name
// is the global space). Ids are unique within their space; a relationship's start and end are
// looked up in the spaces its columns name. Ids are compared as text, or as integers with
// IdType::kInteger (then " 007" and "7" are the same id, and a named ID column stores an integer
// property). All node inputs must be imported before the relationship inputs that use them.
//
// Thread safety: one thread at a time.
#ifndef SMITH_GRAPH_BULK_IMPORT_H_
#define SMITH_GRAPH_BULK_IMPORT_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/value.h"
#include "graph/bulk_csv.h"
#include "graph/bulk_loader.h"
#include "graph/key_table.h"

namespace smith::graph {

struct ImportProgress {
  uint64_t bytes_read = 0;  // of all inputs read so far (as reported with AddBytesRead)
  uint64_t nodes = 0;
  uint64_t relationships = 0;
  uint64_t bad_rows = 0;
};

struct ImportOptions {
  bulk::CsvDialect dialect;
  enum class IdType { kString, kInteger };
  IdType id_type = IdType::kString;
  // Leave bad rows out (reporting each to `report`) instead of failing. Default: false.
  bool skip_bad_rows = false;
  std::function<void(std::string_view line)> report;
  // Called about every 64k rows while reading.
  std::function<void(const ImportProgress&)> progress;
};

// A group of CSV files read as one: the header is the first line of the first file.
struct CsvGroup {
  std::vector<std::string> files;
  std::vector<std::string> labels;  // node groups: labels every node gets
  std::string type;                 // relationship groups: type for rows without :TYPE
};

// Where an element came from, for messages. `column` 0 means the whole row.
struct SourcePos {
  std::string_view file;
  uint64_t line = 0;
  size_t column = 0;
  std::string_view column_name;
};

struct ImportSummary {
  BulkLoadStats stats;
  uint64_t bad_rows = 0;
  double node_seconds = 0;          // reading node inputs
  double relationship_seconds = 0;  // reading relationship inputs
  double commit_seconds = 0;        // sorting, writing and ingesting
};

using PropertyEntries = std::vector<std::pair<std::string, Value>>;

class BulkImporter {
 public:
  // Opens the loader on `path` (see BulkLoader::Open).
  static Result<std::unique_ptr<BulkImporter>> Open(const std::string& path, ImportOptions options);
  ~BulkImporter();
  BulkImporter(const BulkImporter&) = delete;
  BulkImporter& operator=(const BulkImporter&) = delete;

  Status ImportNodesCsv(const CsvGroup& group);
  Status ImportRelationshipsCsv(const CsvGroup& group);

  // Element-level input. Row errors follow the skip_bad_rows rule (OK when the row was skipped).
  Status AddSchemaObject(const SourcePos& at, SchemaKind kind, EntityKind entity, std::string name,
                         std::string_view token, const std::vector<std::string>& properties);
  // `id` (may be null: the node cannot be referenced) is registered in `id_space`.
  Status AddNode(const SourcePos& at, std::string_view id_space, const std::string* id,
                 std::span<const std::string> labels, PropertyEntries properties);
  Status AddRelationship(const SourcePos& at, std::string_view type, std::string_view id_space,
                         const std::string& start, const std::string& end,
                         PropertyEntries properties);
  // A row error at `at` ("FILE:LINE[:COLUMN (column 'header')]: message"): with skip_bad_rows
  // reports it and returns OK (the caller leaves the row out), else returns it.
  Status RowError(const SourcePos& at, const Status& error);
  // Adds to the byte count reported to `progress` (element-level readers report their reading).
  void AddBytesRead(uint64_t bytes) { bytes_done_ += bytes; }
  void AddReadSeconds(bool relationships, double seconds);

  uint64_t bad_rows() const { return bad_rows_; }
  // Whether the last error returned was a row error (one that skip_bad_rows would have skipped).
  bool failed_on_row() const { return failed_on_row_; }
  BulkLoader& loader() { return *loader_; }

  // Commits the loader (see BulkLoader::Commit).
  Result<ImportSummary> Commit(const BulkProgressFn& progress = nullptr);

 private:
  using IdMap = KeyTable;
  struct Origin {
    uint32_t file;
    uint64_t line;
  };

  explicit BulkImporter(ImportOptions options) : options_(std::move(options)) {}
  uint32_t FileIndex(std::string_view file);
  std::string DescribeOrigin(NodeId node) const;
  // Normalizes an id per IdType; InvalidArgument for a non-integer with kInteger.
  Status NormalizeId(std::string_view text, std::string* key) const;
  IdMap& Space(std::string_view name);
  Result<TokenId> PropertyToken(std::string_view name);
  void ReportProgress();

  ImportOptions options_;
  std::unique_ptr<BulkLoader> loader_;
  std::unordered_map<std::string, IdMap> spaces_;
  std::unordered_map<std::string, TokenId> property_tokens_;
  std::vector<std::string> files_;
  std::vector<Origin> node_origins_;  // index = node id - first node id
  NodeId first_node_id_ = 0;
  uint64_t bad_rows_ = 0;
  bool failed_on_row_ = false;
  uint64_t bytes_done_ = 0;
  ImportSummary summary_;
};

}  // namespace smith::graph

#endif  // SMITH_GRAPH_BULK_IMPORT_H_
