// The shell's meta commands (`:help` lists them).
#include <fstream>
#include <ostream>
#include <vector>

#include "cypher_literal.h"
#include "params.h"
#include "shell.h"
#include "table_printer.h"

namespace smith::cli {

namespace {

constexpr int kMaxSourceDepth = 16;

constexpr const char* kMetaHelp =
    "Statements: Cypher ending with ';' (may span lines). Meta commands:\n"
    "  :help                     this help\n"
    "  :schema                   labels and relationship types with counts, constraints, "
    "indexes\n"
    "  :param name => value      set parameter $name (a Cypher expression or JSON)\n"
    "  :param {a: 1, b: 'x'}     set several parameters from a map\n"
    "  :params                   list the parameters; `:params clear` removes them all\n"
    "  :source FILE              run the statements of FILE (stops at the first error)\n"
    "  :begin / :commit / :rollback   explicit transaction (prompt smith#)\n"
    "  :quit                     leave (also :exit or Ctrl-D)\n"
    "Line editing: arrows, Ctrl-A/E/K/U/W, Up/Down and Ctrl-R through the history.\n";

// The rows of `query` (no parameters); errors end the whole command.
Result<std::vector<std::vector<Value>>> Rows(Database& db, const std::string& query) {
  SMITH_ASSIGN_OR_RETURN(std::unique_ptr<QueryResult> result, db.Run(query));
  std::vector<std::vector<Value>> rows;
  std::vector<Value> record;
  while (true) {
    SMITH_ASSIGN_OR_RETURN(bool more, result->Next(&record));
    if (!more) break;
    rows.push_back(record);
  }
  return rows;
}

std::string JoinStrings(const Value& list) {
  std::string out;
  if (!list.is_list()) return out;
  for (const Value& v : list.AsList()) {
    if (!out.empty()) out += ", ";
    out += v.is_string() ? std::string(v.AsString()) : v.ToString();
  }
  return out;
}

Status PrintCounts(Database& db, std::ostream& out, const char* title, const char* names_query,
                   bool labels) {
  SMITH_ASSIGN_OR_RETURN(auto names, Rows(db, names_query));
  TablePrinter table(out, {title, "count"});
  for (const auto& row : names) {
    const std::string name(row[0].AsString());
    const std::string pattern =
        labels ? "MATCH (x:" + CypherName(name) + ")" : "MATCH ()-[x:" + CypherName(name) + "]->()";
    SMITH_ASSIGN_OR_RETURN(auto count, Rows(db, pattern + " RETURN count(x)"));
    table.AddRow({name, count.at(0).at(0).ToString()});
  }
  table.Finish();
  return Status::OK();
}

Status PrintSchema(Database& db, std::ostream& out) {
  SMITH_RETURN_IF_ERROR(PrintCounts(
      db, out, "label", "CALL db.labels() YIELD label RETURN label ORDER BY label", true));
  SMITH_RETURN_IF_ERROR(
      PrintCounts(db, out, "relationship type",
                  "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType "
                  "ORDER BY relationshipType",
                  false));
  SMITH_ASSIGN_OR_RETURN(
      auto constraints,
      Rows(db,
           "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties "
           "RETURN name, type, entityType, labelsOrTypes, properties ORDER BY name"));
  TablePrinter ctable(out, {"constraint", "type", "on", "properties"});
  for (const auto& row : constraints) {
    ctable.AddRow({std::string(row[0].AsString()), std::string(row[1].AsString()),
                   std::string(row[2].AsString()) + " " + JoinStrings(row[3]),
                   JoinStrings(row[4])});
  }
  ctable.Finish();
  SMITH_ASSIGN_OR_RETURN(
      auto indexes,
      Rows(db,
           "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, "
           "owningConstraint RETURN name, type, entityType, labelsOrTypes, properties, "
           "owningConstraint ORDER BY name"));
  TablePrinter itable(out, {"index", "type", "on", "properties", "owning constraint"});
  for (const auto& row : indexes) {
    itable.AddRow({std::string(row[0].AsString()), std::string(row[1].AsString()),
                   std::string(row[2].AsString()) + " " + JoinStrings(row[3]), JoinStrings(row[4]),
                   row[5].is_null() ? "" : std::string(row[5].AsString())});
  }
  itable.Finish();
  return Status::OK();
}

void SplitCommand(const std::string& line, std::string* command, std::string* rest) {
  size_t end = line.find_first_of(" \t");
  *command = line.substr(0, end);
  *rest = end == std::string::npos ? "" : line.substr(end + 1);
  while (!rest->empty() && (rest->front() == ' ' || rest->front() == '\t')) rest->erase(0, 1);
  while (!rest->empty() && (rest->back() == ' ' || rest->back() == '\t' || rest->back() == ';' ||
                            rest->back() == '\r')) {
    rest->pop_back();
  }
}

}  // namespace

Status Shell::RunMeta(const std::string& line) {
  std::string command;
  std::string rest;
  SplitCommand(line, &command, &rest);
  if (command == ":quit" || command == ":exit" || command == ":q") {
    quit_ = true;
    return Status::OK();
  }
  if (command == ":help" || command == ":h" || command == ":?") {
    out_ << kMetaHelp;
    return Status::OK();
  }
  if (command == ":schema") return PrintSchema(db_, out_);
  if (command == ":params" || (command == ":param" && rest == "clear")) {
    if (rest == "clear") {
      params_.Clear();
      out_ << "Parameters cleared.\n";
      return Status::OK();
    }
    if (!rest.empty()) return Status::InvalidArgument(":params takes no argument except `clear`");
    if (params_.empty()) out_ << "No parameters set.\n";
    for (const auto& [name, value] : params_) {
      std::string text;
      if (!AppendCypherLiteral(value, &text).ok()) text = value.ToString();
      out_ << ":param " << CypherName(name) << " => " << text << "\n";
    }
    return Status::OK();
  }
  if (command == ":param") {
    if (!rest.empty() && rest.front() == '{') {
      SMITH_ASSIGN_OR_RETURN(Value map, EvaluateParamValue(db_, rest, params_));
      if (!map.is_map()) return Status::InvalidArgument(":param {...} needs a map");
      for (const auto& [name, value] : map.AsMap()) params_.Assign(name, value);
      out_ << map.AsMap().size()
           << (map.AsMap().size() == 1 ? " parameter set.\n" : " parameters set.\n");
      return Status::OK();
    }
    SMITH_ASSIGN_OR_RETURN(auto assignment, SplitParamAssignment(rest));
    SMITH_ASSIGN_OR_RETURN(Value value, EvaluateParamValue(db_, assignment.second, params_));
    out_ << "$" << assignment.first << " = " << value.ToString() << "\n";
    params_.Assign(assignment.first, std::move(value));
    return Status::OK();
  }
  if (command == ":source") {
    if (rest.empty()) return Status::InvalidArgument(":source needs a file name");
    if (source_depth_ >= kMaxSourceDepth) {
      return Status::InvalidArgument(":source nested more than 16 deep");
    }
    std::ifstream file(rest);
    if (!file) return Status::NotFound("cannot open file '" + rest + "'");
    ++source_depth_;
    Status s = RunScript(file, rest);
    --source_depth_;
    // RunScript printed the error with its location; report a short summary only.
    return s.ok() ? s : Status(s.code(), ":source " + rest + " stopped at the first error");
  }
  if (command == ":begin") {
    if (txn_) return Status::InvalidState("a transaction is already open (:commit or :rollback)");
    SMITH_ASSIGN_OR_RETURN(txn_, db_.BeginTransaction(AccessMode::kWrite));
    out_ << "Transaction started.\n";
    return Status::OK();
  }
  if (command == ":commit" || command == ":rollback") {
    if (!txn_) return Status::InvalidState("no open transaction (:begin starts one)");
    std::unique_ptr<Transaction> txn = std::move(txn_);
    if (command == ":rollback") {
      txn->Rollback();
      out_ << "Transaction rolled back.\n";
      return Status::OK();
    }
    SMITH_RETURN_IF_ERROR(txn->Commit());
    out_ << "Transaction committed.\n";
    return Status::OK();
  }
  return Status::InvalidArgument("unknown command " + command + " (:help lists the commands)");
}

}  // namespace smith::cli
