#include "tck_suite.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <utility>

#include "worker_pool.h"

namespace smith::tck {
namespace {

namespace fs = std::filesystem;

// `file` relative to `root` when it lies inside it, else as given.
std::string RelativeToRoot(const std::string& file, const std::string& root) {
  std::error_code ec;
  fs::path abs_file = fs::weakly_canonical(fs::absolute(file), ec);
  fs::path abs_root = fs::weakly_canonical(fs::absolute(root), ec);
  fs::path rel = abs_file.lexically_relative(abs_root);
  if (rel.empty() || *rel.begin() == "..") return file;
  return rel.generic_string();
}

std::string FolderOf(const std::string& relative) {
  std::string folder = fs::path(relative).parent_path().generic_string();
  return folder.empty() ? "." : folder;
}

std::string Title(const Feature& feature, const Scenario& scenario) {
  std::string title = feature.name + ": " + scenario.name;
  if (scenario.example_index > 0) {
    title += " (example " + std::to_string(scenario.example_index) + ")";
  }
  return title;
}

}  // namespace

Result<std::vector<std::string>> CollectFeatureFiles(const std::vector<std::string>& paths,
                                                     const std::string& features_root) {
  std::vector<std::string> roots = paths;
  if (roots.empty()) roots.push_back(features_root);
  std::set<std::string> files;
  for (const std::string& given : roots) {
    std::error_code ec;
    fs::path path = given;
    if (!fs::exists(path, ec) && path.is_relative() &&
        fs::exists(fs::path(features_root) / path, ec)) {
      path = fs::path(features_root) / path;
    }
    if (fs::is_regular_file(path, ec)) {
      files.insert(path.lexically_normal().generic_string());
    } else if (fs::is_directory(path, ec)) {
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && it->path().extension() == ".feature") {
          files.insert(it->path().lexically_normal().generic_string());
        }
      }
      if (ec) return Status::IOError("cannot list " + path.string() + ": " + ec.message());
    } else {
      return Status::NotFound("no feature file or directory '" + given + "' (also tried under " +
                              features_root + ")");
    }
  }
  return std::vector<std::string>(files.begin(), files.end());
}

SuiteResult RunSuite(const std::vector<std::string>& files, const SuiteOptions& options,
                     const EngineFactory& factory) {
  SuiteResult suite;
  std::vector<Feature> features;
  features.reserve(files.size());
  std::vector<const Scenario*> scenarios;
  std::vector<size_t> record_of;  // record index of each scenario
  for (const std::string& file : files) {
    std::string relative = RelativeToRoot(file, options.features_root);
    Result<Feature> feature = ParseFeatureFile(file);
    if (!feature.ok()) {
      suite.records.push_back({FolderOf(relative),
                               relative,
                               "(feature file)",
                               {Outcome::kFailed, feature.status().ToString()}});
      continue;
    }
    features.push_back(std::move(feature).value());
    const Feature& f = features.back();
    for (const Scenario& scenario : f.scenarios) {
      record_of.push_back(suite.records.size());
      scenarios.push_back(&scenario);
      suite.records.push_back({FolderOf(relative),
                               relative + ":" + std::to_string(scenario.line),
                               Title(f, scenario),
                               {}});
    }
  }

  auto task = [&](TckEngine& engine, size_t i) {
    return RunScenario(*scenarios[i], engine, options.scenario);
  };
  std::error_code ec;
  fs::create_directories(options.scratch_dir, ec);
  std::string pattern = (fs::path(options.scratch_dir) / "smith-tck-XXXXXX").string();
  std::string scratch = ::mkdtemp(pattern.data()) != nullptr ? pattern : "";
  std::vector<ScenarioOutcome> outcomes;
  if (scratch.empty()) {
    outcomes.assign(scenarios.size(), {Outcome::kFailed, "cannot create a scratch directory in " +
                                                             options.scratch_dir});
  } else if (options.isolate) {
    WorkerPoolOptions pool;
    pool.jobs = options.jobs;
    pool.timeout_seconds = options.timeout_seconds;
    pool.scratch_dir = scratch;
    outcomes = RunInWorkers(scenarios.size(), pool, factory, task);
  } else if (!scenarios.empty()) {
    Result<std::unique_ptr<TckEngine>> engine = factory(scratch);
    for (size_t i = 0; i < scenarios.size(); ++i) {
      outcomes.push_back(engine.ok()
                             ? task(**engine, i)
                             : ScenarioOutcome{Outcome::kFailed, "creating the engine failed: " +
                                                                     engine.status().ToString()});
    }
  }
  if (!scratch.empty()) fs::remove_all(scratch, ec);

  for (size_t i = 0; i < scenarios.size(); ++i) {
    suite.records[record_of[i]].outcome = std::move(outcomes[i]);
  }
  for (const ScenarioRecord& record : suite.records) {
    switch (record.outcome.outcome) {
      case Outcome::kPassed:
        ++suite.passed;
        break;
      case Outcome::kFailed:
        ++suite.failed;
        break;
      case Outcome::kSkipped:
        ++suite.skipped;
        break;
    }
  }
  return suite;
}

}  // namespace smith::tck
