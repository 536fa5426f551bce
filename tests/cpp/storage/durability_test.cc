// Kills a writing process at random moments and checks what survives: every acknowledged batch
// complete, no partial batch, nothing beyond one unacknowledged batch.
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "storage/engine.h"
#include "test_util.h"

namespace smith::storage {
namespace {

using testing::ChildProcess;
using testing::CrashWriterPath;
using testing::TempDir;

constexpr int kBatchKeys = 100;  // as in crash_writer.cc
constexpr int kRounds = 8;

// What a reopened database holds: "last_batch", and per batch number its node key count and
// whether its adj key exists.
struct Survivors {
  long last_batch = 0;
  std::map<long, int> node_keys;
  std::map<long, bool> adj_key;
};

Survivors ReadSurvivors(Engine& engine) {
  Survivors s;
  auto read = engine.BeginRead();
  std::string last;
  auto found = read->Get(Family::kMeta, "last_batch", &last);
  EXPECT_TRUE(found.ok()) << found.status().ToString();
  if (found.ok() && *found) s.last_batch = std::stol(last);
  auto it = read->NewIterator(Family::kNode, "", "");
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    s.node_keys[std::stol(std::string(it->key().substr(1, 8)))]++;
  }
  EXPECT_TRUE(it->status().ok()) << it->status().ToString();
  auto adj = read->NewIterator(Family::kAdj, "", "");
  for (adj->SeekToFirst(); adj->Valid(); adj->Next()) {
    s.adj_key[std::stol(std::string(adj->key().substr(1, 8)))] = true;
  }
  EXPECT_TRUE(adj->status().ok()) << adj->status().ToString();
  return s;
}

// One round: starts the writer, kills it with SIGKILL at a random moment, returns the highest
// batch number it acknowledged (0 if none).
long RunAndKill(const std::string& dir, bool sync, std::mt19937& rng, int round) {
  ChildProcess child({CrashWriterPath(), "write", dir, sync ? "1" : "0"}, /*pipe_stdin=*/false);
  long acked = 0;
  const auto deadline_after_spawn =
      std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 250)(rng));
  const int acks_wanted = std::uniform_int_distribution<int>(1, 40)(rng);
  auto record = [&](const std::string& line) {
    if (line.rfind("error", 0) == 0) {
      ADD_FAILURE() << "writer failed: " << line;
      return;
    }
    acked = std::stol(line);
  };
  if (round % 2 == 0) {
    // Kill after a random delay from the start: may hit Open (even the creation) or a commit.
    const auto deadline = std::chrono::steady_clock::now() + deadline_after_spawn;
    while (true) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      std::optional<std::string> line = child.ReadLine(left);
      if (!line) break;
      record(*line);
    }
  } else {
    // Kill after a random number of acknowledged batches, plus a random few microseconds, so
    // that the kill lands while commits are streaming.
    int acks = 0;
    while (acks < acks_wanted) {
      std::optional<std::string> line = child.ReadLine(std::chrono::seconds(60));
      if (!line) break;
      record(*line);
      ++acks;
    }
    ::usleep(std::uniform_int_distribution<unsigned>(0, 3000)(rng));
  }
  child.Kill(SIGKILL);
  // Lines written before the kill are still in the pipe: those batches were acknowledged too.
  while (std::optional<std::string> line = child.ReadLine(std::chrono::seconds(60))) {
    record(*line);
  }
  int status = child.Wait();
  EXPECT_TRUE(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0))
      << "writer exited with status " << status;
  return acked;
}

void RunCrashRounds(bool sync, uint32_t seed) {
  SCOPED_TRACE("sync_commit=" + std::to_string(sync) + " seed=" + std::to_string(seed));
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  std::mt19937 rng(seed);
  long known_committed = 0;  // last_batch found by the previous verification
  long total_acked = 0;
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const long acked = RunAndKill(dir, sync, rng, round);
    if (acked > 0) ++total_acked;
    auto engine = Engine::Open(dir, StorageOptions());
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    Survivors s = ReadSurvivors(**engine);
    const long floor = std::max(known_committed, acked);
    // Every acknowledged batch survived, and at most one batch beyond: the one whose commit
    // may have completed just before the kill, before it could be acknowledged.
    EXPECT_GE(s.last_batch, floor);
    EXPECT_LE(s.last_batch, floor + 1);
    for (long b = 1; b <= s.last_batch; ++b) {
      EXPECT_EQ(s.node_keys[b], kBatchKeys) << "batch " << b << " is incomplete";
      EXPECT_TRUE(s.adj_key[b]) << "batch " << b << " lacks its adj key";
    }
    // Nothing of any batch after last_batch: no partial batch anywhere.
    for (const auto& [batch, count] : s.node_keys) {
      EXPECT_LE(batch, s.last_batch) << "batch " << batch << " has " << count << " keys";
    }
    for (const auto& [batch, present] : s.adj_key) EXPECT_LE(batch, s.last_batch);
    known_committed = s.last_batch;
  }
  // The odd rounds always wait for acknowledgements, so the test cannot pass vacuously.
  EXPECT_GE(total_acked, kRounds / 2);
}

TEST(DurabilityTest, KilledWriterLosesNothingAcknowledgedWithSyncCommit) {
  RunCrashRounds(/*sync=*/true, /*seed=*/20240611);
}

TEST(DurabilityTest, KilledWriterLosesNothingAcknowledgedWithoutSyncCommit) {
  RunCrashRounds(/*sync=*/false, /*seed=*/777);
}

}  // namespace
}  // namespace smith::storage
