#include "import/progress_bar.h"

#include <cstdio>
#include <ostream>

namespace smith::cli {

namespace {

constexpr int kBarWidth = 24;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::string Eta(double seconds) {
  if (seconds < 0 || seconds > 1e7) return "--";
  auto s = static_cast<uint64_t>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof(buf), "%lluh%02llum", static_cast<unsigned long long>(s / 3600),
                  static_cast<unsigned long long>(s / 60 % 60));
  } else if (s >= 60) {
    std::snprintf(buf, sizeof(buf), "%llum%02llus", static_cast<unsigned long long>(s / 60),
                  static_cast<unsigned long long>(s % 60));
  } else {
    std::snprintf(buf, sizeof(buf), "%llus", static_cast<unsigned long long>(s));
  }
  return buf;
}

}  // namespace

std::string WithThousands(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Compact(double n) {
  char buf[32];
  if (n >= 1e6) {
    std::snprintf(buf, sizeof(buf), "%.1fM", n / 1e6);
  } else if (n >= 1e4) {
    std::snprintf(buf, sizeof(buf), "%.0fk", n / 1e3);
  } else {
    std::snprintf(buf, sizeof(buf), "%.0f", n);
  }
  return buf;
}

void ProgressBar::Update(std::string_view phase, uint64_t done, uint64_t total,
                         std::string_view detail, uint64_t rate_count, std::string_view rate_unit) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (phase != phase_) {
    phase_ = std::string(phase);
    phase_start_ = now;
  } else if (now - last_draw_ < kRedrawInterval && done < total) {
    return;
  }
  last_draw_ = now;
  const double fraction = total == 0 ? 0 : std::min(1.0, static_cast<double>(done) / total);
  const double elapsed = std::chrono::duration<double>(now - phase_start_).count();
  std::string line = "\r" + phase_;
  line.resize(std::max<size_t>(line.size(), 11), ' ');
  line += " [";
  const int filled = static_cast<int>(fraction * kBarWidth);
  line += std::string(filled, '#') + std::string(kBarWidth - filled, '-') + "] ";
  char pct[8];
  std::snprintf(pct, sizeof(pct), "%3d%%", static_cast<int>(fraction * 100));
  line += pct;
  if (!detail.empty()) line += "  " + std::string(detail);
  if (elapsed > 0.2 && rate_count > 0) {
    line += "  " + Compact(static_cast<double>(rate_count) / elapsed) + " " +
            std::string(rate_unit) + "/s";
  }
  if (elapsed > 0.5 && fraction > 0.01 && fraction < 1) {
    line += "  ETA " + Eta(elapsed * (1 - fraction) / fraction);
  }
  line += "\033[K";
  out_ << line << std::flush;
  shown_ = true;
}

void ProgressBar::Clear() {
  if (!shown_) return;
  out_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace smith::cli
