#include "cypher/functions/function_context.h"

#include <random>

namespace smith::cypher {
namespace {

uint64_t SplitMix64(uint64_t* x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t RandomSeed() {
  std::random_device device;
  return (uint64_t{device()} << 32) ^ device();
}

}  // namespace

RandomSource::RandomSource(uint64_t seed) {
  for (uint64_t& s : state_) s = SplitMix64(&seed);
}

uint64_t RandomSource::Next() {
  const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
  const uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = Rotl(state_[3], 45);
  return result;
}

double RandomSource::NextDouble() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

FunctionContext::TimePoint FunctionContext::SystemNow() {
  return std::chrono::time_point_cast<std::chrono::nanoseconds>(Clock::now());
}

FunctionContext::FunctionContext() : FunctionContext(SystemNow(), TimePoint{}, RandomSeed()) {
  transaction_time = statement_time;
}

FunctionContext::FunctionContext(TimePoint statement, TimePoint transaction, uint64_t seed)
    : statement_time(statement), transaction_time(transaction), random(seed) {}

}  // namespace smith::cypher
