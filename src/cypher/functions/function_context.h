// FunctionContext: the per-statement environment that scalar functions read besides their
// arguments: the statement and transaction clocks, the default time zone and a random source.
//
// Clocks: Cypher's temporal functions without arguments (`datetime()`, `date()`, `timestamp()`)
// read the *statement* clock, fixed when the statement starts, so every call in one statement
// sees the same instant (Neo4j's default). `X.transaction()` reads the transaction clock (fixed
// when the transaction starts) and `X.realtime()` reads `realtime_clock` on every call.
//
// Ownership and threads: the engine creates one FunctionContext per statement execution and
// passes it by reference to every function call of that statement. Not thread-safe (the random
// source mutates); a statement evaluated on several threads needs one context per thread.
#ifndef SMITH_CYPHER_FUNCTIONS_FUNCTION_CONTEXT_H_
#define SMITH_CYPHER_FUNCTIONS_FUNCTION_CONTEXT_H_

#include <chrono>
#include <cstdint>

#include "common/temporal.h"

namespace smith::cypher {

// xoshiro256** seeded through splitmix64: fast, small and good enough for rand()/randomUUID()
// (not for cryptography).
class RandomSource {
 public:
  explicit RandomSource(uint64_t seed);
  uint64_t Next();
  // Uniform in [0, 1) with 53 random bits.
  double NextDouble();

 private:
  uint64_t state_[4];
};

struct FunctionContext {
  using Clock = std::chrono::system_clock;
  using TimePoint = std::chrono::time_point<Clock, std::chrono::nanoseconds>;

  // Both clocks read now, UTC default zone, seed from std::random_device.
  FunctionContext();
  // Fixed clocks and seed: for tests and for replaying a statement.
  FunctionContext(TimePoint statement, TimePoint transaction, uint64_t seed);

  static TimePoint SystemNow();

  // Fixed for the statement. Default: the time the context was created.
  TimePoint statement_time;
  // Fixed for the transaction. Default: the time the context was created.
  TimePoint transaction_time;
  // Read on every `.realtime()` call. Default: SystemNow.
  TimePoint (*realtime_clock)() = &SystemNow;
  // The zone of temporal values built without one (`time()`, `datetime('2015-07-21T21:40')`).
  // Default: UTC, printed as Z.
  ZoneSpec default_zone;
  RandomSource random;
};

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_FUNCTIONS_FUNCTION_CONTEXT_H_
