// Helper process for the storage tests (durability_test.cc, lock_test.cc).
//
//   crash_writer write <dir> <sync 0|1>
//       Opens <dir> and commits numbered batches forever, continuing after the meta key
//       "last_batch". Batch b writes kBatchKeys node keys "b<b>/<i>", one adj key "b<b>" and meta
//       "last_batch" = b in one transaction; after each successful Commit it prints b and a
//       newline to stdout and flushes. The parent kills it with SIGKILL.
//   crash_writer open <dir>
//       Tries to open <dir> and prints "ok" or "error <code number> <message>".
//   crash_writer hold <dir>
//       Opens <dir>, prints "ready" (or the error as above), and keeps the database open until
//       stdin reaches end of file.
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "storage/engine.h"

namespace {

using smith::Status;
using smith::storage::Engine;
using smith::storage::Family;
using smith::storage::StorageOptions;

constexpr int kBatchKeys = 100;
constexpr long kMaxBatches = 1000000;  // safety net should the parent never kill us

void PrintError(const Status& status) {
  std::printf("error %d %s\n", static_cast<int>(status.code()),
              std::string(status.message()).c_str());
  std::fflush(stdout);
}

std::string NodeKey(long batch, int i) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "b%08ld/%03d", batch, i);
  return buf;
}

int Write(const std::string& dir, bool sync) {
  StorageOptions options;
  options.sync_commit = sync;
  auto engine = Engine::Open(dir, options);
  if (!engine.ok()) {
    PrintError(engine.status());
    return 2;
  }
  long batch = 0;
  {
    auto read = (*engine)->BeginRead();
    std::string last;
    auto found = read->Get(Family::kMeta, "last_batch", &last);
    if (!found.ok()) {
      PrintError(found.status());
      return 2;
    }
    if (*found) batch = std::stol(last);
  }
  for (++batch; batch < kMaxBatches; ++batch) {
    auto txn = (*engine)->BeginWrite();
    const std::string value = "value-of-batch-" + std::to_string(batch) + "-padding-to-sixty-bytes";
    for (int i = 0; i < kBatchKeys; ++i) txn->Put(Family::kNode, NodeKey(batch, i), value);
    txn->Put(Family::kAdj, NodeKey(batch, 0).substr(0, 9), "");
    txn->Put(Family::kMeta, "last_batch", std::to_string(batch));
    Status status = txn->Commit();
    if (!status.ok()) {
      PrintError(status);
      return 2;
    }
    std::printf("%ld\n", batch);
    std::fflush(stdout);
  }
  return 0;
}

int OpenOnce(const std::string& dir, bool hold) {
  auto engine = Engine::Open(dir, StorageOptions());
  if (!engine.ok()) {
    PrintError(engine.status());
    return 0;
  }
  std::printf(hold ? "ready\n" : "ok\n");
  std::fflush(stdout);
  if (hold) {
    char buf[64];
    while (::read(0, buf, sizeof(buf)) > 0) {
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::string(argv[1]) == "write")
    return Write(argv[2], std::string(argv[3]) == "1");
  if (argc >= 3 && std::string(argv[1]) == "open") return OpenOnce(argv[2], false);
  if (argc >= 3 && std::string(argv[1]) == "hold") return OpenOnce(argv[2], true);
  std::fprintf(stderr, "usage: crash_writer write <dir> <0|1> | open <dir> | hold <dir>\n");
  return 64;
}
