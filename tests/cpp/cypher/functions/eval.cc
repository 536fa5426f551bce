#include "eval.h"

#include <charconv>
#include <cmath>
#include <string>

#include "common/value_compare.h"
#include "cypher/functions/function_registry.h"
#include "cypher/functions/operators.h"
#include "cypher/functions/temporal_property.h"

namespace smith::cypher::testing {
namespace {

enum class Tok { kEnd, kInt, kFloat, kString, kIdent, kPunct };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;
};

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  Result<std::vector<Token>> Run() {
    std::vector<Token> out;
    while (true) {
      while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      if (pos_ >= s_.size()) break;
      const char c = s_[pos_];
      if (std::isdigit(static_cast<unsigned char>(c)) ||
          (c == '.' && pos_ + 1 < s_.size() &&
           std::isdigit(static_cast<unsigned char>(s_[pos_ + 1])))) {
        out.push_back(Number());
      } else if (c == '\'' || c == '"') {
        SMITH_ASSIGN_OR_RETURN(Token t, String(c));
        out.push_back(std::move(t));
      } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
        size_t start = pos_;
        while (pos_ < s_.size() &&
               (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) {
          ++pos_;
        }
        out.push_back({Tok::kIdent, std::string(s_.substr(start, pos_ - start))});
      } else if (c == '`') {
        size_t end = s_.find('`', pos_ + 1);
        if (end == std::string_view::npos) return Status::InvalidArgument("unterminated `");
        out.push_back({Tok::kIdent, std::string(s_.substr(pos_ + 1, end - pos_ - 1))});
        pos_ = end + 1;
      } else {
        static constexpr std::string_view kTwo[] = {"<>", "<=", ">="};
        bool two = false;
        for (std::string_view t : kTwo) {
          if (s_.substr(pos_, 2) == t) {
            out.push_back({Tok::kPunct, std::string(t)});
            pos_ += 2;
            two = true;
          }
        }
        if (!two) {
          out.push_back({Tok::kPunct, std::string(1, c)});
          ++pos_;
        }
      }
    }
    out.push_back({Tok::kEnd, ""});
    return out;
  }

 private:
  Token Number() {
    const size_t start = pos_;
    bool is_float = false;
    while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    if (pos_ + 1 < s_.size() && s_[pos_] == '.' &&
        std::isdigit(static_cast<unsigned char>(s_[pos_ + 1]))) {
      is_float = true;
      ++pos_;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      is_float = true;
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    return {is_float ? Tok::kFloat : Tok::kInt, std::string(s_.substr(start, pos_ - start))};
  }

  Result<Token> String(char quote) {
    std::string text;
    ++pos_;
    while (pos_ < s_.size() && s_[pos_] != quote) {
      char c = s_[pos_++];
      if (c == '\\' && pos_ < s_.size()) {
        const char e = s_[pos_++];
        switch (e) {
          case 'n':
            c = '\n';
            break;
          case 't':
            c = '\t';
            break;
          case 'r':
            c = '\r';
            break;
          case 'u': {
            unsigned cp = 0;
            std::from_chars(s_.data() + pos_, s_.data() + pos_ + 4, cp, 16);
            pos_ += 4;
            if (cp < 0x80) {
              text.push_back(static_cast<char>(cp));
            } else if (cp < 0x800) {
              text.push_back(static_cast<char>(0xC0 | (cp >> 6)));
              text.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
            } else {
              text.push_back(static_cast<char>(0xE0 | (cp >> 12)));
              text.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
              text.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
            }
            continue;
          }
          default:
            c = e;
        }
      }
      text.push_back(c);
    }
    if (pos_ >= s_.size()) return Status::InvalidArgument("unterminated string");
    ++pos_;
    return Token{Tok::kString, std::move(text)};
  }

  std::string_view s_;
  size_t pos_ = 0;
};

class Parser {
 public:
  Parser(std::vector<Token> tokens, FunctionContext& ctx,
         const std::vector<std::pair<std::string, Value>>& vars)
      : t_(std::move(tokens)), ctx_(ctx), vars_(vars) {}

  Result<Value> Run() {
    SMITH_ASSIGN_OR_RETURN(Value v, Comparison());
    if (Peek().kind != Tok::kEnd) return Syntax("trailing input at '" + Peek().text + "'");
    return v;
  }

 private:
  const Token& Peek() const { return t_[i_]; }
  bool IsPunct(std::string_view p) const { return Peek().kind == Tok::kPunct && Peek().text == p; }
  bool Accept(std::string_view p) {
    if (!IsPunct(p)) return false;
    ++i_;
    return true;
  }
  Status Expect(std::string_view p) {
    if (!Accept(p)) return Syntax("expected '" + std::string(p) + "' at '" + Peek().text + "'");
    return Status::OK();
  }
  static Status Syntax(const std::string& m) { return Status::InvalidArgument("eval: " + m); }

