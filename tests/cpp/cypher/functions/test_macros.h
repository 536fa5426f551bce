// Assertions over the test evaluator (eval.h).
#ifndef SMITH_TESTS_CPP_CYPHER_FUNCTIONS_TEST_MACROS_H_
#define SMITH_TESTS_CPP_CYPHER_FUNCTIONS_TEST_MACROS_H_

#include <gtest/gtest.h>

#include "eval.h"

// `expr` evaluates to a value whose TCK rendering (eval.h TckRender) is `expected`.
#define EXPECT_EVAL(expr, expected)                                                  \
  EXPECT_EQ(::smith::cypher::testing::Outcome(::smith::cypher::testing::Eval(expr)), \
            std::string("OK: ") + (expected))                                        \
      << "for " << (expr)

// `expr` fails with StatusCode `expected_code`.
#define EXPECT_EVAL_ERROR(expr, expected_code)                                              \
  do {                                                                                      \
    const auto eval_result_ = ::smith::cypher::testing::Eval(expr);                         \
    EXPECT_FALSE(eval_result_.ok())                                                         \
        << "for " << (expr) << ": got " << ::smith::cypher::testing::Outcome(eval_result_); \
    if (!eval_result_.ok()) {                                                               \
      EXPECT_EQ(eval_result_.status().code(), (expected_code))                              \
          << "for " << (expr) << ": " << eval_result_.status().ToString();                  \
    }                                                                                       \
  } while (false)

// `expr` fails with StatusCode `expected_code` and exactly `expected_message`.
#define EXPECT_EVAL_ERROR_MESSAGE(expr, expected_code, expected_message)                          \
  do {                                                                                            \
    const auto eval_result_ = ::smith::cypher::testing::Eval(expr);                               \
    ASSERT_FALSE(eval_result_.ok()) << "for " << (expr);                                          \
    EXPECT_EQ(eval_result_.status().code(), (expected_code)) << eval_result_.status().ToString(); \
    EXPECT_EQ(eval_result_.status().message(), (expected_message));                               \
  } while (false)

#endif  // SMITH_TESTS_CPP_CYPHER_FUNCTIONS_TEST_MACROS_H_
