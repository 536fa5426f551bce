// tck_runner: runs the openCypher TCK against smith.
//
//   tck_runner [options] [PATH...]
//
// PATHs are feature files or directories (searched recursively); a relative PATH that does not
// exist is looked up under the features root, so `tck_runner clauses/match` works. Without
// PATHs the whole features root runs. Prints a line per failing scenario, a per-folder summary
// and, as the last line, `tck: N passed, N failed, N skipped`.
//
// Exit status: 0; 1 if --floor is given and fewer scenarios passed; 2 for bad arguments,
// missing paths or an unwritable report.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "smith_engine_adapter.h"
#include "tck_report.h"
#include "tck_suite.h"

#ifndef SMITH_TCK_FEATURES_DIR
#define SMITH_TCK_FEATURES_DIR "../shared/tck/features"
#endif

namespace smith::tck {
namespace {

constexpr const char kUsage[] =
    "usage: tck_runner [options] [PATH...]\n"
    "  --features-root DIR   root of the TCK features (default: " SMITH_TCK_FEATURES_DIR
    ")\n"
    "  --graphs-dir DIR      named graphs (default: <features-root>/../graphs)\n"
    "  --floor N             exit 1 if fewer than N scenarios pass\n"
    "  --report FILE         write a markdown per-folder table to FILE\n"
    "  --timeout SECONDS     per-scenario timeout (default 10)\n"
    "  --jobs N              worker processes (default: 2, at most the number of cores)\n"
    "  --no-isolate          run in this process: no timeout, no crash protection\n"
    "  --side-effects MODE   diff (compare graph states, the TCK's definition; default) or\n"
    "                        counters (compare the engine's update counters)\n"
    "  --reopen-every N      open a new database directory every N scenarios (default 500)\n"
    "  --scratch-dir DIR     where databases are created (default: /dev/shm if writable, else\n"
    "                        the system temporary directory)\n"
    "  --show-skipped        also list skipped scenarios\n";

std::string DefaultScratchDir() {
  std::error_code ec;
  if (std::filesystem::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0) {
    return "/dev/shm";
  }
  return std::filesystem::temp_directory_path(ec).string();
}

int Usage(const std::string& problem) {
  std::cerr << "tck_runner: " << problem << "\n" << kUsage;
  return 2;
}

bool ParseInt(const std::string& text, long min, long* out) {
  char* end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < min) return false;
  *out = value;
  return true;
}

int Main(int argc, char** argv) {
  SuiteOptions options;
  options.features_root = SMITH_TCK_FEATURES_DIR;
  options.timeout_seconds = 10;
  options.jobs = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 2u));
  options.scratch_dir = DefaultScratchDir();
  std::string graphs_dir;
  std::string report_path;
  long floor = -1;
  long reopen_every = 500;
  bool show_skipped = false;
  std::vector<std::string> paths;

  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    long n = 0;
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--features-root") {
      if (!value(&options.features_root)) return Usage("--features-root needs a directory");
    } else if (arg == "--graphs-dir") {
      if (!value(&graphs_dir)) return Usage("--graphs-dir needs a directory");
    } else if (arg == "--floor") {
      if (!value(&v) || !ParseInt(v, 0, &floor)) return Usage("--floor needs a number >= 0");
    } else if (arg == "--report") {
      if (!value(&report_path)) return Usage("--report needs a file");
    } else if (arg == "--timeout") {
      char* end = nullptr;
      if (!value(&v)) return Usage("--timeout needs seconds");
      options.timeout_seconds = std::strtod(v.c_str(), &end);
      if (*end != '\0' || !(options.timeout_seconds > 0)) return Usage("bad --timeout " + v);
    } else if (arg == "--jobs" || arg == "-j") {
      if (!value(&v) || !ParseInt(v, 1, &n)) return Usage("--jobs needs a number >= 1");
      options.jobs = static_cast<int>(n);
    } else if (arg == "--no-isolate") {
      options.isolate = false;
    } else if (arg == "--side-effects") {
      if (!value(&v) || (v != "diff" && v != "counters")) {
        return Usage("--side-effects takes diff or counters");
      }
      options.scenario.side_effects =
          v == "diff" ? SideEffectMode::kGraphDiff : SideEffectMode::kCounters;
    } else if (arg == "--reopen-every") {
      if (!value(&v) || !ParseInt(v, 1, &reopen_every)) {
        return Usage("--reopen-every needs a number >= 1");
      }
    } else if (arg == "--scratch-dir") {
      if (!value(&options.scratch_dir)) return Usage("--scratch-dir needs a directory");
    } else if (arg == "--show-skipped") {
      show_skipped = true;
    } else if (!arg.empty() && arg[0] == '-') {
      return Usage("unknown option " + arg);
    } else {
      paths.push_back(arg);
    }
  }
  options.scenario.graphs_dir =
      graphs_dir.empty() ? options.features_root + "/../graphs" : graphs_dir;

  Result<std::vector<std::string>> files = CollectFeatureFiles(paths, options.features_root);
  if (!files.ok()) {
    std::cerr << "tck_runner: " << files.status().message() << "\n";
    return 2;
  }
  EngineFactory factory =
      [reopen_every](const std::string& scratch) -> Result<std::unique_ptr<TckEngine>> {
    return std::unique_ptr<TckEngine>(
        std::make_unique<SmithTckEngine>(scratch, static_cast<int>(reopen_every)));
  };
  SuiteResult suite = RunSuite(*files, options, factory);

  int status = 0;
  if (!report_path.empty()) {
    std::ofstream report(report_path);
    report << MarkdownReport(suite);
    if (!report.good()) {
      std::cerr << "tck_runner: cannot write " << report_path << "\n";
      status = 2;
    }
  }
  if (floor >= 0 && suite.passed < floor) {
    std::cout << "tck_runner: " << suite.passed << " passed, below the floor of " << floor << "\n";
    if (status == 0) status = 1;
  }
  PrintReport(suite, show_skipped, std::cout);
  std::cout.flush();
  return status;
}

}  // namespace
}  // namespace smith::tck

int main(int argc, char** argv) { return smith::tck::Main(argc, argv); }
