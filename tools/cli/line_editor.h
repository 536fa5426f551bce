// LineEditor: interactive line input with editing and persistent history, on libedit's
// readline-compatible interface (docs/adr/0007-cli-libraries.md).
//
// Editing keys are libedit's emacs defaults (arrows, Ctrl-A/E/K/U/W, Ctrl-R search, Up/Down
// through history). History is loaded from `history_path` at construction and the file is
// rewritten after every added entry (so a killed shell loses nothing), keeping the last
// kMaxHistory entries.
//
// libedit keeps global state: at most one LineEditor may exist at a time (asserted).
#ifndef SMITH_TOOLS_CLI_LINE_EDITOR_H_
#define SMITH_TOOLS_CLI_LINE_EDITOR_H_

#include <optional>
#include <string>

namespace smith::cli {

class LineEditor {
 public:
  static constexpr int kMaxHistory = 1000;

  // `history_path` empty: no persistent history.
  explicit LineEditor(std::string history_path);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // Shows `prompt` and reads one line (without its newline); nullopt at end of input (Ctrl-D
  // on an empty line).
  std::optional<std::string> ReadLine(const std::string& prompt);
  // Adds an entry (multi-line statements are stored with their newlines folded into spaces)
  // unless it repeats the previous entry, then saves the history file.
  void AddHistory(const std::string& entry);

 private:
  std::string history_path_;
  std::string last_entry_;
};

// The history file the shell uses: $SMITH_HISTORY if set (empty disables history), otherwise
// $HOME/.smith_history, otherwise none.
std::string DefaultHistoryPath();

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_LINE_EDITOR_H_
