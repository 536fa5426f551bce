// Procedures registered by the application (Database::RegisterProcedure): validation of the
// signature, arguments (explicit, implicit from parameters, type checks and coercion), YIELD,
// void procedures, and errors from the procedure's own function.
#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine_fixture.h"

namespace smith::testing {
namespace {

using Records = std::vector<std::vector<Value>>;
using Field = ProcedureSignature::Field;

class ProcedureTest : public EngineFixture {
 protected:
  // my.scale(x :: FLOAT?, times :: INTEGER?) :: (value :: FLOAT?, index :: INTEGER?): `times`
  // records of x * 1, x * 2, ...
  void RegisterScale() {
    ProcedureSignature sig{"my.scale",
                           {{"x", "FLOAT?"}, {"times", "INTEGER?"}},
                           {{"value", "FLOAT?"}, {"index", "INTEGER?"}}};
    Status s =
        db_->RegisterProcedure(sig, [this](const std::vector<Value>& args) -> Result<Records> {
          ++calls_;
          seen_types_.push_back(std::string(ValueTypeName(args[0].type())));
          Records rows;
          if (args[0].is_null() || args[1].is_null()) return rows;
          for (int64_t i = 1; i <= args[1].AsInt(); ++i) {
            rows.push_back(
                {Value::Float(args[0].AsFloat() * static_cast<double>(i)), Value::Int(i)});
          }
          return rows;
        });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  std::atomic<int> calls_{0};
  std::vector<std::string> seen_types_;
};

TEST_F(ProcedureTest, CallsWithArgumentsAndYield) {
  RegisterScale();
  EXPECT_EQ(Rows("CALL my.scale(1.5, 2)"), (std::vector<std::string>{"1.5 | 1", "3.0 | 2"}));
  // An INTEGER passed for FLOAT arrives as a float.
  EXPECT_EQ(Rows("CALL my.scale(2, 1) YIELD value RETURN value"),
            (std::vector<std::string>{"2.0"}));
  EXPECT_EQ(seen_types_.back(), "FLOAT");
  // Per input row, arguments from the row; YIELD renames; WHERE filters.
  EXPECT_EQ(Rows("UNWIND [1, 2] AS n CALL my.scale(n, n) YIELD index AS i, value WHERE i > 1 "
                 "RETURN n, i, value"),
            (std::vector<std::string>{"2 | 2 | 4.0"}));
  // Implicit arguments come from the parameters named like the inputs.
  EXPECT_EQ(Rows("CALL my.scale",
                 ValueMap::FromEntries({{"x", Value::Float(0.5)}, {"times", Value::Int(1)}})),
            (std::vector<std::string>{"0.5 | 1"}));
  // Names are case-insensitive, as for the built-ins.
  EXPECT_EQ(Rows("CALL MY.Scale(1.0, 1) YIELD index RETURN index"),
            (std::vector<std::string>{"1"}));
}

TEST_F(ProcedureTest, RejectsBadCallsBeforeRunning) {
  RegisterScale();
  EXPECT_EQ(Error("CALL my.scale(1.0)").code(), StatusCode::kSyntaxError);
  EXPECT_EQ(Error("CALL my.scale(1.0, 2, 3)").code(), StatusCode::kSyntaxError);
  EXPECT_EQ(Error("CALL my.scale", ValueMap::FromEntries({{"x", Value::Float(1)}})).code(),
            StatusCode::kParameterMissing);
  EXPECT_EQ(Error("CALL my.scale(1.0, 1) YIELD nope").code(), StatusCode::kSyntaxError);
  EXPECT_EQ(Error("UNWIND [1] AS n CALL my.scale(1.0, 1) RETURN n").code(),
            StatusCode::kSyntaxError);  // outputs must be yielded inside a query
  EXPECT_EQ(Error("WITH 1 AS value CALL my.scale(1.0, 1) YIELD value RETURN value").code(),
            StatusCode::kSemanticError);  // already bound
  EXPECT_EQ(Error("MATCH (n) CALL my.scale(count(n), 1) YIELD value RETURN value").code(),
            StatusCode::kSyntaxError);
  EXPECT_EQ(Error("CALL my.missing()").code(), StatusCode::kProcedureNotFound);
  EXPECT_EQ(calls_.load(), 0);
  // A value of the wrong type is found while running.
  Status wrong = Error("CALL my.scale('x', 1)");
  EXPECT_EQ(wrong.code(), StatusCode::kTypeError);
  EXPECT_NE(wrong.message().find("Wrong argument type for `x` of procedure my.scale: expected "
                                 "FLOAT? but was STRING"),
            std::string::npos)
      << wrong.ToString();
}

TEST_F(ProcedureTest, VoidProceduresPassRowsThroughInsideAQuery) {
  ASSERT_TRUE(db_->RegisterProcedure({"my.touch", {{"n", "ANY"}}, {}},
                                     [this](const std::vector<Value>&) -> Result<Records> {
                                       ++calls_;
                                       return Records{};
                                     })
                  .ok());
  EXPECT_EQ(Rows("UNWIND [1, 2, 3] AS n CALL my.touch(n) RETURN n"),
            (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(calls_.load(), 3);
  EXPECT_TRUE(Rows("CALL my.touch(1)").empty());  // standalone: no records
  // Not nullable: null is refused.
  EXPECT_EQ(Error("CALL my.touch(null)").code(), StatusCode::kTypeError);
}

TEST_F(ProcedureTest, FunctionErrorsAndMalformedRecordsFailTheStatement) {
  ASSERT_TRUE(db_->RegisterProcedure({"my.fail", {}, {{"x", "INTEGER?"}}},
                                     [](const std::vector<Value>&) -> Result<Records> {
                                       return Status(StatusCode::kArgumentError,
                                                     "the lookup service is down");
                                     })
                  .ok());
  Status failed = Error("CALL my.fail()");
  EXPECT_EQ(failed.code(), StatusCode::kArgumentError);
  EXPECT_NE(failed.message().find("procedure my.fail"), std::string::npos) << failed.ToString();
  EXPECT_NE(failed.message().find("the lookup service is down"), std::string::npos);
  ASSERT_TRUE(db_->RegisterProcedure({"my.wide", {}, {{"x", "INTEGER?"}}},
                                     [](const std::vector<Value>&) -> Result<Records> {
                                       return Records{{Value::Int(1), Value::Int(2)}};
                                     })
                  .ok());
  EXPECT_EQ(Error("CALL my.wide()").code(), StatusCode::kProcedureCallFailed);
  // A failure inside a writing statement leaves nothing behind.
  EXPECT_EQ(Error("CREATE (:T) WITH 1 AS one CALL my.fail() YIELD x RETURN x").code(),
            StatusCode::kArgumentError);
  EXPECT_EQ(Count("MATCH (t:T)"), 0);
}

TEST_F(ProcedureTest, RegistrationValidatesTheSignature) {
  auto none = [](const std::vector<Value>&) -> Result<Records> { return Records{}; };
  auto code = [&](ProcedureSignature sig) { return db_->RegisterProcedure(sig, none).code(); };
  EXPECT_EQ(code({"", {}, {}}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({"my..proc", {}, {}}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({"my.proc-1", {}, {}}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({"my.proc", {{"a", "WHATEVER"}}, {}}), StatusCode::kInvalidArgument);
  EXPECT_EQ(code({"my.proc", {{"a", "INTEGER"}, {"a", "STRING"}}, {}}),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(code({"my.proc", {}, {{"out", "LIST? OF STRING?"}}}), StatusCode::kOk);
  EXPECT_EQ(code({"MY.PROC", {}, {}}), StatusCode::kInvalidArgument);  // already registered
  EXPECT_EQ(code({"db.labels", {}, {}}), StatusCode::kInvalidArgument);
  EXPECT_EQ(db_->RegisterProcedure({"my.other", {}, {}}, nullptr).code(),
            StatusCode::kInvalidArgument);
  // The built-ins still work.
  EXPECT_TRUE(Rows("CALL db.labels()").empty());
}

TEST_F(ProcedureTest, NodeArgumentsArriveWhole) {
  ASSERT_TRUE(db_->RegisterProcedure({"my.describe", {{"n", "NODE?"}}, {{"text", "STRING?"}}},
                                     [](const std::vector<Value>& args) -> Result<Records> {
                                       return Records{{Value::String(args[0].ToString())}};
                                     })
                  .ok());
  ASSERT_TRUE(db_->Run("CREATE (:Person {name: 'Ada'})").ok());
  EXPECT_EQ(One("MATCH (p:Person) CALL my.describe(p) YIELD text RETURN text"),
            "'(:Person {name: \\'Ada\\'})'");
}

TEST_F(ProcedureTest, ContractViolationsFailWithProcedureCallFailed) {
  ASSERT_TRUE(db_->RegisterProcedure({"my.chatty", {}, {}},
                                     [](const std::vector<Value>&) -> Result<Records> {
                                       return Records{{}};  // a record from a void procedure
                                     })
                  .ok());
  EXPECT_EQ(Error("UNWIND [1, 2] AS n CALL my.chatty() RETURN n").code(),
            StatusCode::kProcedureCallFailed);
  EXPECT_EQ(Error("CALL my.chatty()").code(), StatusCode::kProcedureCallFailed);
  ASSERT_TRUE(db_->RegisterProcedure({"my.throws", {}, {{"x", "ANY"}}},
                                     [](const std::vector<Value>&) -> Result<Records> {
                                       throw std::runtime_error("out of coffee");
                                     })
                  .ok());
  Status thrown = Error("CALL my.throws()");
  EXPECT_EQ(thrown.code(), StatusCode::kProcedureCallFailed);
  EXPECT_NE(thrown.message().find("procedure my.throws threw: out of coffee"), std::string::npos)
      << thrown.ToString();
}

TEST_F(ProcedureTest, ImplicitArgumentsOnlyStandalone) {
  RegisterScale();
  Status s = Error("UNWIND [1] AS n CALL my.scale YIELD value RETURN value",
                   ValueMap::FromEntries({{"x", Value::Float(1)}, {"times", Value::Int(1)}}));
  EXPECT_EQ(s.code(), StatusCode::kSyntaxError);
  EXPECT_NE(s.message().find("does not support passing arguments implicitly"), std::string::npos)
      << s.ToString();
}

TEST_F(ProcedureTest, ListTypesTakeTheirNullabilityFromList) {
  auto echo = [](const std::vector<Value>& args) -> Result<Records> { return Records{{args[0]}}; };
  ASSERT_TRUE(
      db_->RegisterProcedure({"my.maybe", {{"l", "LIST? OF STRING"}}, {{"l", "ANY"}}}, echo).ok());
  ASSERT_TRUE(
      db_->RegisterProcedure({"my.must", {{"l", "LIST OF STRING?"}}, {{"l", "ANY"}}}, echo).ok());
  EXPECT_EQ(One("CALL my.maybe(null) YIELD l RETURN l"), "null");
  EXPECT_EQ(One("CALL my.must(['a']) YIELD l RETURN l"), "['a']");
  EXPECT_EQ(Error("CALL my.must(null)").code(), StatusCode::kTypeError);
  for (const char* bad : {"LISTEN", "LIST OF", "LIST OF NOTHING", "LIST?OF STRING"}) {
    EXPECT_EQ(db_->RegisterProcedure({"my.bad", {{"l", bad}}, {}}, echo).code(),
              StatusCode::kInvalidArgument)
        << bad;
  }
}

}  // namespace
}  // namespace smith::testing
