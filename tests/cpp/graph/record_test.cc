// Node/relationship record codecs, patches and the merge functions built on them.
#include "graph/record.h"

#include <gtest/gtest.h>

#include "graph/record_merge.h"

namespace smith::graph {
namespace {

NodeRecord SampleNode() {
  return NodeRecord{{1, 4}, {{0, Value::Int(7)}, {2, Value::String("x")}, {9, Value::Float(0.5)}}};
}

TEST(RecordTest, NodeRoundTrip) {
  std::string bytes;
  EncodeNodeRecord(SampleNode(), &bytes);
  NodeRecord back;
  ASSERT_TRUE(DecodeNodeRecord(bytes, &back).ok());
  EXPECT_EQ(back.labels, SampleNode().labels);
  ASSERT_EQ(back.properties.size(), 3u);
  EXPECT_EQ(back.Find(2)->AsString(), "x");
  std::vector<TokenId> labels;
  ASSERT_TRUE(DecodeNodeLabels(bytes, &labels).ok());
  EXPECT_EQ(labels, SampleNode().labels);
}

TEST(RecordTest, RelRoundTrip) {
  RelRecord rel{3, 10, 1ull << 40, {{1, Value::Bool(true)}}};
  std::string bytes;
  EncodeRelRecord(rel, &bytes);
  RelRecord back;
  ASSERT_TRUE(DecodeRelRecord(bytes, &back).ok());
  EXPECT_EQ(back.type, 3u);
  EXPECT_EQ(back.start, 10u);
  EXPECT_EQ(back.end, 1ull << 40);
  EXPECT_TRUE(back.Find(1)->AsBool());
}

TEST(RecordTest, EveryTruncationIsCorruption) {
  std::string bytes;
  EncodeNodeRecord(SampleNode(), &bytes);
  for (size_t n = 0; n < bytes.size(); ++n) {
    NodeRecord back;
    Status s = DecodeNodeRecord(std::string_view(bytes).substr(0, n), &back);
    EXPECT_TRUE(s.IsCorruption()) << "prefix " << n << ": " << s.ToString();
  }
  NodeRecord back;
  EXPECT_TRUE(DecodeNodeRecord(bytes + "z", &back).IsCorruption());
  RelRecord rel;
  EXPECT_TRUE(DecodeRelRecord(bytes, &rel).IsCorruption());  // wrong tag
}

TEST(RecordTest, PatchSetsUnsetsAndRelabels) {
  NodeRecord node = SampleNode();
  RecordPatch patch;
  patch.add_labels = {2, 4};
  patch.remove_labels = {1};
  patch.set = {{1, Value::Int(1)}, {2, Value::String("y")}};
  patch.unset = {9};
  std::string bytes;
  EncodePatch(patch, &bytes);
  RecordPatch decoded;
  ASSERT_TRUE(DecodePatch(bytes, &decoded).ok());
  ApplyPatch(decoded, &node.labels, &node.properties);
  EXPECT_EQ(node.labels, (std::vector<TokenId>{2, 4}));
  ASSERT_EQ(node.properties.size(), 3u);
  EXPECT_EQ(node.Find(0)->AsInt(), 7);
  EXPECT_EQ(node.Find(1)->AsInt(), 1);
  EXPECT_EQ(node.Find(2)->AsString(), "y");
  EXPECT_EQ(node.Find(9), nullptr);
}

TEST(RecordTest, NormalizeKeepsLastDuplicate) {
  PropertyList props{{5, Value::Int(1)}, {2, Value::Int(2)}, {5, Value::Int(3)}};
  NormalizeProperties(&props);
  ASSERT_EQ(props.size(), 2u);
  EXPECT_EQ(props[0].first, 2u);
  EXPECT_EQ(props[1].second.AsInt(), 3);
}

TEST(RecordMergeTest, NodeMergeFoldsOperandsInOrder) {
  auto merge = NewNodeMergeFunction();
  std::string base;
  EncodeNodeRecord(SampleNode(), &base);
  std::string op1;
  std::string op2;
  EncodePatch(RecordPatch{{}, {}, {{0, Value::Int(100)}}, {}}, &op1);
  EncodePatch(RecordPatch{{}, {}, {{0, Value::Int(200)}}, {2}}, &op2);
  std::string_view existing = base;
  std::vector<std::string_view> operands{op1, op2};
  std::string result;
  ASSERT_TRUE(merge->FullMerge(&existing, operands, &result));
  NodeRecord merged;
  ASSERT_TRUE(DecodeNodeRecord(result, &merged).ok());
  EXPECT_EQ(merged.Find(0)->AsInt(), 200);
  EXPECT_EQ(merged.Find(2), nullptr);
  std::string garbage = "\x10\xff";
  std::vector<std::string_view> bad{garbage};
  EXPECT_FALSE(merge->FullMerge(&existing, bad, &result));
}

TEST(RecordMergeTest, RelMergeNeedsABaseRecord) {
  auto merge = NewRelMergeFunction();
  std::string op;
  EncodePatch(RecordPatch{{}, {}, {{0, Value::Int(1)}}, {}}, &op);
  std::vector<std::string_view> operands{op};
  std::string result;
  EXPECT_FALSE(merge->FullMerge(nullptr, operands, &result));
}

}  // namespace
}  // namespace smith::graph
