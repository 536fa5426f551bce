// One process, and within it one Engine, per database directory.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "storage/engine.h"
#include "test_util.h"

namespace smith::storage {
namespace {

using testing::ChildProcess;
using testing::CrashWriterPath;
using testing::TempDir;

void ExpectLockedMessage(std::string_view message, const std::string& dir, pid_t holder) {
  EXPECT_NE(message.find(dir), std::string_view::npos) << message;
  EXPECT_NE(message.find("process " + std::to_string(holder)), std::string_view::npos) << message;
  EXPECT_NE(message.find("Only one process may open"), std::string_view::npos) << message;
  EXPECT_NE(message.find("smith server"), std::string_view::npos) << message;
}

TEST(LockTest, SecondOpenInSameProcessIsLockedUntilFirstIsDestroyed) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  auto first = Engine::Open(dir, StorageOptions());
  ASSERT_TRUE(first.ok()) << first.status().ToString();

  auto second = Engine::Open(dir, StorageOptions());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kLocked);
  ExpectLockedMessage(second.status().message(), dir, ::getpid());
  EXPECT_NE(second.status().message().find("this process"), std::string_view::npos);

  first->reset();
  auto third = Engine::Open(dir, StorageOptions());
  EXPECT_TRUE(third.ok()) << third.status().ToString();
}

TEST(LockTest, LockFileRecordsHolderPid) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  auto engine = Engine::Open(dir, StorageOptions());
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  auto files = testing::SnapshotFiles(dir);
  EXPECT_EQ(files[std::string(kLockFileName)], std::to_string(::getpid()) + "\n");
  engine->reset();
  files = testing::SnapshotFiles(dir);
  EXPECT_EQ(files[std::string(kLockFileName)], "");
}

TEST(LockTest, ChildProcessCannotOpenWhileParentHoldsIt) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  auto engine = Engine::Open(dir, StorageOptions());
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();

  ChildProcess child({CrashWriterPath(), "open", dir}, /*pipe_stdin=*/false);
  std::optional<std::string> line = child.ReadLine(std::chrono::seconds(120));
  ASSERT_TRUE(line.has_value());
  const std::string expected_prefix =
      "error " + std::to_string(static_cast<int>(StatusCode::kLocked)) + " ";
  ASSERT_EQ(line->rfind(expected_prefix, 0), 0u) << *line;
  ExpectLockedMessage(*line, dir, ::getpid());
  EXPECT_EQ(line->find("this process"), std::string::npos) << *line;
  child.Wait();
}

TEST(LockTest, ParentCannotOpenWhileChildHoldsItAndCanAfterChildExits) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  ChildProcess child({CrashWriterPath(), "hold", dir}, /*pipe_stdin=*/true);
  std::optional<std::string> line = child.ReadLine(std::chrono::seconds(120));
  ASSERT_EQ(line.value_or("<eof>"), "ready");

  auto refused = Engine::Open(dir, StorageOptions());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kLocked);
  ExpectLockedMessage(refused.status().message(), dir, child.pid());

  child.CloseStdin();
  child.Wait();
  auto engine = Engine::Open(dir, StorageOptions());
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
}

TEST(LockTest, KilledHolderLeavesNoStaleLock) {
  TempDir tmp;
  const std::string dir = tmp.Sub("db");
  ChildProcess child({CrashWriterPath(), "hold", dir}, /*pipe_stdin=*/true);
  ASSERT_EQ(child.ReadLine(std::chrono::seconds(120)).value_or("<eof>"), "ready");
  child.Kill(SIGKILL);
  child.Wait();
  auto engine = Engine::Open(dir, StorageOptions());
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
}

}  // namespace
}  // namespace smith::storage
