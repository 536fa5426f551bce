#include "test_executor.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

#include "smith/database.h"
#include "value_render.h"

namespace smith::cypher_test {
namespace {

// Everything one statement produced; `status` is its first error (from Run, Next or Consume).
struct Outcome {
  Status status;
  std::vector<std::string> columns;
  std::vector<std::string> rows;  // rendered
  QuerySummary summary;
};

Outcome Execute(Database& db, const TestBlock& block) {
  Outcome outcome;
  Result<std::unique_ptr<QueryResult>> result = db.Run(block.query, block.params);
  if (!result.ok()) {
    outcome.status = result.status();
    return outcome;
  }
  QueryResult& records = **result;
  outcome.columns = records.columns();
  std::vector<Value> record;
  while (true) {
    Result<bool> more = records.Next(&record);
    if (!more.ok()) {
      outcome.status = more.status();
      return outcome;
    }
    if (!*more) break;
    outcome.rows.push_back(RenderRow(record));
    record.clear();
  }
  Result<QuerySummary> summary = records.Consume();
  if (!summary.ok()) {
    outcome.status = summary.status();
    return outcome;
  }
  outcome.summary = std::move(summary).value();
  return outcome;
}

// Each message line without trailing blanks, so that expectations (trimmed by the parser) can
// quote caret lines exactly.
std::string TrimLineEnds(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (pos > 0) out += '\n';
    out += line;
    pos = end + 1;
  }
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += lines[i];
  }
  return out;
}

// The counter named `name`, or nullptr for an unknown name.
const int64_t* FindCounter(const QueryCounters& c, std::string_view name) {
  if (name == "nodes_created") return &c.nodes_created;
  if (name == "nodes_deleted") return &c.nodes_deleted;
  if (name == "relationships_created") return &c.relationships_created;
  if (name == "relationships_deleted") return &c.relationships_deleted;
  if (name == "properties_set") return &c.properties_set;
  if (name == "labels_added") return &c.labels_added;
  if (name == "labels_removed") return &c.labels_removed;
  if (name == "indexes_added") return &c.indexes_added;
  if (name == "indexes_removed") return &c.indexes_removed;
  if (name == "constraints_added") return &c.constraints_added;
  if (name == "constraints_removed") return &c.constraints_removed;
  return nullptr;
}

// Compares the `name: value` expectations of a `statement ok` with the summary; returns the
// mismatches, one per line, empty when all hold.
std::string CheckCounters(const std::vector<std::string>& expected, const QuerySummary& summary) {
  std::string problems;
  for (const std::string& line : expected) {
    size_t colon = line.find(':');
    std::string name = line.substr(0, colon);
    std::string want = colon == std::string::npos ? "" : line.substr(colon + 1);
    want.erase(0, want.find_first_not_of(' '));
    std::string got;
    if (name == "query_type") {
      got = summary.query_type;
    } else if (const int64_t* counter = FindCounter(summary.counters, name)) {
      got = std::to_string(*counter);
    } else {
      problems += "  unknown counter '" + name + "'\n";
      continue;
    }
    if (got != want) problems += "  " + name + ": expected " + want + ", got " + got + "\n";
  }
  return problems;
}

// Whether `code` is one of the `|`-separated Neo4j status codes of `accepted`.
bool CodeAccepted(std::string_view accepted, StatusCode code) {
  const std::string_view name = StatusCodeName(code);
  while (true) {
    const size_t bar = accepted.find('|');
    if (accepted.substr(0, bar) == name) return true;
    if (bar == std::string_view::npos) return false;
    accepted.remove_prefix(bar + 1);
  }
}

void Indent(std::string_view text, std::string_view prefix, std::ostream& out) {
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    out << prefix << text.substr(pos, end - pos) << "\n";
    pos = end + 1;
  }
}

class FileRun {
 public:
  FileRun(const TestFile& file, std::string db_dir, std::ostream& out)
      : file_(file), db_dir_(std::move(db_dir)), out_(out) {}

  Status Open() {
    db_.reset();
    DatabaseOptions options;
    options.sync_commit = false;
    Result<std::unique_ptr<Database>> db = Database::Open(db_dir_, options);
    if (!db.ok()) return db.status().WithContext("opening " + db_dir_);
    db_ = std::move(db).value();
    return Status::OK();
  }

  void Close() { db_.reset(); }

