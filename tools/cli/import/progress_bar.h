// A one-line progress bar for `smith import` on a terminal: phase, bar, percentage, counts,
// rate and estimated time left, redrawn in place at most ten times a second.
//
// When disabled (stderr is not a terminal) every call does nothing, so logs and pipes get only
// the final summary. Thread safety: one thread.
#ifndef SMITH_TOOLS_CLI_IMPORT_PROGRESS_BAR_H_
#define SMITH_TOOLS_CLI_IMPORT_PROGRESS_BAR_H_

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace smith::cli {

class ProgressBar {
 public:
  ProgressBar(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}
  // Clears the line if something is shown.
  ~ProgressBar() { Clear(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Shows `phase` at done/total (total 0: unknown), with `detail` (counts) and a rate of
  // `rate_count` units per second since the phase began, labelled `rate_unit`.
  void Update(std::string_view phase, uint64_t done, uint64_t total, std::string_view detail,
              uint64_t rate_count, std::string_view rate_unit);
  void Clear();

 private:
  std::ostream& out_;
  const bool enabled_;
  bool shown_ = false;
  std::string phase_;
  std::chrono::steady_clock::time_point phase_start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// "1,234,567".
std::string WithThousands(uint64_t n);
// "812k", "1.2M".
std::string Compact(double n);

}  // namespace smith::cli

#endif  // SMITH_TOOLS_CLI_IMPORT_PROGRESS_BAR_H_
