// Aggregation functions: count, collect, sum, avg, min, max, percentileCont, percentileDisc,
// stDev, stDevP, with Neo4j 5 semantics.
//
// An Aggregator folds the argument values of one group, one row at a time, into a result. The
// executor makes one Aggregator per group (and per aggregate expression), calls Add() once per
// row with that row's evaluated arguments, and Finish() once at the end.
//
//   count(*)           MakeAggregator("count", false) called with zero arguments: counts rows.
//   count(x)           non-null values of x.
//   collect(x)         non-null values of x in row order.
//   sum(x)             0 for no values; INTEGER while every value is an INTEGER (overflow is
//                      kArithmeticError), FLOAT once a FLOAT appears; DURATIONs sum to a
//                      DURATION. Mixing numbers and durations, or other types, is kTypeError.
//   avg(x)             null for no values; FLOAT for numbers; DURATION for durations.
//   min(x), max(x)     by Cypher's orderability (value_compare.h Order), ignoring nulls.
//   percentileCont(x, p), percentileDisc(x, p)
//                      p must be a number in [0, 1] (kArgumentError otherwise); x numbers.
//                      Cont interpolates linearly (FLOAT); Disc picks a value of the group.
//   stDev(x), stDevP(x)  sample and population standard deviation (FLOAT, 0.0 for fewer than
//                      two values resp. none).
// Null arguments are skipped by every function except count(*). With `distinct`, values
// equivalent (value_compare.h Equivalent) to one already seen are skipped.
//
// Thread safety: an Aggregator is not thread-safe; distinct Aggregators are independent.
#ifndef SMITH_CYPHER_FUNCTIONS_AGGREGATES_H_
#define SMITH_CYPHER_FUNCTIONS_AGGREGATES_H_

#include <memory>
#include <span>
#include <string_view>

#include "common/result.h"
#include "common/value.h"

namespace smith::cypher {

class Aggregator {
 public:
  virtual ~Aggregator();
  // Folds one row. Errors (kTypeError, kArgumentError, kArithmeticError, kSemanticError for a
  // wrong argument count) end the aggregation; the Aggregator must not be used afterwards.
  virtual Status Add(std::span<const Value> args) = 0;
  // The aggregate of the rows added so far. Call once.
  virtual Result<Value> Finish() = 0;
};

// kSemanticError if `name` (case-insensitive) is not an aggregation function, or DISTINCT is
// requested for count(*)-style use of a function that does not allow it.
Result<std::unique_ptr<Aggregator>> MakeAggregator(std::string_view name, bool distinct);

// True for the names MakeAggregator accepts (case-insensitive).
bool IsAggregateFunction(std::string_view name);

}  // namespace smith::cypher

#endif  // SMITH_CYPHER_FUNCTIONS_AGGREGATES_H_