  Result<FileOutcome> Run() {
    FileOutcome outcome;
    for (const TestBlock& block : file_.blocks) {
      if (block.kind == BlockKind::kReopen) {
        SMITH_RETURN_IF_ERROR(Open());
        continue;
      }
      ++outcome.cases;
      if (RunBlock(block)) {
        ++outcome.passed;
      } else {
        ++outcome.failed;
      }
    }
    return outcome;
  }

 private:
  bool Fail(const TestBlock& block, std::string_view what, std::string_view expected,
            std::string_view actual) {
    out_ << file_.path << ":" << block.line << ": FAILED: " << what << "\n";
    Indent(block.query, "    ", out_);
    if (!block.params.empty())
      out_ << "  with params " << RenderValue(Value::Map(block.params)) << "\n";
    out_ << "  expected:\n";
    Indent(expected, "    ", out_);
    out_ << "  actual:\n";
    Indent(actual, "    ", out_);
    out_ << "\n";
    return false;
  }

  static std::string Describe(const Outcome& o) {
    if (!o.status.ok()) return o.status.ToString();
    std::vector<std::string> lines{RenderHeader(o.columns)};
    lines.insert(lines.end(), o.rows.begin(), o.rows.end());
    return Join(lines);
  }

  bool RunBlock(const TestBlock& block) {
    Outcome o = Execute(*db_, block);
    switch (block.kind) {
      case BlockKind::kStatementOk: {
        if (!o.status.ok()) return Fail(block, "statement failed", "success", o.status.ToString());
        std::string problems = CheckCounters(block.expected, o.summary);
        if (!problems.empty())
          return Fail(block, "counters differ", Join(block.expected), problems);
        return true;
      }
      case BlockKind::kStatementError: {
        std::string expected = block.error_code.empty() ? "an error" : block.error_code;
        if (!block.expected.empty())
          expected += " with message containing:\n" + Join(block.expected);
        if (o.status.ok()) return Fail(block, "statement succeeded", expected, Describe(o));
        if (!block.error_code.empty() && !CodeAccepted(block.error_code, o.status.code())) {
          return Fail(block, "wrong error code", expected, o.status.ToString());
        }
        if (!block.expected.empty() &&
            TrimLineEnds(o.status.message()).find(Join(block.expected)) == std::string::npos) {
          return Fail(block, "wrong error message", expected, o.status.ToString());
        }
        return true;
      }
      case BlockKind::kQuery: {
        if (!o.status.ok()) return Fail(block, "query failed", Join(block.expected), Describe(o));
        std::vector<std::string> expected_rows(block.expected.begin() + 1, block.expected.end());
        std::vector<std::string> actual_rows = o.rows;
        bool same = RenderHeader(o.columns) == block.expected[0];
        if (block.unordered) {
          std::sort(expected_rows.begin(), expected_rows.end());
          std::sort(actual_rows.begin(), actual_rows.end());
        }
        same = same && expected_rows == actual_rows;
        if (!same) {
          return Fail(block, block.unordered ? "wrong result (unordered)" : "wrong result",
                      Join(block.expected), Describe(o));
        }
        return true;
      }
      case BlockKind::kPlan: {
        if (!o.status.ok()) return Fail(block, "query failed", Join(block.expected), Describe(o));
        size_t pos = 0;
        for (const std::string& fragment : block.expected) {
          size_t found = o.summary.plan.find(fragment, pos);
          if (found == std::string::npos) {
            return Fail(block, "plan lacks '" + fragment + "' (fragments must appear in order)",
                        Join(block.expected), o.summary.plan);
          }
          pos = found + fragment.size();
        }
        return true;
      }
      case BlockKind::kReopen:
        break;
    }
    return true;
  }

  const TestFile& file_;
  std::string db_dir_;
  std::ostream& out_;
  std::unique_ptr<Database> db_;
};

}  // namespace

Result<FileOutcome> RunTestFile(const TestFile& file, const std::string& scratch_dir,
                                std::ostream& out) {
  std::string pattern = scratch_dir + "/smith-cypher-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    return Status::IOError("cannot create a directory under " + scratch_dir);
  }
  const std::string dir = pattern;
  Result<FileOutcome> outcome = [&]() -> Result<FileOutcome> {
    FileRun run(file, dir + "/db", out);
    SMITH_RETURN_IF_ERROR(run.Open());
    Result<FileOutcome> result = run.Run();
    run.Close();
    return result;
  }();
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return outcome;
}

}  // namespace smith::cypher_test
