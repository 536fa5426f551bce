// Shell: the `smith shell` session on one open database.
//
// Input is Cypher statements ended by `;` (statement_splitter.h) and meta commands, which start
// with `:` at the beginning of a statement and take the rest of the line (`:help` lists them).
// Results print as tables followed by a status line (rows, effects, time).
//
// Interactive use (standard input is a terminal) reads lines through LineEditor, shows `smith> `
// and `  ...> ` for continuation lines (`smith#` inside an explicit transaction), keeps going
// after errors, and records each statement in the history. Script use (a pipe or a file, and
// `:source FILE`) stops at the first error; the command then exits with status 1.
//
// Thread safety: one thread.
#ifndef SMITH_TOOLS_CLI_SHELL_H_
#define SMITH_TOOLS_CLI_SHELL_H_

#include <iosfwd>
#include <memory>
#include <string>

#include "common/status.h"
#include "common/value.h"
#include "smith/database.h"

namespace smith::cli {

class LineEditor;

class Shell {
 public:
  Shell(Database& db, std::ostream& out, std::ostream& err);
  ~Shell();

  // The interactive loop; returns the exit code (0 unless the session ended on an error
  // that could not be reported otherwise).
  int RunInteractive(LineEditor& editor);
  // Runs a script from `in` (`name` appears in error messages); stops at the first error and
  // returns it (already printed).
  Status RunScript(std::istream& in, const std::string& name);

  bool quit_requested() const { return quit_; }

 private:
  // Runs one statement or meta command and prints its outcome; returns the error (printed).
  Status Execute(const std::string& text);
  Status RunStatement(const std::string& statement);
  Status RunMeta(const std::string& line);
  // Prints `status` as "error: <code>: <message>" (with `where` when not empty).
  void ReportError(const Status& status, const std::string& where);
  std::string Prompt(bool continuation) const;

  Database& db_;
  std::ostream& out_;
  std::ostream& err_;
  ValueMap params_;
  std::unique_ptr<Transaction> txn_;  // an explicit transaction opened by :begin
  bool quit_ = false;
  int source_depth_ = 0;
};

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_SHELL_H_
