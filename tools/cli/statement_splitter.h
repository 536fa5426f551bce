// StatementSplitter: cuts shell input into Cypher statements at `;`.
//
// Input arrives line by line; a `;` ends a statement unless it is inside a string ('...' or
// "...", with backslash escapes), a backquoted name, a line comment (// to end of line) or a
// block comment (/* ... */). Statements are returned without the `;` and without surrounding
// whitespace; text holding only whitespace and comments is dropped. Text after the last `;` of a
// line stays pending until a later line completes it.
#ifndef SMITH_TOOLS_CLI_STATEMENT_SPLITTER_H_
#define SMITH_TOOLS_CLI_STATEMENT_SPLITTER_H_

#include <string>
#include <string_view>
#include <vector>

namespace smith::cli {

struct SplitStatement {
  std::string text;
  int line = 1;  // 1-based input line on which the statement starts
};

class StatementSplitter {
 public:
  // Feeds one line (without its line terminator) and appends completed statements to `out`.
  void AddLine(std::string_view line, std::vector<SplitStatement>* out);
  // True when no statement text is pending (only whitespace or comments so far).
  bool Idle() const;
  // The pending text (an unterminated statement), trimmed; clears it.
  std::string TakePending();
  // The 1-based input line on which the pending statement (or the next one) starts.
  int pending_start_line() const { return start_line_; }
  void Reset();

 private:
  enum class State { kCode, kSingle, kDouble, kBacktick, kBlockComment };

  void Emit(std::vector<SplitStatement>* out);

  State state_ = State::kCode;
  std::string buffer_;
  bool has_code_ = false;  // buffer_ holds something besides whitespace and comments
  int line_ = 0;           // lines fed so far
  int start_line_ = 1;
};

// Whether `text` holds only whitespace and comments.
bool IsBlank(std::string_view text);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_STATEMENT_SPLITTER_H_
