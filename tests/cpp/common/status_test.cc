#include "common/status.h"

#include <gtest/gtest.h>

#include "common/result.h"

namespace smith {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, ErrorCarriesCodeAndMessage) {
  Status s = Status::ConstraintViolation("Node(1) already exists with label `Person`");
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(s.IsConstraintViolation());
  EXPECT_EQ(s.message(), "Node(1) already exists with label `Person`");
  EXPECT_EQ(s.ToString(),
            "Neo.ClientError.Schema.ConstraintValidationFailed: Node(1) already exists with "
            "label `Person`");
}

TEST(StatusTest, CopyIsDeepAndMoveEmptiesNothingVisible) {
  Status a = Status::NotFound("x");
  Status b = a;
  EXPECT_EQ(b.message(), "x");
  EXPECT_EQ(a.message(), "x");
  Status c = std::move(b);
  EXPECT_TRUE(c.IsNotFound());
}

TEST(StatusTest, WithContextPrefixesMessage) {
  EXPECT_EQ(Status::IOError("disk full").WithContext("commit").message(), "commit: disk full");
  EXPECT_TRUE(Status::OK().WithContext("ignored").ok());
}

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidArgument("odd");
  return x / 2;
}

Status Quarter(int x, int* out) {
  SMITH_ASSIGN_OR_RETURN(int h, Half(x));
  SMITH_ASSIGN_OR_RETURN(*out, Half(h));
  return Status::OK();
}

TEST(ResultTest, ValueAndError) {
  Result<int> r = Half(4);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 2);
  Result<int> e = Half(3);
  EXPECT_FALSE(e.ok());
  EXPECT_TRUE(e.status().IsInvalidArgument());
  EXPECT_EQ(e.value_or(7), 7);
}

TEST(ResultTest, AssignOrReturnPropagates) {
  int out = 0;
  EXPECT_TRUE(Quarter(8, &out).ok());
  EXPECT_EQ(out, 2);
  EXPECT_TRUE(Quarter(6, &out).IsInvalidArgument());
}

}  // namespace
}  // namespace smith
