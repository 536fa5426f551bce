// String functions (code-point based, Unicode case mapping) and mathematical functions.
#include <gtest/gtest.h>

#include "test_macros.h"

namespace smith::cypher {
namespace {

TEST(StringFunctions, CaseConversion) {
  EXPECT_EVAL("toUpper('hello')", "'HELLO'");
  EXPECT_EVAL("toLower('HELLO')", "'hello'");
  EXPECT_EVAL("upper('abc')", "'ABC'");
  EXPECT_EVAL("lower('ABC')", "'abc'");
  // Full case mapping as java.lang.String: sharp s becomes SS, accents and Greek map.
  EXPECT_EVAL("toUpper('stra\\u00dfe')", "'STRASSE'");
  EXPECT_EVAL("toUpper('\\u00e9t\\u00e9')", "'\xC3\x89T\xC3\x89'");
  EXPECT_EVAL("toLower('\\u00c9T\\u00c9')", "'\xC3\xA9t\xC3\xA9'");
  // Final sigma: a capital sigma ending a word lowers to U+03C2.
  EXPECT_EVAL("toLower('\\u039f\\u0394\\u039f\\u03a3')", "'\xCE\xBF\xCE\xB4\xCE\xBF\xCF\x82'");
  EXPECT_EVAL("toUpper(null)", "null");
  EXPECT_EVAL_ERROR("toUpper(1)", StatusCode::kTypeError);
}

TEST(StringFunctions, Trimming) {
  EXPECT_EVAL("trim('  hello \\t\\n')", "'hello'");
  EXPECT_EVAL("ltrim('   hello')", "'hello'");
  EXPECT_EVAL("rtrim('hello   ')", "'hello'");
  EXPECT_EVAL("ltrim('  a  ')", "'a  '");
  EXPECT_EVAL("btrim('  a  ')", "'a'");
  EXPECT_EVAL("btrim('xxyyhelloxyxy', 'xy')", "'hello'");
  EXPECT_EVAL("ltrim('xxhixx', 'x')", "'hixx'");
  EXPECT_EVAL("rtrim('xxhixx', 'x')", "'xxhi'");
  EXPECT_EVAL("trim('\\u2003em space\\u2003')", "'em space'");
  EXPECT_EVAL("trim('\\u00a0nbsp')", "'\xC2\xA0nbsp'");  // no-break space is not whitespace
  EXPECT_EVAL("trim('   ')", "''");
  EXPECT_EVAL("btrim(null, 'x')", "null");
  EXPECT_EVAL("btrim('x', null)", "null");
}

TEST(StringFunctions, Replace) {
  EXPECT_EVAL("replace('hello', 'l', 'w')", "'hewwo'");
  EXPECT_EVAL("replace('hello', 'x', 'w')", "'hello'");
  EXPECT_EVAL("replace('aaa', 'aa', 'b')", "'ba'");
  EXPECT_EVAL("replace('abc', '', '-')", "'-a-b-c-'");
  EXPECT_EVAL("replace('abc', 'b', '')", "'ac'");
  EXPECT_EVAL("replace(null, 'a', 'b')", "null");
  EXPECT_EVAL("replace('a', null, 'b')", "null");
  EXPECT_EVAL_ERROR("replace('a', 1, 'b')", StatusCode::kTypeError);
}

TEST(StringFunctions, SubstringLeftRight) {
  EXPECT_EVAL("substring('hello', 1, 3)", "'ell'");
  EXPECT_EVAL("substring('hello', 2)", "'llo'");
  EXPECT_EVAL("substring('hello', 0, 0)", "''");
  EXPECT_EVAL("substring('hello', 10)", "''");
  EXPECT_EVAL("substring('hello', 3, 100)", "'lo'");
  EXPECT_EVAL("substring('\\u00e9t\\u00e9', 1, 1)", "'t'");
  EXPECT_EVAL("substring(null, 1)", "null");
  EXPECT_EVAL_ERROR("substring('hello', -1)", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("substring('hello', 1, -1)", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("substring('hello', null)", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("substring('hello', 1.5)", StatusCode::kTypeError);
  EXPECT_EVAL("left('hello', 3)", "'hel'");
  EXPECT_EVAL("left('hello', 30)", "'hello'");
  EXPECT_EVAL("right('hello', 3)", "'llo'");
  EXPECT_EVAL("right('hello', 30)", "'hello'");
  EXPECT_EVAL("right('\\u00e9t\\u00e9', 1)", "'\xC3\xA9'");
  EXPECT_EVAL("left(null, 3)", "null");
  EXPECT_EVAL_ERROR("left('hello', null)", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("right('hello', -1)", StatusCode::kArgumentError);
}

TEST(StringFunctions, Split) {
  EXPECT_EVAL("split('one,two', ',')", "['one', 'two']");
  EXPECT_EVAL("split('a,,b,', ',')", "['a', '', 'b', '']");
  EXPECT_EVAL("split('', ',')", "['']");
  EXPECT_EVAL("split('abc', '')", "['a', 'b', 'c']");
  EXPECT_EVAL("split('a-b_c', ['-', '_'])", "['a', 'b', 'c']");
  EXPECT_EVAL("split('a::b', '::')", "['a', 'b']");
  EXPECT_EVAL("split(null, ',')", "null");
  EXPECT_EVAL("split('a', null)", "null");
  EXPECT_EVAL_ERROR("split('a', 1)", StatusCode::kTypeError);
}

TEST(MathFunctions, AbsSignCeilFloor) {
  EXPECT_EVAL("abs(-3)", "3");
  EXPECT_EVAL("abs(-3.5)", "3.5");
  EXPECT_EVAL("abs(null)", "null");
  EXPECT_EVAL_ERROR("abs(-9223372036854775808)", StatusCode::kArithmeticError);
  EXPECT_EVAL_ERROR("abs('1')", StatusCode::kTypeError);
  EXPECT_EVAL("sign(-17)", "-1");
  EXPECT_EVAL("sign(0.1)", "1");
  EXPECT_EVAL("sign(0)", "0");
  EXPECT_EVAL("sign(0.0 / 0.0)", "0");
  EXPECT_EVAL("ceil(0.1)", "1.0");
  EXPECT_EVAL("ceil(-0.1)", "-0.0");
  EXPECT_EVAL("ceil(3)", "3.0");
  EXPECT_EVAL("floor(0.9)", "0.0");
  EXPECT_EVAL("floor(-0.9)", "-1.0");
}

TEST(MathFunctions, RoundLikeNeo4j) {
  // Examples from the Neo4j 5 manual (functions/mathematical-numeric).
  EXPECT_EVAL("round(3.141592)", "3.0");
  EXPECT_EVAL("round(-1.5)", "-1.0");
  EXPECT_EVAL("round(3.141592, 3)", "3.142");
  EXPECT_EVAL("round(-1.5, 0)", "-1.0");
  EXPECT_EVAL("round(-1.55, 1)", "-1.6");
  const char* inputs[] = {"1.249", "-1.251", "1.25", "-1.35"};
  const struct {
    const char* mode;
    const char* expected[4];
  } modes[] = {
      {"UP", {"1.3", "-1.3", "1.3", "-1.4"}},        {"DOWN", {"1.2", "-1.2", "1.2", "-1.3"}},
      {"CEILING", {"1.3", "-1.2", "1.3", "-1.3"}},   {"FLOOR", {"1.2", "-1.3", "1.2", "-1.4"}},
      {"HALF_UP", {"1.2", "-1.3", "1.3", "-1.4"}},   {"HALF_DOWN", {"1.2", "-1.3", "1.2", "-1.3"}},
      {"HALF_EVEN", {"1.2", "-1.3", "1.2", "-1.4"}},
  };
  for (const auto& m : modes) {
    for (int i = 0; i < 4; ++i) {
      EXPECT_EVAL(std::string("round(") + inputs[i] + ", 1, '" + m.mode + "')", m.expected[i]);
    }
  }
  EXPECT_EVAL("round(2.5, 0, 'HALF_EVEN')", "2.0");
  EXPECT_EVAL("round(-2.5, 0, 'HALF_UP')", "-3.0");
  EXPECT_EVAL("round(0.05, 1)", "0.1");
  EXPECT_EVAL("round(0.0004, 2, 'UP')", "0.01");
  EXPECT_EVAL("round(9.99, 1)", "10.0");
  EXPECT_EVAL("round(123.456, 10)", "123.456");
  EXPECT_EVAL("round(1e300, 2)", "1.0E300");
  EXPECT_EVAL("round(7)", "7.0");
  EXPECT_EVAL("round(0.0 / 0.0, 2)", "NaN");
  EXPECT_EVAL("round(null, 1)", "null");
  EXPECT_EVAL_ERROR("round(1.5, -1)", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("round(1.5, 1, 'SIDEWAYS')", StatusCode::kArgumentError);
  EXPECT_EVAL_ERROR("round('1.5')", StatusCode::kTypeError);
}

TEST(MathFunctions, LogarithmsAndRoots) {
  EXPECT_EVAL("sqrt(256)", "16.0");
  EXPECT_EVAL("sqrt(-1)", "NaN");
  EXPECT_EVAL("exp(0)", "1.0");
  EXPECT_EVAL("log(e())", "1.0");
  EXPECT_EVAL("log(0)", "-Infinity");
  EXPECT_EVAL("log10(1000)", "3.0");
  EXPECT_EVAL("e()", "2.718281828459045");
  EXPECT_EVAL("pi()", "3.141592653589793");
  EXPECT_EVAL_ERROR_MESSAGE(
      "sqrt('4')", StatusCode::kTypeError,
      "Invalid input for function 'sqrt()': expected INTEGER or FLOAT but got STRING '4'");
  EXPECT_EVAL("sqrt(null)", "null");
}

TEST(MathFunctions, Trigonometry) {
  EXPECT_EVAL("sin(0)", "0.0");
  EXPECT_EVAL("cos(0)", "1.0");
  EXPECT_EVAL("tan(0)", "0.0");
  EXPECT_EVAL("cot(0)", "Infinity");
  EXPECT_EVAL("asin(1)", "1.5707963267948966");
  EXPECT_EVAL("acos(1)", "0.0");
  EXPECT_EVAL("atan(1) * 4", "3.141592653589793");
  EXPECT_EVAL("atan2(1, 1) * 4", "3.141592653589793");
  EXPECT_EVAL("degrees(pi())", "180.0");
  EXPECT_EVAL("radians(180)", "3.141592653589793");
  EXPECT_EVAL("haversin(0)", "0.0");
  EXPECT_EVAL("haversin(pi())", "1.0");
  EXPECT_EVAL("atan2(null, 1)", "null");
}

TEST(MathFunctions, IsNaN) {
  EXPECT_EVAL("isNaN(0 / 0.0)", "true");
  EXPECT_EVAL("isNaN(1)", "false");
  EXPECT_EVAL("isNaN(1.5)", "false");
  EXPECT_EVAL("isNaN(null)", "null");
  EXPECT_EVAL_ERROR("isNaN('NaN')", StatusCode::kTypeError);
}

}  // namespace
}  // namespace smith::cypher
