// SmithTckEngine: the TCK's view of smith, through the public API (smith::Database) only.
//
// Opening a RocksDB-backed database costs ~100-200 ms (measured: storage::Engine::Open of a new
// directory, 2 cores, tmpfs or disk), far too slow to do for each of the TCK's ~3,800
// scenarios. So one database is reused: OpenFreshDatabase empties it with
// `MATCH (n) DETACH DELETE n` and checks `MATCH (n) RETURN count(n)` is 0. A brand-new
// directory is opened instead
//   - for the first scenario and after every `reopen_every` scenarios (bounding what a subtle
//     leak between scenarios could do, and the growth of id counters and tombstones),
//   - when a query of the last scenario mentioned INDEX or CONSTRAINT (schema is not cleared
//     by deleting data; a reopen is simpler and certain),
//   - when clearing fails or leaves nodes behind.
// The directories live under the scratch directory given at creation; each is deleted when
// replaced and when the engine is destroyed.
//
// Commits do not fsync (DatabaseOptions::sync_commit = false): the TCK needs no durability.
//
// Thread safety: none; one scenario at a time.
#ifndef SMITH_TESTS_TCK_SMITH_ENGINE_ADAPTER_H_
#define SMITH_TESTS_TCK_SMITH_ENGINE_ADAPTER_H_

#include <memory>
#include <string>
#include <string_view>

#include "common/result.h"
#include "smith/database.h"
#include "tck_engine.h"

namespace smith::tck {

class SmithTckEngine final : public TckEngine {
 public:
  // `scratch_dir` must exist; the engine creates its database directories inside it.
  SmithTckEngine(std::string scratch_dir, int reopen_every);
  ~SmithTckEngine() override;

  Status OpenFreshDatabase() override;
  Result<TckResult> Execute(std::string_view query, const ValueMap& params) override;
  // Registers through Database::RegisterProcedure; the database is reopened for the next
  // scenario, since registrations cannot be undone.
  Status RegisterProcedure(const TckProcedure& procedure) override;

 private:
  Status Reopen();
  // Deletes all data; an error or a non-empty graph afterwards means the caller should reopen.
  Status Clear();
  void CloseAndRemove();

  const std::string scratch_dir_;
  const int reopen_every_;
  std::unique_ptr<Database> db_;
  std::string db_dir_;
  int generation_ = 0;
  int scenarios_since_open_ = 0;
  bool schema_touched_ = false;
  bool procedures_registered_ = false;
};

}  // namespace smith::tck

#endif  // SMITH_TESTS_TCK_SMITH_ENGINE_ADAPTER_H_