  Result<Value> Comparison() {
    SMITH_ASSIGN_OR_RETURN(Value left, Additive());
    for (std::string_view op : {"=", "<>", "<=", ">=", "<", ">"}) {
      if (Accept(op)) {
        SMITH_ASSIGN_OR_RETURN(Value right, Additive());
        Ternary t = Ternary::kNull;
        if (op == "=") t = Equals(left, right);
        if (op == "<>") t = Not(Equals(left, right));
        if (op == "<") t = LessThan(left, right);
        if (op == "<=") t = LessThanOrEqual(left, right);
        if (op == ">") t = GreaterThan(left, right);
        if (op == ">=") t = GreaterThanOrEqual(left, right);
        return t == Ternary::kNull ? Value() : Value::Bool(t == Ternary::kTrue);
      }
    }
    return left;
  }

  Result<Value> Additive() {
    SMITH_ASSIGN_OR_RETURN(Value left, Multiplicative());
    while (IsPunct("+") || IsPunct("-")) {
      const bool plus = Accept("+");
      if (!plus) Accept("-");
      SMITH_ASSIGN_OR_RETURN(Value right, Multiplicative());
      SMITH_ASSIGN_OR_RETURN(left, plus ? Add(left, right) : Subtract(left, right));
    }
    return left;
  }

  Result<Value> Multiplicative() {
    SMITH_ASSIGN_OR_RETURN(Value left, PowerExpr());
    while (IsPunct("*") || IsPunct("/") || IsPunct("%")) {
      const std::string op = Peek().text;
      ++i_;
      SMITH_ASSIGN_OR_RETURN(Value right, PowerExpr());
      if (op == "*") {
        SMITH_ASSIGN_OR_RETURN(left, Multiply(left, right));
      } else if (op == "/") {
        SMITH_ASSIGN_OR_RETURN(left, Divide(left, right));
      } else {
        SMITH_ASSIGN_OR_RETURN(left, Modulo(left, right));
      }
    }
    return left;
  }

  Result<Value> PowerExpr() {
    SMITH_ASSIGN_OR_RETURN(Value left, Unary());
    while (Accept("^")) {
      SMITH_ASSIGN_OR_RETURN(Value right, Unary());
      SMITH_ASSIGN_OR_RETURN(left, Power(left, right));
    }
    return left;
  }

  Result<Value> Unary() {
    if (Accept("-")) {
      // -9223372036854775808 is a literal, not the negation of an overflowing one.
      if (Peek().kind == Tok::kInt && Peek().text == "9223372036854775808") {
        ++i_;
        return Value::Int(INT64_MIN);
      }
      SMITH_ASSIGN_OR_RETURN(Value v, Unary());
      return Negate(v);
    }
    if (Accept("+")) {
      SMITH_ASSIGN_OR_RETURN(Value v, Unary());
      return UnaryPlus(v);
    }
    return Postfix();
  }

  Result<Value> Postfix() {
    SMITH_ASSIGN_OR_RETURN(Value v, Primary());
    while (Accept(".")) {
      if (Peek().kind != Tok::kIdent) return Syntax("expected a property name");
      const std::string name = t_[i_++].text;
      SMITH_ASSIGN_OR_RETURN(v, Property(v, name));
    }
    return v;
  }

  static Result<Value> Property(const Value& v, const std::string& name) {
    if (v.is_null()) return Value();
    if (v.is_map()) {
      const Value* found = v.AsMap().Find(name);
      return found ? *found : Value();
    }
    return TemporalProperty(v, name);
  }

  Result<Value> Primary() {
    const Token tok = Peek();
    switch (tok.kind) {
      case Tok::kInt: {
        ++i_;
        int64_t value = 0;
        auto [p, ec] = std::from_chars(tok.text.data(), tok.text.data() + tok.text.size(), value);
        if (ec != std::errc()) return Syntax("integer literal out of range");
        return Value::Int(value);
      }
      case Tok::kFloat: {
        ++i_;
        double value = 0;
        std::from_chars(tok.text.data(), tok.text.data() + tok.text.size(), value);
        return Value::Float(value);
      }
      case Tok::kString:
        ++i_;
        return Value::String(tok.text);
      case Tok::kIdent:
        return IdentifierExpr();
      case Tok::kPunct:
        if (Accept("(")) {
          SMITH_ASSIGN_OR_RETURN(Value v, Comparison());
          SMITH_RETURN_IF_ERROR(Expect(")"));
          return v;
        }
        if (Accept("[")) {
          std::vector<Value> items;
          if (!Accept("]")) {
            do {
              SMITH_ASSIGN_OR_RETURN(Value item, Comparison());
              items.push_back(std::move(item));
            } while (Accept(","));
            SMITH_RETURN_IF_ERROR(Expect("]"));
          }
          return Value::List(std::move(items));
        }
        if (Accept("{")) {
          std::vector<ValueMap::Entry> entries;
          if (!Accept("}")) {
            do {
              if (Peek().kind != Tok::kIdent && Peek().kind != Tok::kString) {
                return Syntax("expected a map key");
              }
              std::string key = t_[i_++].text;
              SMITH_RETURN_IF_ERROR(Expect(":"));
              SMITH_ASSIGN_OR_RETURN(Value value, Comparison());
              entries.emplace_back(std::move(key), std::move(value));
            } while (Accept(","));
            SMITH_RETURN_IF_ERROR(Expect("}"));
          }
          return Value::Map(ValueMap::FromEntries(std::move(entries)));
        }
        return Syntax("unexpected '" + tok.text + "'");
      case Tok::kEnd:
        return Syntax("unexpected end of input");
    }
    return Syntax("unreachable");
  }

