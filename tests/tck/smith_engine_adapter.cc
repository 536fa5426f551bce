#include "smith_engine_adapter.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <utility>
#include <vector>

namespace smith::tck {
namespace {

bool MentionsSchema(std::string_view query) {
  std::string upper(query);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper.find("INDEX") != std::string::npos || upper.find("CONSTRAINT") != std::string::npos;
}

}  // namespace

SmithTckEngine::SmithTckEngine(std::string scratch_dir, int reopen_every)
    : scratch_dir_(std::move(scratch_dir)), reopen_every_(std::max(1, reopen_every)) {}

SmithTckEngine::~SmithTckEngine() { CloseAndRemove(); }

void SmithTckEngine::CloseAndRemove() {
  db_.reset();
  if (!db_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(db_dir_, ec);
    db_dir_.clear();
  }
}

Status SmithTckEngine::Reopen() {
  CloseAndRemove();
  db_dir_ = scratch_dir_ + "/db" + std::to_string(generation_++);
  DatabaseOptions options;
  options.sync_commit = false;
  options.block_cache_bytes = size_t{8} << 20;
  Result<std::unique_ptr<Database>> db = Database::Open(db_dir_, options);
  if (!db.ok()) return db.status().WithContext("opening " + db_dir_);
  db_ = std::move(db).value();
  scenarios_since_open_ = 0;
  schema_touched_ = false;
  procedures_registered_ = false;
  return Status::OK();
}

Status SmithTckEngine::Clear() {
  SMITH_RETURN_IF_ERROR(Execute("MATCH (n) DETACH DELETE n", ValueMap()).status());
  SMITH_ASSIGN_OR_RETURN(TckResult count, Execute("MATCH (n) RETURN count(n) AS c", ValueMap()));
  if (count.rows.size() != 1 || count.rows[0].size() != 1 || !count.rows[0][0].is_int() ||
      count.rows[0][0].AsInt() != 0) {
    return Status::Internal("nodes remain after MATCH (n) DETACH DELETE n");
  }
  return Status::OK();
}

Status SmithTckEngine::OpenFreshDatabase() {
  ++scenarios_since_open_;
  if (!db_ || schema_touched_ || procedures_registered_ || scenarios_since_open_ > reopen_every_ ||
      !Clear().ok()) {
    return Reopen();
  }
  return Status::OK();
}

Status SmithTckEngine::RegisterProcedure(const TckProcedure& procedure) {
  if (!db_) return Status::InvalidState("no database is open");
  procedures_registered_ = true;
  const size_t inputs = procedure.signature.inputs.size();
  auto rows = procedure.rows;
  return db_->RegisterProcedure(
      procedure.signature,
      [inputs, rows](const std::vector<Value>& args) -> Result<std::vector<std::vector<Value>>> {
        std::vector<std::vector<Value>> out;
        for (const std::vector<Value>& row : rows) {
          if (!std::equal(args.begin(), args.end(), row.begin(), row.begin() + inputs)) continue;
          out.emplace_back(row.begin() + inputs, row.end());
        }
        return out;
      });
}

Result<TckResult> SmithTckEngine::Execute(std::string_view query, const ValueMap& params) {
  if (!db_) return Status::InvalidState("no database is open");
  if (MentionsSchema(query)) schema_touched_ = true;
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<QueryResult> result, db_->Run(query, params));
  TckResult out;
  out.columns = result->columns();
  std::vector<Value> record;
  while (true) {
    SMITH_ASSIGN_OR_RETURN(bool more, result->Next(&record));
    if (!more) break;
    out.rows.push_back(std::move(record));
    record.clear();
  }
  SMITH_ASSIGN_OR_RETURN(QuerySummary summary, result->Consume());
  out.counters = summary.counters;
  return out;
}

}  // namespace smith::tck
