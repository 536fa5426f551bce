// Cypher's comparison semantics, in one place: equality (=, <>), comparability (<, <=, >, >=),
// orderability (ORDER BY), equivalence (DISTINCT, grouping, map keys of aggregation) and a hash
// consistent with equivalence. Follows openCypher 9 and Neo4j 5 as pinned by the TCK
// (expressions/comparison, clauses/return-orderby).
//
// Summary:
//  - Equals: null if either side is null; 1 = 1.0 is true; NaN = NaN is false; values of
//    different types are unequal (false), except that an int and a float compare as numbers;
//    lists and maps compare element-wise: false as soon as any pair is false (or lengths / key
//    sets differ), else null if any pair is null, else true.
//  - Compare: numbers (exactly, across int and float, also beyond 2^53), strings (code point
//    order), booleans (false < true), lists (lexicographically, element-wise Compare; a proper
//    prefix is smaller), bytes (unsigned byte order) and temporal values of the same type.
//    A comparison involving NaN is kUnordered (every operator false); null operands,
//    different types, maps, durations and graph values are kIncomparable (every operator null).
//  - Order: a total order for ORDER BY: MAP < NODE < RELATIONSHIP < LIST < BYTES < PATH <
//    DATETIME < LOCALDATETIME < DATE < TIME < LOCALTIME < DURATION < STRING < BOOLEAN < NUMBER <
//    NULL. NaN sorts above every other number; an int and an equal float order as equal.
//  - Equivalent: Order(a, b) == 0. Like Equals, except null is equivalent to null and NaN to NaN.
//  - Hash: consistent with Equivalent (1 and 1.0 hash alike, so do 0.0 and -0.0).
//
// Temporal values: Time orders by its instant of day (nanos - offset), then by offset;
// DateTime by instant, then offset, then zone (a fixed offset before any named zone, names by
// byte order); so two DateTimes are Equal only with the same instant, offset and zone, as in
// Neo4j. Durations are equal component-wise and order by their length counting a month as
// kAverageSecondsPerMonth, then by months, then days.
//
// Thread safety: pure functions.
#ifndef SMITH_COMMON_VALUE_COMPARE_H_
#define SMITH_COMMON_VALUE_COMPARE_H_

#include <cstddef>
#include <cstdint>

#include "common/value.h"

namespace smith {

// Three-valued logic.
enum class Ternary : uint8_t { kFalse, kTrue, kNull };

inline Ternary ToTernary(bool b) { return b ? Ternary::kTrue : Ternary::kFalse; }
Ternary Not(Ternary a);
Ternary And(Ternary a, Ternary b);
Ternary Or(Ternary a, Ternary b);
Ternary Xor(Ternary a, Ternary b);

// a = b.
Ternary Equals(const Value& a, const Value& b);

// The outcome of comparing two values for <, <=, >, >=.
enum class Comparison : int8_t {
  kLess = -1,
  kEqual = 0,
  kGreater = 1,
  // A NaN is involved: every ordering operator yields false.
  kUnordered = 2,
  // Null operands or values that cannot be compared: every ordering operator yields null.
  kIncomparable = 3,
};
Comparison Compare(const Value& a, const Value& b);
Ternary LessThan(const Value& a, const Value& b);
Ternary LessThanOrEqual(const Value& a, const Value& b);
Ternary GreaterThan(const Value& a, const Value& b);
Ternary GreaterThanOrEqual(const Value& a, const Value& b);

// ORDER BY's total order: negative if a sorts before b, 0 if they are equivalent, positive after.
int Order(const Value& a, const Value& b);

// Equivalence for DISTINCT and grouping: Order(a, b) == 0.
bool Equivalent(const Value& a, const Value& b);

// A hash with Equivalent(a, b) => Hash(a) == Hash(b). Not stable across builds or processes.
size_t Hash(const Value& v);

// Three-way comparison of an int64 and a double (not NaN), exact for every pair.
int CompareIntFloat(int64_t i, double d);

// Function objects for standard containers.
struct ValueHash {
  size_t operator()(const Value& v) const { return Hash(v); }
};
struct ValueEquivalent {
  bool operator()(const Value& a, const Value& b) const { return Equivalent(a, b); }
};
struct ValueOrderLess {
  bool operator()(const Value& a, const Value& b) const { return Order(a, b) < 0; }
};

}  // namespace smith

#endif  // SMITH_COMMON_VALUE_COMPARE_H_
