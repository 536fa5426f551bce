// Printing clauses, queries and statements; the public ToCypher() entry points.
#include "cypher/ast/printer.h"

#include "cypher/ast/printer_internal.h"

namespace smith::cypher {
namespace {

const char* IndexKindText(IndexKind kind) {
  switch (kind) {
    case IndexKind::kRange:
      return "";
    case IndexKind::kText:
      return "TEXT ";
    case IndexKind::kPoint:
      return "POINT ";
    case IndexKind::kLookup:
      return "LOOKUP ";
    case IndexKind::kFulltext:
      return "FULLTEXT ";
    case IndexKind::kVector:
      return "VECTOR ";
  }
  return "";
}

const char* ShowFilterText(ShowFilter filter) {
  switch (filter) {
    case ShowFilter::kAll:
      return "";
    case ShowFilter::kRange:
      return "RANGE ";
    case ShowFilter::kText:
      return "TEXT ";
    case ShowFilter::kPoint:
      return "POINT ";
    case ShowFilter::kLookup:
      return "LOOKUP ";
    case ShowFilter::kFulltext:
      return "FULLTEXT ";
    case ShowFilter::kVector:
      return "VECTOR ";
    case ShowFilter::kUnique:
      return "UNIQUE ";
    case ShowFilter::kNodeUnique:
      return "NODE UNIQUE ";
    case ShowFilter::kRelationshipUnique:
      return "RELATIONSHIP UNIQUE ";
    case ShowFilter::kKey:
      return "KEY ";
    case ShowFilter::kNodeKey:
      return "NODE KEY ";
    case ShowFilter::kRelationshipKey:
      return "RELATIONSHIP KEY ";
    case ShowFilter::kExistence:
      return "EXISTENCE ";
    case ShowFilter::kNodeExistence:
      return "NODE EXISTENCE ";
    case ShowFilter::kRelationshipExistence:
      return "RELATIONSHIP EXISTENCE ";
    case ShowFilter::kBuiltIn:
      return "BUILT IN ";
    case ShowFilter::kUserDefined:
      return "USER DEFINED ";
  }
  return "";
}

const char* ShowKindText(ShowKind kind) {
  switch (kind) {
    case ShowKind::kIndexes:
      return "INDEXES";
    case ShowKind::kConstraints:
      return "CONSTRAINTS";
    case ShowKind::kProcedures:
      return "PROCEDURES";
    case ShowKind::kFunctions:
      return "FUNCTIONS";
  }
  return "INDEXES";
}

}  // namespace

void Printer::ProjectionText(const Projection& p, bool is_return) {
  if (p.distinct) out_ += "DISTINCT ";
  if (p.star) {
    out_ += '*';
    if (!p.items.empty()) out_ += ", ";
  }
  for (size_t i = 0; i < p.items.size(); ++i) {
    if (i > 0) out_ += ", ";
    const ProjectionItem& item = p.items[i];
    size_t start = out_.size();
    Expr(*item.expr);
    if (item.alias) {
      out_ += " AS ";
      out_ += QuoteVariable(*item.alias);
    } else if (is_return && item.expr->kind != ExprKind::kVariable && !item.text.empty() &&
               std::string_view(out_).substr(start) != item.text) {
      // Keep the column name Neo4j derives from the source text.
      out_ += " AS ";
      out_ += QuoteVariable(item.text);
    }
  }
  if (!p.order_by.empty()) {
    out_ += " ORDER BY ";
    for (size_t i = 0; i < p.order_by.size(); ++i) {
      if (i > 0) out_ += ", ";
      Expr(*p.order_by[i].expr);
      if (p.order_by[i].descending) out_ += " DESC";
    }
  }
  if (p.skip) {
    out_ += " SKIP ";
    Expr(*p.skip);
  }
  if (p.limit) {
    out_ += " LIMIT ";
    Expr(*p.limit);
  }
}

void Printer::SetItems(const std::vector<SetItem>& items) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out_ += ", ";
    const SetItem& item = items[i];
    Expr(*item.target, kPrecPostfix);
    switch (item.kind) {
      case SetItemKind::kProperty:
      case SetItemKind::kReplaceProperties:
        out_ += " = ";
        Expr(*item.value);
        break;
      case SetItemKind::kMergeProperties:
        out_ += " += ";
        Expr(*item.value);
        break;
      case SetItemKind::kLabels:
        Labels(item.labels, /*in_expression=*/false);
        break;
    }
  }
}