  static bool IsKeyword(const std::string& s, std::string_view kw) {
    if (s.size() != kw.size()) return false;
    for (size_t i = 0; i < s.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(s[i])) != kw[i]) return false;
    }
    return true;
  }

  Result<Value> IdentifierExpr() {
    const std::string first = t_[i_].text;
    if (IsKeyword(first, "null")) return ++i_, Value();
    if (IsKeyword(first, "true")) return ++i_, Value::Bool(true);
    if (IsKeyword(first, "false")) return ++i_, Value::Bool(false);
    if (IsKeyword(first, "nan")) return ++i_, Value::Float(std::nan(""));
    if (IsKeyword(first, "infinity")) return ++i_, Value::Float(HUGE_VAL);
    // A dotted name followed by '(' is a namespaced function call.
    size_t j = i_ + 1;
    std::string name = first;
    while (t_[j].kind == Tok::kPunct && t_[j].text == "." && t_[j + 1].kind == Tok::kIdent) {
      name += "." + t_[j + 1].text;
      j += 2;
    }
    if (t_[j].kind == Tok::kPunct && t_[j].text == "(") {
      i_ = j + 1;
      std::vector<Value> args;
      if (!Accept(")")) {
        do {
          SMITH_ASSIGN_OR_RETURN(Value arg, Comparison());
          args.push_back(std::move(arg));
        } while (Accept(","));
        SMITH_RETURN_IF_ERROR(Expect(")"));
      }
      const ScalarFunction* fn = FindScalarFunction(name);
      if (fn == nullptr) return Syntax("unknown function " + name);
      return CallScalarFunction(*fn, args, ctx_);
    }
    ++i_;
    for (const auto& [var, value] : vars_) {
      if (var == first) return value;
    }
    return Syntax("unknown variable " + first);
  }

  std::vector<Token> t_;
  size_t i_ = 0;
  FunctionContext& ctx_;
  const std::vector<std::pair<std::string, Value>>& vars_;
};

}  // namespace

FunctionContext FixedContext() {
  // 2024-05-17T10:30:15.123456789Z
  const FunctionContext::TimePoint t{std::chrono::nanoseconds(1715941815123456789LL)};
  return FunctionContext(t, t, /*seed=*/42);
}

Result<Value> Eval(std::string_view text, FunctionContext& ctx,
                   const std::vector<std::pair<std::string, Value>>& vars) {
  SMITH_ASSIGN_OR_RETURN(std::vector<Token> tokens, Lexer(text).Run());
  return Parser(std::move(tokens), ctx, vars).Run();
}

Result<Value> Eval(std::string_view text) {
  FunctionContext ctx = FixedContext();
  return Eval(text, ctx);
}

Result<Value> EvalWith(const std::vector<std::pair<std::string, std::string>>& bindings,
                       std::string_view expression) {
  FunctionContext ctx = FixedContext();
  std::vector<std::pair<std::string, Value>> vars;
  for (const auto& [name, text] : bindings) {
    SMITH_ASSIGN_OR_RETURN(Value v, Eval(text, ctx, vars));
    vars.emplace_back(name, std::move(v));
  }
  return Eval(expression, ctx, vars);
}

std::string TckRender(const Value& v) {
  if (v.is_temporal()) {
    std::string out = "'";
    v.AppendTo(&out);
    out += '\'';
    return out;
  }
  if (v.is_list()) {
    std::string out = "[";
    bool first = true;
    for (const Value& item : v.AsList()) {
      if (!first) out += ", ";
      first = false;
      out += TckRender(item);
    }
    return out + "]";
  }
  if (v.is_map()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [key, value] : v.AsMap()) {
      if (!first) out += ", ";
      first = false;
      out += key + ": " + TckRender(value);
    }
    return out + "}";
  }
  return v.ToString();
}

std::string Outcome(const Result<Value>& r) {
  if (r.ok()) return "OK: " + TckRender(*r);
  return "ERROR " + std::string(StatusCodeName(r.status().code())) + ": " +
         std::string(r.status().message());
}

}  // namespace smith::cypher::testing
