// Random Values for the codec and comparison tests. Deterministic for a given generator state.
#ifndef SMITH_TESTS_CPP_COMMON_RANDOM_VALUE_H_
#define SMITH_TESTS_CPP_COMMON_RANDOM_VALUE_H_

#include <cstdint>
#include <random>
#include <string>

#include "common/value.h"

namespace smith::testing {

struct RandomValueOptions {
  // Deepest list/map nesting to generate.
  int max_depth = 3;
  // Draw numbers, strings and temporal values from small pools so that equal and near-equal
  // values (1, 1.0, -0.0, 'a', 'a\0') meet often, as ordering tests need.
  bool collide = false;
  // Include NaNs with non-canonical payloads (the key codec does not preserve payloads).
  bool nan_payloads = false;
};

class RandomValueGenerator {
 public:
  RandomValueGenerator(uint64_t seed, RandomValueOptions options) : rng_(seed), options_(options) {}

  Value Next() { return Generate(0); }
  std::mt19937_64& rng() { return rng_; }

  int64_t Int();
  double Float();
  std::string Utf8String();
  std::string ByteString();

 private:
  Value Generate(int depth);
  Value Temporal();
  uint64_t Below(uint64_t n) { return std::uniform_int_distribution<uint64_t>(0, n - 1)(rng_); }
  int64_t Between(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng_);
  }

  std::mt19937_64 rng_;
  RandomValueOptions options_;
};

// operator== except that any NaN matches any NaN.
bool SameValue(const Value& a, const Value& b);

}  // namespace smith::testing

#endif  // SMITH_TESTS_CPP_COMMON_RANDOM_VALUE_H_
