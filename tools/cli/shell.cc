#include "shell.h"

#include <unistd.h>

#include <chrono>
#include <iostream>
#include <ostream>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "line_editor.h"
#include "result_printer.h"
#include "statement_splitter.h"

namespace smith::cli {

namespace {

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

bool IsMetaLine(std::string_view line) {
  line = TrimLeft(line);
  return !line.empty() && line.front() == ':';
}

}  // namespace

Shell::Shell(Database& db, std::ostream& out, std::ostream& err) : db_(db), out_(out), err_(err) {}

Shell::~Shell() = default;

std::string Shell::Prompt(bool continuation) const {
  if (continuation) return "  ...> ";
  return txn_ ? "smith# " : "smith> ";
}

void Shell::ReportError(const Status& status, const std::string& where) {
  err_ << "error" << (where.empty() ? "" : " at " + where) << ": " << status.ToString() << "\n";
}

Status Shell::Execute(const std::string& text) {
  if (IsMetaLine(text)) return RunMeta(std::string(TrimLeft(text)));
  return RunStatement(text);
}

Status Shell::RunStatement(const std::string& statement) {
  const auto start = std::chrono::steady_clock::now();
  auto result = txn_ ? txn_->Run(statement, params_) : db_.Run(statement, params_);
  Result<PrintedResult> printed =
      result.ok() ? PrintResult(**result, OutputFormat::kTable, out_) : result.status();
  if (!printed.ok()) {
    if (txn_) {
      txn_->Rollback();
      txn_.reset();
      return printed.status().WithContext("the transaction was rolled back");
    }
    return printed.status();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!printed->summary.plan.empty()) {
    out_ << printed->summary.plan;
    if (printed->summary.plan.back() != '\n') out_ << "\n";
  }
  out_ << DescribeOutcome(*printed, seconds) << "\n";
  return Status::OK();
}

int Shell::RunInteractive(LineEditor& editor) {
  out_ << "smith shell on " << db_.path() << "\n"
       << "Statements end with ';'. Type :help for commands, :quit or Ctrl-D to leave.\n";
  StatementSplitter splitter;
  while (!quit_) {
    out_.flush();
    std::optional<std::string> line = editor.ReadLine(Prompt(!splitter.Idle()));
    if (!line) {
      if (!splitter.Idle()) out_ << "\n(unfinished statement discarded)";
      out_ << "\n";
      break;
    }
    if (splitter.Idle() && IsMetaLine(*line)) {
      splitter.Reset();
      editor.AddHistory(*line);
      Status s = Execute(*line);
      if (!s.ok()) ReportError(s, "");
      continue;
    }
    std::vector<SplitStatement> statements;
    splitter.AddLine(*line, &statements);
    for (const SplitStatement& statement : statements) {
      editor.AddHistory(statement.text + ";");
      Status s = Execute(statement.text);
      if (!s.ok()) ReportError(s, "");
      if (quit_) break;
    }
  }
  if (txn_) {
    txn_->Rollback();
    txn_.reset();
    err_ << "The open transaction was rolled back.\n";
  }
  out_.flush();
  return 0;
}

Status Shell::RunScript(std::istream& in, const std::string& name) {
  StatementSplitter splitter;
  std::string line;
  int line_number = 0;
  while (!quit_ && std::getline(in, line)) {
    ++line_number;
    if (splitter.Idle() && IsMetaLine(line)) {
      splitter.Reset();
      Status s = Execute(line);
      if (!s.ok()) {
        ReportError(s, name + ":" + std::to_string(line_number));
        return s;
      }
      // The meta line still counts as an input line of the splitter's numbering.
      std::vector<SplitStatement> none;
      splitter.AddLine("", &none);
      continue;
    }
    std::vector<SplitStatement> statements;
    splitter.AddLine(line, &statements);
    for (const SplitStatement& statement : statements) {
      Status s = Execute(statement.text);
      if (!s.ok()) {
        ReportError(s, name + ":" + std::to_string(statement.line));
        return s;
      }
      if (quit_) break;
    }
  }
  if (in.bad()) {
    Status s = Status::IOError("cannot read " + name);
    ReportError(s, "");
    return s;
  }
  // A last statement without ';' still runs, as in most SQL shells' script modes.
  const int last_line = splitter.pending_start_line();
  std::string rest = splitter.TakePending();
  if (!quit_ && !rest.empty()) {
    Status s = Execute(rest);
    if (!s.ok()) {
      ReportError(s, name + ":" + std::to_string(last_line));
      return s;
    }
  }
  return Status::OK();
}

// smith shell [PATH]
int RunShellCommand(const Args& args, std::ostream& out, std::ostream& err) {
  auto parsed = ParseArgs(args, {}, {});
  if (!parsed.ok()) return UsageError(err, "shell", std::string(parsed.status().message()));
  if (parsed->positional.size() > 1) return UsageError(err, "shell", "expected at most one PATH");
  const std::string path =
      parsed->positional.empty() ? std::string(kDefaultDatabasePath) : parsed->positional[0];
  auto db = OpenDatabase(path, /*create=*/true);
  if (!db.ok()) {
    PrintError(err, "shell", db.status());
    return kExitFailure;
  }
  Shell shell(**db, out, err);
  if (isatty(STDIN_FILENO)) {
    LineEditor editor(DefaultHistoryPath());
    return shell.RunInteractive(editor);
  }
  return shell.RunScript(std::cin, "<stdin>").ok() ? kExitOk : kExitFailure;
}

}  // namespace smith::cli
