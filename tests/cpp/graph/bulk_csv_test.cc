// CSV reading for bulk import: RFC 4180 records, Neo4j headers and typed field conversion.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "common/temporal.h"
#include "graph/bulk_csv.h"

namespace smith::graph::bulk {
namespace {

// All records of `data`, each as its field texts; quoted fields are marked with a leading '!'.
std::vector<std::vector<std::string>> ReadAll(std::string_view data, CsvDialect dialect = {}) {
  CsvReader reader(data, dialect);
  std::vector<std::vector<std::string>> out;
  std::vector<CsvField> fields;
  for (;;) {
    Result<bool> more = reader.Next(&fields);
    EXPECT_TRUE(more.ok()) << more.status().ToString();
    if (!more.ok() || !*more) break;
    std::vector<std::string> row;
    for (const CsvField& f : fields) row.push_back((f.quoted ? "!" : "") + std::string(f.text));
    out.push_back(std::move(row));
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReaderTest, PlainFieldsAndLineEndings) {
  EXPECT_EQ(ReadAll("a,b,c\n1,2,3\n"), (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(ReadAll("a,b\r\n1,2\r\n"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(ReadAll("a,b\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));  // no final newline
  EXPECT_EQ(ReadAll("a,,\n"), (Rows{{"a", "", ""}}));
  EXPECT_EQ(ReadAll("a,"), (Rows{{"a", ""}}));
  EXPECT_EQ(ReadAll("\n\na\n\n\nb\n"), (Rows{{"a"}, {"b"}}));   // blank lines skipped
  EXPECT_EQ(ReadAll("\xEF\xBB\xBFx,y\n"), (Rows{{"x", "y"}}));  // byte order mark
  EXPECT_EQ(ReadAll("a\tb\n", CsvDialect{'\t', ';', '"'}), (Rows{{"a", "b"}}));
  EXPECT_EQ(ReadAll("ab\"c,d\n"), (Rows{{"ab\"c", "d"}}));  // a quote inside is literal
}

TEST(CsvReaderTest, QuotedFields) {
  EXPECT_EQ(ReadAll("\"a,b\",\"\"\n"), (Rows{{"!a,b", "!"}}));
  EXPECT_EQ(ReadAll("\"say \"\"hi\"\"\",x\n"), (Rows{{"!say \"hi\"", "x"}}));
  EXPECT_EQ(ReadAll("\"\"\"\"\n"), (Rows{{"!\""}}));
  EXPECT_EQ(ReadAll("\"a\"\r\n\"b\""), (Rows{{"!a"}, {"!b"}}));
  // Several escaped fields in one record keep their own text.
  EXPECT_EQ(ReadAll("\"1\"\"\",\"2\"\"\",\"3\"\"\"\n"), (Rows{{"!1\"", "!2\"", "!3\""}}));
}

TEST(CsvReaderTest, EmbeddedNewlinesCountLines) {
  CsvReader reader("h1,h2\n\"line\none\",x\n\"a\r\nb\"\"\n\",y\nlast,z\n", CsvDialect{});
  std::vector<CsvField> fields;
  ASSERT_TRUE(*reader.Next(&fields));
  EXPECT_EQ(reader.record_line(), 1u);
  ASSERT_TRUE(*reader.Next(&fields));
  EXPECT_EQ(reader.record_line(), 2u);
  EXPECT_EQ(fields[0].text, "line\none");
  ASSERT_TRUE(*reader.Next(&fields));
  EXPECT_EQ(reader.record_line(), 4u);
  EXPECT_EQ(fields[0].text, "a\r\nb\"\n");
  ASSERT_TRUE(*reader.Next(&fields));
  EXPECT_EQ(reader.record_line(), 7u);
  EXPECT_EQ(fields[0].text, "last");
  EXPECT_FALSE(*reader.Next(&fields));
}

TEST(CsvReaderTest, MalformedQuotingNamesLineAndColumn) {
  std::vector<CsvField> fields;
  CsvReader open("a,b\n1,\"never\nclosed\n", CsvDialect{});
  ASSERT_TRUE(*open.Next(&fields));
  Result<bool> r = open.Next(&fields);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 2, column 2"), std::string::npos)
      << r.status().ToString();
  EXPECT_NE(r.status().message().find("never closed"), std::string::npos);

  CsvReader after("\"ab\"c,d\n", CsvDialect{});
  r = after.Next(&fields);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 1, column 1"), std::string::npos)
      << r.status().ToString();
}

std::vector<CsvField> Fields(std::initializer_list<std::string_view> texts) {
  std::vector<CsvField> out;
  for (std::string_view t : texts) out.push_back(CsvField{t, false});
  return out;
}

TEST(CsvHeaderTest, RolesTypesAndIdSpaces) {
  auto cols = ParseCsvHeader(Fields({"id:ID(Person)", ":LABEL", "name", "age:int", "tags:string[]",
                                     "born:date", "x:IGNORE", "score:Double", "when:datetime"}),
                             false);
  ASSERT_TRUE(cols.ok()) << cols.status().ToString();
  ASSERT_EQ(cols->size(), 9u);
  EXPECT_EQ((*cols)[0].role, ColumnRole::kId);
  EXPECT_EQ((*cols)[0].name, "id");
  EXPECT_EQ((*cols)[0].id_space, "Person");
  EXPECT_EQ((*cols)[1].role, ColumnRole::kLabel);
  EXPECT_EQ((*cols)[2].type, FieldType::kString);
  EXPECT_EQ((*cols)[3].type, FieldType::kInteger);
  EXPECT_EQ((*cols)[3].integer_bits, 32);
  EXPECT_TRUE((*cols)[4].array);
  EXPECT_EQ((*cols)[5].type, FieldType::kDate);
  EXPECT_EQ((*cols)[6].role, ColumnRole::kIgnore);
  EXPECT_EQ((*cols)[7].type, FieldType::kFloat);
  EXPECT_EQ((*cols)[8].type, FieldType::kDateTime);

  auto rels =
      ParseCsvHeader(Fields({":START_ID(Person)", ":END_ID(City)", ":TYPE", "since:long"}), true);
  ASSERT_TRUE(rels.ok()) << rels.status().ToString();
  EXPECT_EQ((*rels)[0].id_space, "Person");
  EXPECT_EQ((*rels)[1].id_space, "City");
  EXPECT_EQ((*rels)[2].role, ColumnRole::kType);
}

TEST(CsvHeaderTest, Errors) {
  auto expect_error = [](std::initializer_list<std::string_view> header, bool rels,
                         std::string_view fragment) {
    auto r = ParseCsvHeader(Fields(header), rels);
    ASSERT_FALSE(r.ok()) << fragment;
    EXPECT_NE(r.status().message().find(fragment), std::string::npos) << r.status().ToString();
  };
  expect_error({"a", "b:integer"}, false, "column 2");
  expect_error({"a:point"}, false, "not supported");
  expect_error({":START_ID", ":END_ID"}, false, "belongs in a relationship file");
  expect_error({":ID", ":START_ID", ":END_ID"}, true, "belongs in a node file");
  expect_error({":START_ID"}, true, ":END_ID");
  expect_error({":ID", ":ID(x)"}, false, "appears twice");
  expect_error({":int"}, false, "needs a name");
  expect_error({"a:string(x)"}, false, "ID space");
}

Value Convert(std::string_view header, std::string_view text, bool quoted = false) {
  auto cols = ParseCsvHeader(Fields({header}), false);
  EXPECT_TRUE(cols.ok());
  Value v;
  Status s = ConvertCsvField((*cols)[0], CsvField{text, quoted}, CsvDialect{}, &v);
  EXPECT_TRUE(s.ok()) << header << " " << text << ": " << s.ToString();
  return v;
}

Status ConvertError(std::string_view header, std::string_view text) {
  auto cols = ParseCsvHeader(Fields({header}), false);
  EXPECT_TRUE(cols.ok());
  Value v;
  return ConvertCsvField((*cols)[0], CsvField{text, false}, CsvDialect{}, &v);
}

TEST(CsvFieldTest, TypedValues) {
  EXPECT_EQ(Convert("a:long", " -42 ").AsInt(), -42);
  EXPECT_EQ(Convert("a:int", "+7").AsInt(), 7);
  EXPECT_DOUBLE_EQ(Convert("a:double", "2.5").AsFloat(), 2.5);
  EXPECT_TRUE(std::isnan(Convert("a:float", "NaN").AsFloat()));
  EXPECT_EQ(Convert("a:double", "-Infinity").AsFloat(), -INFINITY);
  EXPECT_TRUE(Convert("a:boolean", "TRUE").AsBool());
  EXPECT_FALSE(Convert("a:boolean", "false").AsBool());
  EXPECT_EQ(Convert("a:date", "2015-07-21").ToString(),
            Value(*Date::Parse("2015-07-21")).ToString());
  EXPECT_TRUE(Convert("a:localdatetime", "2015-07-21T21:40:32.142").type() ==
              ValueType::kLocalDateTime);
  EXPECT_EQ(Convert("a:datetime", "2015-07-21T21:40:32+02:00[Europe/Stockholm]").type(),
            ValueType::kDateTime);
  EXPECT_EQ(Convert("a:duration", "P1M2DT3S").type(), ValueType::kDuration);
  EXPECT_EQ(Convert("a:time", "12:00+01:00").type(), ValueType::kTime);
  EXPECT_EQ(Convert("a:localtime", "12:31:14.645876123").type(), ValueType::kLocalTime);
  EXPECT_EQ(Convert("a", " padded ").AsString(), " padded ");  // strings are not trimmed
}

TEST(CsvFieldTest, EmptyFields) {
  EXPECT_TRUE(Convert("a", "").is_null());
  EXPECT_EQ(Convert("a", "", true).AsString(), "");
  EXPECT_TRUE(Convert("a:int", "").is_null());
  EXPECT_TRUE(Convert("a:int", "", true).is_null());
  EXPECT_TRUE(Convert("a:int[]", "").is_null());
  EXPECT_EQ(Convert("a:int[]", "", true).AsList().size(), 0u);
  EXPECT_EQ(Convert("a:string[]", "", true).AsList().size(), 0u);
}

TEST(CsvFieldTest, Arrays) {
  Value tags = Convert("tags:string[]", "a;b; c");
  ASSERT_TRUE(tags.is_list());
  ASSERT_EQ(tags.AsList().size(), 3u);
  EXPECT_EQ(tags.AsList()[2].AsString(), " c");
  Value nums = Convert("n:long[]", "1; 2;3");
  ASSERT_EQ(nums.AsList().size(), 3u);
  EXPECT_EQ(nums.AsList()[1].AsInt(), 2);
  Value bytes = Convert("b:byte[]", "1;-1;127");
  ASSERT_TRUE(bytes.is_bytes());
  EXPECT_EQ(bytes.AsBytes(), std::string("\x01\xff\x7f", 3));
  EXPECT_TRUE(Convert("b:byte[]", "", true).is_bytes());
}

TEST(CsvFieldTest, BadValuesSayWhat) {
  Status s = ConvertError("age:int", "abc");
  EXPECT_NE(s.message().find("'abc' is not an integer"), std::string::npos) << s.ToString();
  s = ConvertError("age:int", "3000000000");
  EXPECT_NE(s.message().find("range of int"), std::string::npos) << s.ToString();
  s = ConvertError("age:byte", "200");
  EXPECT_FALSE(s.ok());
  s = ConvertError("age:long", "99999999999999999999");
  EXPECT_NE(s.message().find("64-bit"), std::string::npos) << s.ToString();
  s = ConvertError("ok:boolean", "yes");
  EXPECT_NE(s.message().find("boolean"), std::string::npos) << s.ToString();
  s = ConvertError("d:date", "2015-13-01");
  EXPECT_NE(s.message().find("is not a date"), std::string::npos) << s.ToString();
  s = ConvertError("x:double", "1.5.2");
  EXPECT_NE(s.message().find("is not a float"), std::string::npos) << s.ToString();
  s = ConvertError("n:long[]", "1;x;3");
  EXPECT_NE(s.message().find("array element 2"), std::string::npos) << s.ToString();
  s = ConvertError("n:long[]", "1;;3");
  EXPECT_NE(s.message().find("empty"), std::string::npos) << s.ToString();
}

}  // namespace
}  // namespace smith::graph::bulk