void Printer::ClauseText(const Clause& c) {
  switch (c.kind) {
    case ClauseKind::kMatch: {
      const auto& m = c.As<MatchClause>();
      out_ += m.optional ? "OPTIONAL MATCH " : "MATCH ";
      PatternList(m.pattern);
      if (m.where) {
        out_ += " WHERE ";
        Expr(*m.where);
      }
      return;
    }
    case ClauseKind::kUnwind: {
      const auto& u = c.As<UnwindClause>();
      out_ += "UNWIND ";
      Expr(*u.list);
      out_ += " AS ";
      out_ += QuoteVariable(u.variable);
      return;
    }
    case ClauseKind::kWith: {
      const auto& w = c.As<WithClause>();
      out_ += "WITH ";
      ProjectionText(w.projection, /*is_return=*/false);
      if (w.where) {
        out_ += " WHERE ";
        Expr(*w.where);
      }
      return;
    }
    case ClauseKind::kReturn:
      out_ += "RETURN ";
      ProjectionText(c.As<ReturnClause>().projection, /*is_return=*/true);
      return;
    case ClauseKind::kCreate:
      out_ += "CREATE ";
      PatternList(c.As<CreateClause>().pattern);
      return;
    case ClauseKind::kMerge: {
      const auto& m = c.As<MergeClause>();
      out_ += "MERGE ";
      Path(m.path);
      for (const MergeAction& action : m.actions) {
        out_ += action.on_create ? " ON CREATE SET " : " ON MATCH SET ";
        SetItems(action.items);
      }
      return;
    }
    case ClauseKind::kSet:
      out_ += "SET ";
      SetItems(c.As<SetClause>().items);
      return;
    case ClauseKind::kRemove: {
      const auto& r = c.As<RemoveClause>();
      out_ += "REMOVE ";
      for (size_t i = 0; i < r.items.size(); ++i) {
        if (i > 0) out_ += ", ";
        Expr(*r.items[i].target, kPrecPostfix);
        if (r.items[i].kind == RemoveItemKind::kLabels) {
          Labels(r.items[i].labels, /*in_expression=*/false);
        }
      }
      return;
    }
    case ClauseKind::kDelete: {
      const auto& d = c.As<DeleteClause>();
      out_ += d.detach ? "DETACH DELETE " : "DELETE ";
      Exprs(d.targets);
      return;
    }
    case ClauseKind::kForeach: {
      const auto& f = c.As<ForeachClause>();
      out_ += "FOREACH (";
      out_ += QuoteVariable(f.variable);
      out_ += " IN ";
      Expr(*f.list);
      out_ += " |";
      for (const ClausePtr& inner : f.clauses) {
        out_ += ' ';
        ClauseText(*inner);
      }
      out_ += ')';
      return;
    }
    case ClauseKind::kCallProcedure: {
      const auto& p = c.As<CallProcedureClause>();
      out_ += "CALL ";
      for (const std::string& ns : p.namespaces) {
        out_ += QuoteName(ns);
        out_ += '.';
      }
      out_ += QuoteName(p.name);
      if (p.has_arguments) {
        out_ += '(';
        Exprs(p.args);
        out_ += ')';
      }
      if (p.yield_star) out_ += " YIELD *";
      for (size_t i = 0; i < p.yields.size(); ++i) {
        out_ += i == 0 ? " YIELD " : ", ";
        out_ += QuoteVariable(p.yields[i].field);
        if (p.yields[i].alias) {
          out_ += " AS ";
          out_ += QuoteVariable(*p.yields[i].alias);
        }
      }
      if (p.where) {
        out_ += " WHERE ";
        Expr(*p.where);
      }
      return;
    }
    case ClauseKind::kCallSubquery: {
      const auto& s = c.As<CallSubqueryClause>();
      out_ += "CALL ";
      if (s.has_scope) {
        out_ += '(';
        if (s.scope_all) out_ += '*';
        for (size_t i = 0; i < s.scope.size(); ++i) {
          if (i > 0) out_ += ", ";
          out_ += QuoteVariable(s.scope[i].name);
        }
        out_ += ") ";
      }
      out_ += "{ ";
      QueryText(s.body);
      out_ += " }";
      if (s.in_transactions) {
        out_ += " IN TRANSACTIONS";
        if (s.in_transactions->rows) {
          out_ += " OF ";
          Expr(*s.in_transactions->rows);
          out_ += " ROWS";
        }
        if (s.in_transactions->on_error == OnErrorBehavior::kContinue) {
          out_ += " ON ERROR CONTINUE";
        } else if (s.in_transactions->on_error == OnErrorBehavior::kBreak) {
          out_ += " ON ERROR BREAK";
        }
      }
      return;
    }
  }
}

void Printer::QueryText(const Query& q) {
  for (size_t i = 0; i < q.parts.size(); ++i) {
    if (i > 0) out_ += q.parts[i].union_all ? " UNION ALL " : " UNION ";
    const SingleQuery& part = q.parts[i];
    for (size_t k = 0; k < part.clauses.size(); ++k) {
      if (k > 0) out_ += ' ';
      ClauseText(*part.clauses[k]);
    }
  }
}

