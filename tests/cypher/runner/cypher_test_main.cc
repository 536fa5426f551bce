// cypher_test_runner: runs declarative Cypher test files (docs/cypher-tests.md).
//
//   cypher_test_runner [--scratch DIR] FILE.test...
//
// Each file gets a fresh database in a new directory under DIR (default: the system temporary
// directory). Prints every failing case and one summary line per file; exits 0 only when every
// case of every file passed.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "test_executor.h"
#include "test_file.h"

namespace {

int Usage() {
  std::cerr << "usage: cypher_test_runner [--scratch DIR] FILE.test...\n";
  return 2;
}

// The path as given, shortened to be relative to the working directory when it lies below it
// (ctest runs from the repository root, so messages read tests/cypher/x.test:12).
std::string DisplayPath(const std::string& path) {
  std::error_code ec;
  std::filesystem::path rel = std::filesystem::proximate(path, ec);
  if (ec || rel.empty() || rel.native().rfind("..", 0) == 0) return path;
  return rel.string();
}

}  // namespace

int main(int argc, char** argv) {
  std::string scratch = std::filesystem::temp_directory_path().string();
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--scratch") == 0) {
      if (++i == argc) return Usage();
      scratch = argv[i];
    } else {
      files.emplace_back(argv[i]);
    }
  }
  if (files.empty()) return Usage();
  std::error_code ec;
  std::filesystem::create_directories(scratch, ec);

  bool all_passed = true;
  for (const std::string& path : files) {
    const std::string shown = DisplayPath(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cout << shown << ": cannot read the file\n";
      all_passed = false;
      continue;
    }
    std::stringstream text;
    text << in.rdbuf();
    smith::Result<smith::cypher_test::TestFile> file =
        smith::cypher_test::ParseTestFile(shown, text.str());
    if (!file.ok()) {
      std::cout << file.status().message() << "\n";
      all_passed = false;
      continue;
    }
    smith::Result<smith::cypher_test::FileOutcome> outcome =
        smith::cypher_test::RunTestFile(*file, scratch, std::cout);
    if (!outcome.ok()) {
      std::cout << shown << ": " << outcome.status().ToString() << "\n";
      all_passed = false;
      continue;
    }
    std::cout << shown << ": " << outcome->cases << " cases, " << outcome->passed << " passed, "
              << outcome->failed << " failed\n";
    if (outcome->failed > 0 || outcome->cases == 0) all_passed = false;
  }
  return all_passed ? 0 : 1;
}
