#include "graph/bulk_import.h"

#include <charconv>
#include <chrono>

#include "common/coding.h"

namespace smith::graph {

using bulk::ColumnRole;
using bulk::CsvColumn;
using bulk::CsvField;
using bulk::CsvReader;
using bulk::MappedFile;

namespace {

constexpr uint64_t kProgressRows = 1 << 16;

std::string_view TrimId(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string QuoteId(std::string_view id) { return "'" + std::string(id) + "'"; }

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Splits "A;B" (skipping empty parts).
template <typename Fn>
void ForEachPart(std::string_view text, char delimiter, Fn fn) {
  while (!text.empty()) {
    const size_t cut = text.find(delimiter);
    std::string_view part = text.substr(0, cut);
    if (!part.empty()) fn(part);
    if (cut == std::string_view::npos) break;
    text.remove_prefix(cut + 1);
  }
}

// Iterates the records of a CSV group: the first file's first record is the header.
class GroupReader {
 public:
  explicit GroupReader(const CsvGroup& group, const bulk::CsvDialect& dialect)
      : group_(group), dialect_(dialect) {}

  Status OpenNext() {
    reader_.reset();
    file_.reset();
    if (next_ >= group_.files.size()) return Status::OK();
    SMITH_ASSIGN_OR_RETURN(file_, MappedFile::Open(group_.files[next_]));
    ++next_;
    reader_ = std::make_unique<CsvReader>(file_->data(), dialect_);
    last_offset_ = 0;
    return Status::OK();
  }

  // Next record of the group; false when all files are done.
  Result<bool> Next(std::vector<CsvField>* fields) {
    for (;;) {
      if (reader_ == nullptr) {
        if (next_ >= group_.files.size()) return false;
        SMITH_RETURN_IF_ERROR(OpenNext());
      }
      Result<bool> got = reader_->Next(fields);
      if (!got.ok()) {
        return Status(got.status().code(),
                      file_->path() + ": " + std::string(got.status().message()));
      }
      if (*got) return true;
      consumed_ += file_->data().size() - last_offset_;
      last_offset_ = 0;
      reader_.reset();
      file_.reset();
    }
  }

  // Bytes read since the last call.
  uint64_t TakeBytes() {
    if (reader_ == nullptr) {
      uint64_t n = consumed_;
      consumed_ = 0;
      return n;
    }
    const uint64_t now = reader_->offset();
    uint64_t n = consumed_ + (now - last_offset_);
    consumed_ = 0;
    last_offset_ = now;
    return n;
  }

  std::string_view file() const { return file_ ? std::string_view(file_->path()) : ""; }
  uint64_t line() const { return reader_ ? reader_->record_line() : 0; }

 private:
  const CsvGroup& group_;
  bulk::CsvDialect dialect_;
  size_t next_ = 0;
  std::unique_ptr<MappedFile> file_;
  std::unique_ptr<CsvReader> reader_;
  uint64_t last_offset_ = 0;
  uint64_t consumed_ = 0;
};

}  // namespace

BulkImporter::~BulkImporter() = default;

Result<std::unique_ptr<BulkImporter>> BulkImporter::Open(const std::string& path,
                                                         ImportOptions options) {
  std::unique_ptr<BulkImporter> importer(new BulkImporter(std::move(options)));
  SMITH_ASSIGN_OR_RETURN(importer->loader_, BulkLoader::Open(path));
  importer->first_node_id_ = importer->loader_->next_node_id();
  return importer;
}

Status BulkImporter::RowError(const SourcePos& at, const Status& error) {
  std::string where = std::string(at.file) + ":" + std::to_string(at.line);
  if (at.column > 0) {
    where += ":" + std::to_string(at.column);
    if (!at.column_name.empty()) where += " (column '" + std::string(at.column_name) + "')";
  }
  std::string message = where + ": " + std::string(error.message());
  if (!options_.skip_bad_rows) {
    failed_on_row_ = true;
    return Status(error.code(), message);
  }
  ++bad_rows_;
  if (options_.report) options_.report(message);
  return Status::OK();
}

uint32_t BulkImporter::FileIndex(std::string_view file) {
  if (files_.empty() || files_.back() != file) files_.emplace_back(file);
  return static_cast<uint32_t>(files_.size() - 1);
}

std::string BulkImporter::DescribeOrigin(NodeId node) const {
  if (node < first_node_id_ || node - first_node_id_ >= node_origins_.size()) return "";
  const Origin& o = node_origins_[node - first_node_id_];
  return " (imported from " + files_[o.file] + ":" + std::to_string(o.line) + ")";
}

Status BulkImporter::NormalizeId(std::string_view text, std::string* key) const {
  key->clear();
  if (options_.id_type == ImportOptions::IdType::kString) {
    key->assign(text);
    return Status::OK();
  }
  std::string_view t = TrimId(text);
  if (t.starts_with('+')) t.remove_prefix(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size() || t.empty()) {
    return Status::InvalidArgument("id " + QuoteId(text) +
                                   " is not an integer (--id-type=integer)");
  }
  PutFixed64BE(static_cast<uint64_t>(v), key);
  return Status::OK();
}

BulkImporter::IdMap& BulkImporter::Space(std::string_view name) {
  auto it = spaces_.find(std::string(name));
  if (it != spaces_.end()) return it->second;
  return spaces_.emplace(std::string(name), IdMap()).first->second;
}

Result<TokenId> BulkImporter::PropertyToken(std::string_view name) {
  auto it = property_tokens_.find(std::string(name));
  if (it != property_tokens_.end()) return it->second;
  SMITH_ASSIGN_OR_RETURN(TokenId id, loader_->Token(TokenKind::kPropertyKey, name));
  property_tokens_.emplace(std::string(name), id);
  return id;
}

void BulkImporter::ReportProgress() {
  if (!options_.progress) return;
  ImportProgress p;
  p.bytes_read = bytes_done_;
  p.nodes = loader_->stats().nodes;
  p.relationships = loader_->stats().relationships;
  p.bad_rows = bad_rows_;
  options_.progress(p);
}

void BulkImporter::AddReadSeconds(bool relationships, double seconds) {
  (relationships ? summary_.relationship_seconds : summary_.node_seconds) += seconds;
}

Status BulkImporter::AddSchemaObject(const SourcePos& at, SchemaKind kind, EntityKind entity,
                                     std::string name, std::string_view token,
                                     const std::vector<std::string>& properties) {
  auto add = [&]() -> Status {
    SMITH_ASSIGN_OR_RETURN(
        TokenId t,
        loader_->Token(entity == EntityKind::kNode ? TokenKind::kLabel : TokenKind::kRelType,
                       token));
    std::vector<TokenId> keys;
    for (const std::string& p : properties) {
      SMITH_ASSIGN_OR_RETURN(TokenId k, PropertyToken(p));
      keys.push_back(k);
    }
    return loader_->AddSchemaObject(kind, entity, std::move(name), t, std::move(keys)).status();
  };
  Status status = add();
  if (status.ok()) return status;
  // Schema errors are never "bad rows": leaving a constraint out would change what the data means.
  return Status(status.code(), std::string(at.file) + ":" + std::to_string(at.line) + ": " +
                                   std::string(status.message()));
}

Status BulkImporter::AddNode(const SourcePos& at, std::string_view id_space, const std::string* id,
                             std::span<const std::string> labels, PropertyEntries properties) {
  std::vector<TokenId> label_ids;
  for (const std::string& l : labels) {
    Result<TokenId> t = loader_->Token(TokenKind::kLabel, l);
    if (!t.ok()) return RowError(at, t.status());
    label_ids.push_back(*t);
  }
  PropertyList props;
  for (auto& [name, value] : properties) {
    Result<TokenId> t = PropertyToken(name);
    if (!t.ok()) return RowError(at, t.status());
    props.emplace_back(*t, std::move(value));
  }
  std::string key;
  IdMap* space = nullptr;
  if (id != nullptr) {
    Status s = NormalizeId(*id, &key);
    if (!s.ok()) return RowError(at, s);
    space = &Space(id_space);
    std::optional<uint64_t> hit = space->Find(key);
    if (hit) {
      return RowError(at, Status::ConstraintViolation(
                              "duplicate node id " + QuoteId(*id) +
                              (id_space.empty() ? std::string()
                                                : " in ID space '" + std::string(id_space) + "'") +
                              DescribeOrigin(*hit)));
    }
  }
  uint64_t conflict = 0;
  Result<NodeId> node = loader_->AddNode(label_ids, std::move(props), &conflict);
  if (!node.ok()) {
    Status s = node.status();
    if (s.code() == StatusCode::kConstraintViolation) {
      s = Status(s.code(), std::string(s.message()) + DescribeOrigin(conflict));
    }
    return RowError(at, s);
  }
  if (space != nullptr) space->Insert(key, *node);
  node_origins_.push_back(Origin{FileIndex(at.file), at.line});
  if (loader_->stats().nodes % kProgressRows == 0) ReportProgress();
  return Status::OK();
}

Status BulkImporter::AddRelationship(const SourcePos& at, std::string_view type,
                                     std::string_view id_space, const std::string& start,
                                     const std::string& end, PropertyEntries properties) {
  if (type.empty()) return RowError(at, Status::InvalidArgument("the relationship has no type"));
  Result<TokenId> t = loader_->Token(TokenKind::kRelType, type);
  if (!t.ok()) return RowError(at, t.status());
  NodeId ends[2] = {0, 0};
  const std::string* ids[2] = {&start, &end};
  std::string key;
  for (int i = 0; i < 2; ++i) {
    Status s = NormalizeId(*ids[i], &key);
    if (!s.ok()) return RowError(at, s);
    IdMap& space = Space(id_space);
    std::optional<uint64_t> hit = space.Find(key);
    if (!hit) {
      return RowError(at, Status::NotFound(std::string(i == 0 ? "start" : "end") + " node " +
                                           QuoteId(*ids[i]) + " was not imported" +
                                           (id_space.empty()
                                                ? std::string()
                                                : " in ID space '" + std::string(id_space) + "'")));
    }
    ends[i] = *hit;
  }
  PropertyList props;
  for (auto& [name, value] : properties) {
    Result<TokenId> k = PropertyToken(name);
    if (!k.ok()) return RowError(at, k.status());
    props.emplace_back(*k, std::move(value));
  }
  Result<RelId> rel = loader_->AddRelationship(*t, ends[0], ends[1], std::move(props));
  if (!rel.ok()) return RowError(at, rel.status());
  if (loader_->stats().relationships % kProgressRows == 0) ReportProgress();
  return Status::OK();
}

Status BulkImporter::ImportNodesCsv(const CsvGroup& group) {
  const auto started = std::chrono::steady_clock::now();
  GroupReader reader(group, options_.dialect);
  std::vector<CsvField> fields;
  SMITH_ASSIGN_OR_RETURN(bool has_header, reader.Next(&fields));
  if (!has_header) return Status::OK();  // empty files: nothing to import
  const std::string header_file(reader.file());
  Result<std::vector<CsvColumn>> parsed = bulk::ParseCsvHeader(fields, false);
  if (!parsed.ok()) {
    return Status(parsed.status().code(),
                  header_file + ": " + std::string(parsed.status().message()));
  }
  const std::vector<CsvColumn> columns = std::move(*parsed);
  // Per column: the property token (property columns and named ID columns).
  std::vector<TokenId> tokens(columns.size(), 0);
  size_t id_column = columns.size();
  for (size_t i = 0; i < columns.size(); ++i) {
    const CsvColumn& c = columns[i];
    if (c.role == ColumnRole::kId) id_column = i;
    if (c.role == ColumnRole::kProperty || (c.role == ColumnRole::kId && !c.name.empty())) {
      Result<TokenId> t = PropertyToken(c.name);
      if (!t.ok()) {
        return Status(t.status().code(), header_file + ": header, column " + std::to_string(i + 1) +
                                             ": " + std::string(t.status().message()));
      }
      tokens[i] = *t;
    }
  }
  std::vector<TokenId> group_labels;
  for (const std::string& l : group.labels) {
    SMITH_ASSIGN_OR_RETURN(TokenId t, loader_->Token(TokenKind::kLabel, l));
    group_labels.push_back(t);
  }
  std::unordered_map<std::string, TokenId> label_cache;
  std::vector<TokenId> labels;
  std::string key;
  uint32_t file_index = FileIndex(reader.file());
  std::string current_file(reader.file());
  uint64_t rows = 0;
  for (;;) {
    SMITH_ASSIGN_OR_RETURN(bool more, reader.Next(&fields));
    if (!more) break;
    if (reader.file() != current_file) {
      current_file = std::string(reader.file());
      file_index = FileIndex(current_file);
    }
    SourcePos at{current_file, reader.line(), 0, {}};
    if (++rows % kProgressRows == 0) {
      bytes_done_ += reader.TakeBytes();
      ReportProgress();
    }
    if (fields.size() != columns.size()) {
      SMITH_RETURN_IF_ERROR(RowError(
          at,
          Status::InvalidArgument("the row has " + std::to_string(fields.size()) +
                                  " fields but the header has " + std::to_string(columns.size()))));
      continue;
    }
    labels = group_labels;
    PropertyList props;
    props.reserve(columns.size());
    Status row_error;
    for (size_t i = 0; i < columns.size() && row_error.ok(); ++i) {
      const CsvColumn& c = columns[i];
      at.column = i + 1;
      at.column_name = c.header;
      switch (c.role) {
        case ColumnRole::kLabel:
          ForEachPart(fields[i].text, options_.dialect.array_delimiter, [&](std::string_view l) {
            if (!row_error.ok()) return;
            auto hit = label_cache.find(std::string(l));
            if (hit != label_cache.end()) {
              labels.push_back(hit->second);
              return;
            }
            Result<TokenId> t = loader_->Token(TokenKind::kLabel, l);
            if (!t.ok()) {
              row_error = t.status();
              return;
            }
            label_cache.emplace(std::string(l), *t);
            labels.push_back(*t);
          });
          break;
        case ColumnRole::kId:
          if (!c.name.empty() && !fields[i].text.empty()) {
            if (options_.id_type == ImportOptions::IdType::kInteger) {
              row_error = NormalizeId(fields[i].text, &key);
              if (row_error.ok()) {
                props.emplace_back(tokens[i],
                                   Value::Int(static_cast<int64_t>(DecodeFixed64BE(key.data()))));
              }
            } else {
              props.emplace_back(tokens[i], Value::String(fields[i].text));
            }
          }
          break;
        case ColumnRole::kProperty: {
          Value v;
          row_error = bulk::ConvertCsvField(c, fields[i], options_.dialect, &v);
          if (row_error.ok() && !v.is_null()) props.emplace_back(tokens[i], std::move(v));
          break;
        }
        default:
          break;
      }
    }
    if (!row_error.ok()) {
      SMITH_RETURN_IF_ERROR(RowError(at, row_error));
      continue;
    }
    at.column = 0;
    at.column_name = {};
    IdMap* space = nullptr;
    if (id_column < columns.size() && !fields[id_column].text.empty()) {
      at.column = id_column + 1;
      at.column_name = columns[id_column].header;
      Status s = NormalizeId(fields[id_column].text, &key);
      if (!s.ok()) {
        SMITH_RETURN_IF_ERROR(RowError(at, s));
        continue;
      }
      space = &Space(columns[id_column].id_space);
      std::optional<uint64_t> hit = space->Find(key);
      if (hit) {
        const std::string& name = columns[id_column].id_space;
        SMITH_RETURN_IF_ERROR(
            RowError(at, Status::ConstraintViolation(
                             "duplicate node id " + QuoteId(fields[id_column].text) +
                             (name.empty() ? std::string() : " in ID space '" + name + "'") +
                             DescribeOrigin(*hit))));
        continue;
      }
      at.column = 0;
      at.column_name = {};
    }
    uint64_t conflict = 0;
    Result<NodeId> node = loader_->AddNode(labels, std::move(props), &conflict);
    if (!node.ok()) {
      Status s = node.status();
      if (s.code() == StatusCode::kConstraintViolation) {
        s = Status(s.code(), std::string(s.message()) + DescribeOrigin(conflict));
      }
      SMITH_RETURN_IF_ERROR(RowError(at, s));
      continue;
    }
    if (space != nullptr) space->Insert(key, *node);
    node_origins_.push_back(Origin{file_index, at.line});
  }
  bytes_done_ += reader.TakeBytes();
  ReportProgress();
  summary_.node_seconds += SecondsSince(started);
  return Status::OK();
}

Status BulkImporter::ImportRelationshipsCsv(const CsvGroup& group) {
  const auto started = std::chrono::steady_clock::now();
  GroupReader reader(group, options_.dialect);
  std::vector<CsvField> fields;
  SMITH_ASSIGN_OR_RETURN(bool has_header, reader.Next(&fields));
  if (!has_header) return Status::OK();
  const std::string header_file(reader.file());
  Result<std::vector<CsvColumn>> parsed = bulk::ParseCsvHeader(fields, true);
  if (!parsed.ok()) {
    return Status(parsed.status().code(),
                  header_file + ": " + std::string(parsed.status().message()));
  }
  const std::vector<CsvColumn> columns = std::move(*parsed);
  std::vector<TokenId> tokens(columns.size(), 0);
  size_t start_column = 0;
  size_t end_column = 0;
  size_t type_column = columns.size();
  for (size_t i = 0; i < columns.size(); ++i) {
    const CsvColumn& c = columns[i];
    if (c.role == ColumnRole::kStartId) start_column = i;
    if (c.role == ColumnRole::kEndId) end_column = i;
    if (c.role == ColumnRole::kType) type_column = i;
    if (c.role == ColumnRole::kProperty) {
      Result<TokenId> t = PropertyToken(c.name);
      if (!t.ok()) {
        return Status(t.status().code(), header_file + ": header, column " + std::to_string(i + 1) +
                                             ": " + std::string(t.status().message()));
      }
      tokens[i] = *t;
    }
  }
  std::optional<TokenId> group_type;
  if (!group.type.empty()) {
    SMITH_ASSIGN_OR_RETURN(TokenId t, loader_->Token(TokenKind::kRelType, group.type));
    group_type = t;
  }
  IdMap& start_space = Space(columns[start_column].id_space);
  IdMap& end_space = Space(columns[end_column].id_space);
  std::unordered_map<std::string, TokenId> type_cache;
  std::string key;
  std::string current_file(reader.file());
  uint64_t rows = 0;
  for (;;) {
    SMITH_ASSIGN_OR_RETURN(bool more, reader.Next(&fields));
    if (!more) break;
    if (reader.file() != current_file) current_file = std::string(reader.file());
    SourcePos at{current_file, reader.line(), 0, {}};
    if (++rows % kProgressRows == 0) {
      bytes_done_ += reader.TakeBytes();
      ReportProgress();
    }
    if (fields.size() != columns.size()) {
      SMITH_RETURN_IF_ERROR(RowError(
          at,
          Status::InvalidArgument("the row has " + std::to_string(fields.size()) +
                                  " fields but the header has " + std::to_string(columns.size()))));
      continue;
    }
    std::optional<TokenId> type = group_type;
    if (type_column < columns.size() && !fields[type_column].text.empty()) {
      std::string_view name = fields[type_column].text;
      auto hit = type_cache.find(std::string(name));
      if (hit != type_cache.end()) {
        type = hit->second;
      } else {
        Result<TokenId> t = loader_->Token(TokenKind::kRelType, name);
        if (!t.ok()) {
          SMITH_RETURN_IF_ERROR(RowError(
              {current_file, at.line, type_column + 1, columns[type_column].header}, t.status()));
          continue;
        }
        type_cache.emplace(std::string(name), *t);
        type = *t;
      }
    }
    if (!type) {
      SMITH_RETURN_IF_ERROR(RowError(
          at, Status::InvalidArgument("the relationship has no type (no :TYPE value and no "
                                      "--relationships=TYPE)")));
      continue;
    }
    NodeId ends[2] = {0, 0};
    Status row_error;
    for (int e = 0; e < 2 && row_error.ok(); ++e) {
      const size_t col = e == 0 ? start_column : end_column;
      at.column = col + 1;
      at.column_name = columns[col].header;
      row_error = NormalizeId(fields[col].text, &key);
      if (!row_error.ok()) break;
      IdMap& space = e == 0 ? start_space : end_space;
      std::optional<uint64_t> hit = space.Find(key);
      if (!hit) {
        const std::string& name = columns[col].id_space;
        row_error = Status::NotFound(
            std::string(e == 0 ? "start" : "end") + " node " + QuoteId(fields[col].text) +
            " was not imported" + (name.empty() ? std::string() : " in ID space '" + name + "'"));
        break;
      }
      ends[e] = *hit;
    }
    PropertyList props;
    for (size_t i = 0; i < columns.size() && row_error.ok(); ++i) {
      if (columns[i].role != ColumnRole::kProperty) continue;
      at.column = i + 1;
      at.column_name = columns[i].header;
      Value v;
      row_error = bulk::ConvertCsvField(columns[i], fields[i], options_.dialect, &v);
      if (row_error.ok() && !v.is_null()) props.emplace_back(tokens[i], std::move(v));
    }
    if (!row_error.ok()) {
      SMITH_RETURN_IF_ERROR(RowError(at, row_error));
      continue;
    }
    at.column = 0;
    at.column_name = {};
    Result<RelId> rel = loader_->AddRelationship(*type, ends[0], ends[1], std::move(props));
    if (!rel.ok()) SMITH_RETURN_IF_ERROR(RowError(at, rel.status()));
  }
  bytes_done_ += reader.TakeBytes();
  ReportProgress();
  summary_.relationship_seconds += SecondsSince(started);
  return Status::OK();
}

Result<ImportSummary> BulkImporter::Commit(const BulkProgressFn& progress) {
  const auto started = std::chrono::steady_clock::now();
  SMITH_ASSIGN_OR_RETURN(summary_.stats, loader_->Commit(progress));
  summary_.commit_seconds = SecondsSince(started);
  summary_.bad_rows = bad_rows_;
  return summary_;
}

}  // namespace smith::graph