void Printer::TargetText(const SchemaTarget& t) {
  std::string labels;
  for (size_t i = 0; i < t.labels.size(); ++i) {
    labels += i == 0 ? ":" : "|";
    labels += QuoteName(t.labels[i]);
  }
  if (t.entity == EntityKind::kNode) {
    out_ += '(' + QuoteVariable(t.variable) + labels + ')';
  } else {
    out_ += "()-[" + QuoteVariable(t.variable) + labels + "]-()";
  }
}

void Printer::PropertyRefs(const std::vector<PropertyRef>& refs, bool parens) {
  if (parens) out_ += '(';
  for (size_t i = 0; i < refs.size(); ++i) {
    if (i > 0) out_ += ", ";
    out_ += QuoteVariable(refs[i].variable);
    out_ += '.';
    out_ += QuoteName(refs[i].key);
  }
  if (parens) out_ += ')';
}

void Printer::StatementText(const cypher::Statement& s) {
  if (s.explain == ExplainMode::kExplain) out_ += "EXPLAIN ";
  if (s.explain == ExplainMode::kProfile) out_ += "PROFILE ";
  switch (s.kind) {
    case StatementKind::kQuery:
      QueryText(s.As<QueryStatement>().query);
      return;
    case StatementKind::kCreateConstraint: {
      const auto& c = s.As<CreateConstraintStatement>();
      out_ += "CREATE CONSTRAINT ";
      if (!c.name.empty()) out_ += QuoteVariable(c.name) + ' ';
      if (c.if_not_exists) out_ += "IF NOT EXISTS ";
      out_ += "FOR ";
      TargetText(c.target);
      out_ += " REQUIRE ";
      PropertyRefs(c.properties, c.properties.size() > 1);
      switch (c.constraint) {
        case ConstraintKind::kUnique:
          out_ += " IS UNIQUE";
          break;
        case ConstraintKind::kKey:
          out_ += c.target.entity == EntityKind::kNode ? " IS NODE KEY" : " IS RELATIONSHIP KEY";
          break;
        case ConstraintKind::kNotNull:
          out_ += " IS NOT NULL";
          break;
      }
      if (c.options) {
        out_ += " OPTIONS ";
        Expr(*c.options);
      }
      return;
    }
    case StatementKind::kDropConstraint: {
      const auto& d = s.As<DropConstraintStatement>();
      out_ += "DROP CONSTRAINT " + QuoteVariable(d.name);
      if (d.if_exists) out_ += " IF EXISTS";
      return;
    }
    case StatementKind::kCreateIndex: {
      const auto& c = s.As<CreateIndexStatement>();
      out_ += "CREATE ";
      out_ += IndexKindText(c.index);
      out_ += "INDEX ";
      if (!c.name.empty()) out_ += QuoteVariable(c.name) + ' ';
      if (c.if_not_exists) out_ += "IF NOT EXISTS ";
      out_ += "FOR ";
      TargetText(c.target);
      if (c.index == IndexKind::kLookup) {
        out_ += " ON EACH " + QuoteName(c.lookup_function) + '(' +
                QuoteVariable(c.target.variable) + ')';
      } else if (c.index == IndexKind::kFulltext) {
        out_ += " ON EACH [";
        PropertyRefs(c.properties, false);
        out_ += ']';
      } else {
        out_ += " ON ";
        PropertyRefs(c.properties, true);
      }
      if (c.options) {
        out_ += " OPTIONS ";
        Expr(*c.options);
      }
      return;
    }
    case StatementKind::kDropIndex: {
      const auto& d = s.As<DropIndexStatement>();
      out_ += "DROP INDEX " + QuoteVariable(d.name);
      if (d.if_exists) out_ += " IF EXISTS";
      return;
    }
    case StatementKind::kShow: {
      const auto& sh = s.As<ShowStatement>();
      out_ += "SHOW ";
      out_ += ShowFilterText(sh.filter);
      out_ += ShowKindText(sh.show);
      if (sh.yield) {
        out_ += " YIELD ";
        ProjectionText(*sh.yield, /*is_return=*/false);
      }
      if (sh.where) {
        out_ += " WHERE ";
        Expr(*sh.where);
      }
      if (sh.return_clause) {
        out_ += ' ';
        ClauseText(*sh.return_clause);
      }
      return;
    }
  }
}

std::string ToCypher(const cypher::Statement& statement) {
  Printer p;
  p.StatementText(statement);
  return p.Take();
}

std::string ToCypher(const Query& query) {
  Printer p;
  p.QueryText(query);
  return p.Take();
}

std::string ToCypher(const Clause& clause) {
  Printer p;
  p.ClauseText(clause);
  return p.Take();
}

std::string ToCypher(const Expression& expr) {
  Printer p;
  p.Expr(expr);
  return p.Take();
}

std::string ToCypher(const PatternPath& path) {
  Printer p;
  p.Path(path);
  return p.Take();
}

std::string ToCypher(const LabelExpression& label) {
  Printer p;
  p.Label(label);
  return p.Take();
}

}  // namespace smith::cypher
