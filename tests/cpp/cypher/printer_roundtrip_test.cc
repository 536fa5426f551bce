// Randomised check of the printer's parenthesisation and quoting: random expression trees are
// printed, re-parsed, and must come back with the same operator structure and the same text.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "cypher/ast/printer.h"
#include "cypher/parser/parser.h"
#include "test_util.h"

namespace smith::cypher {
namespace {

class ExprGenerator {
 public:
  explicit ExprGenerator(uint32_t seed) : rng_(seed) {}

  ExprPtr Gen(int depth) {
    if (depth <= 0 || Pick(4) == 0) return Leaf();
    switch (Pick(15)) {
      case 0:
      case 1:
      case 2: {
        auto op = static_cast<BinaryOp>(Pick(static_cast<int>(BinaryOp::kPow) + 1));
        return std::make_unique<BinaryExpr>(pos_, op, Gen(depth - 1), Gen(depth - 1));
      }
      case 3: {
        auto chain = std::make_unique<ComparisonChain>(pos_);
        int n = 2 + Pick(2);
        chain->operands.push_back(Gen(depth - 1));
        for (int i = 0; i < n; ++i) {
          chain->ops.push_back(static_cast<BinaryOp>(static_cast<int>(BinaryOp::kEq) + Pick(6)));
          chain->operands.push_back(Gen(depth - 1));
        }
        return chain;
      }
      case 4: {
        auto op = static_cast<UnaryOp>(Pick(3));
        ExprPtr operand = Gen(depth - 1);
        if (op != UnaryOp::kNot && operand->kind == ExprKind::kLiteral) {
          // `-5` would read back as the literal -5: wrap the literal instead.
          operand = std::make_unique<PropertyAccess>(pos_, std::move(operand), "k");
        }
        return std::make_unique<UnaryExpr>(pos_, op, std::move(operand));
      }
      case 5:
        return std::make_unique<IsNullExpr>(pos_, Gen(depth - 1), Pick(2) == 0);
      case 6:
        return std::make_unique<PropertyAccess>(pos_, Gen(depth - 1), Name());
      case 7: {
        if (Pick(2) == 0) return std::make_unique<SubscriptExpr>(pos_, Gen(depth - 1), Gen(0));
        auto slice = std::make_unique<SliceExpr>(pos_, Gen(depth - 1));
        if (Pick(2) == 0) slice->from = Gen(depth - 1);
        if (Pick(2) == 0) slice->to = Gen(depth - 1);
        return slice;
      }
      case 8: {
        auto pred = std::make_unique<LabelPredicate>(pos_, Gen(depth - 1));
        int n = 1 + Pick(2);
        for (int i = 0; i < n; ++i) pred->labels.push_back(Label(2));
        return pred;
      }
      case 9: {
        auto list = std::make_unique<ListLiteral>(pos_);
        int n = Pick(4);
        for (int i = 0; i < n; ++i) list->items.push_back(Gen(depth - 1));
        return list;
      }
      case 10: {
        auto map = std::make_unique<MapLiteral>(pos_);
        int n = Pick(3);
        for (int i = 0; i < n; ++i) map->entries.push_back({pos_, Name(), Gen(depth - 1)});
        return map;
      }
      case 11: {
        auto call = std::make_unique<FunctionCall>(pos_);
        call->name = Pick(3) == 0 ? "any" : "f";
        if (Pick(3) == 0) call->namespaces.push_back("ns");
        int n = Pick(3);
        for (int i = 0; i < n; ++i) call->args.push_back(Gen(depth - 1));
        return call;
      }
      case 12: {
        auto c = std::make_unique<ListComprehension>(pos_);
        c->variable = "x";
        c->list = Gen(depth - 1);
        if (Pick(2) == 0) c->where = Gen(depth - 1);
        if (Pick(2) == 0) c->projection = Gen(depth - 1);
        return c;
      }
      case 13: {
        auto c = std::make_unique<CaseExpr>(pos_);
        if (Pick(2) == 0) c->subject = Gen(depth - 1);
        c->alternatives.push_back({Gen(depth - 1), Gen(depth - 1)});
        if (Pick(2) == 0) c->else_expr = Gen(depth - 1);
        return c;
      }
      default: {
        auto q = std::make_unique<QuantifierExpr>(pos_, static_cast<QuantifierKind>(Pick(4)));
        q->variable = "y";
        q->list = Gen(depth - 1);
        q->where = Gen(depth - 1);
        return q;
      }
    }
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  std::string Name() {
    static const char* kNames[] = {"a", "b", "row", "x y", "count", "null", "match", "é", "1st"};
    return kNames[Pick(9)];
  }

  LabelExpression Label(int depth) {
    LabelExpression l;
    int kind = depth <= 0 ? Pick(2) : Pick(5);
    if (kind == 0) {
      l.kind = LabelExprKind::kName;
      l.name = Name();
    } else if (kind == 1) {
      l.kind = LabelExprKind::kWildcard;
    } else if (kind == 2) {
      l.kind = LabelExprKind::kNot;
      l.children.push_back(Label(depth - 1));
    } else {
      l.kind = kind == 3 ? LabelExprKind::kAnd : LabelExprKind::kOr;
      l.children.push_back(Label(depth - 1));
      l.children.push_back(Label(depth - 1));
    }
    return l;
  }

  ExprPtr Leaf() {
    switch (Pick(7)) {
      case 0:
        return std::make_unique<Variable>(pos_, Name());
      case 1:
        return Literal::Integer(pos_, std::uniform_int_distribution<int64_t>(-20, 20)(rng_));
      case 2:
        return Literal::Float(pos_, std::uniform_real_distribution<double>(-1e6, 1e6)(rng_));
      case 3:
        return Literal::String(pos_, Pick(2) == 0 ? "it's \\ \"q\"\n" : "plain");
      case 4:
        return Pick(2) == 0 ? Literal::Null(pos_) : Literal::Boolean(pos_, Pick(2) == 0);
      case 5:
        return std::make_unique<Parameter>(pos_, Pick(2) == 0 ? "p" : "0");
      default:
        return std::make_unique<CountStar>(pos_);
    }
  }

  std::mt19937 rng_;
  SourcePos pos_;
};

TEST(PrinterRoundTripTest, RandomExpressionsKeepTheirStructure) {
  constexpr uint32_t kSeed = 20240601;
  ExprGenerator gen(kSeed);
  for (int i = 0; i < 3000; ++i) {
    ExprPtr e = gen.Gen(4);
    std::string printed = ToCypher(*e);
    auto reparsed = ParseExpression(printed);
    ASSERT_TRUE(reparsed.ok()) << "seed " << kSeed << " iteration " << i << ": " << printed << "\n"
                               << reparsed.status().ToString();
    EXPECT_EQ(testing::Sexp(**reparsed), testing::Sexp(*e))
        << "seed " << kSeed << " iteration " << i << ": " << printed;
    EXPECT_EQ(ToCypher(**reparsed), printed) << "seed " << kSeed << " iteration " << i;
  }
}

}  // namespace
}  // namespace smith::cypher
