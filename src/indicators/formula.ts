// Lookback formulas: arithmetic over param names, kept as data so clients and
// docs can read them. A small recursive-descent parser, never eval: numbers,
// names, + - * /, unary minus, parentheses and the functions below. A choice
// param (a string-valued axis such as `seed`) enters only through a test
// against one of its values, `seed == 'first'` (1 or 0), which `if()` reads:
// `if(seed == 'first', 0, window - 1)`; a numeric param can be tested against
// a number the same way (`adx_window == 0`).
//
//   expr   := test | sum
//   test   := name ('==' | '!=') (string | number)
//   sum    := term (('+' | '-') term)*
//   term   := unary (('*' | '/') unary)*
//   unary  := '-' unary | atom
//   atom   := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'

const FUNCTIONS: Readonly<Record<string, { arity: [number, number]; fn: (...xs: number[]) => number }>> = {
  max: { arity: [1, Infinity], fn: Math.max },
  min: { arity: [1, Infinity], fn: Math.min },
  floor: { arity: [1, 1], fn: Math.floor },
  ceil: { arity: [1, 1], fn: Math.ceil },
  sqrt: { arity: [1, 1], fn: Math.sqrt },
  if: { arity: [3, 3], fn: (c, a, b) => (c !== 0 ? a : b) },
};

/** Function names a formula may call. */
export const FORMULA_FUNCTIONS = Object.keys(FUNCTIONS);

/** A formula that cannot be parsed, or that names something it may not. */
export class FormulaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaError';
  }
}

type Node =
  | { kind: 'num'; value: number }
  | { kind: 'name'; name: string }
  | { kind: 'neg'; arg: Node }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Node; right: Node }
  | { kind: 'call'; fn: string; args: Node[] }
  | { kind: 'test'; name: string; op: '==' | '!='; value: string | number };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_]\w*)|(==|!=|[-+*/(),])|('[A-Za-z_]\w*'))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) {
      if (/^\s*$/.test(src.slice(at))) break;
      throw new FormulaError(`unexpected '${src.slice(at).trim()[0]}' at position ${at} in '${src}'`);
    }
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
  }
  return out;
}

function parse(src: string): Node {
  const tokens = tokenize(src);
  let i = 0;
  const peek = () => tokens[i];
  const fail = (what: string): never => {
    throw new FormulaError(`${what} in '${src}'`);
  };
  const expect = (tok: string) => {
    if (tokens[i] !== tok) fail(`expected '${tok}' but found ${tokens[i] === undefined ? 'the end' : `'${tokens[i]}'`}`);
    i++;
  };
  function expr(): Node {
    if (/^[A-Za-z_]/.test(peek() ?? '') && (tokens[i + 1] === '==' || tokens[i + 1] === '!=')) {
      const name = tokens[i]!, op = tokens[i + 1] as '==' | '!=';
      i += 2;
      const lit = tokens[i++];
      if (lit === undefined || !/^['\d]/.test(lit)) fail(`'${name} ${op}' must be followed by a quoted value such as 'first', or a number`);
      return { kind: 'test', name, op, value: lit!.startsWith("'") ? lit!.slice(1, -1) : Number(lit) };
    }
    return sum();
  }
  function sum(): Node {
    let left = term();
    while (peek() === '+' || peek() === '-') left = { kind: 'bin', op: tokens[i++] as '+' | '-', left, right: term() };
    return left;
  }
  function term(): Node {
    let left = unary();
    while (peek() === '*' || peek() === '/') left = { kind: 'bin', op: tokens[i++] as '*' | '/', left, right: unary() };
    return left;
  }
  function unary(): Node {
    if (peek() === '-') {
      i++;
      return { kind: 'neg', arg: unary() };
    }
    return atom();
  }
  function atom(): Node {
    const tok = tokens[i++];
    if (tok === undefined) return fail('unexpected end');
    if (tok === '(') {
      const inner = expr();
      expect(')');
      return inner;
    }
    if (/^\d/.test(tok)) return { kind: 'num', value: Number(tok) };
    if (tok.startsWith("'")) return fail(`a quoted value (${tok}) may only follow '==' or '!=' after a choice param's name`);
    if (/^[A-Za-z_]/.test(tok)) {
      if (peek() !== '(') return { kind: 'name', name: tok };
      const f = FUNCTIONS[tok];
      if (!f || !Object.hasOwn(FUNCTIONS, tok)) fail(`unknown function '${tok}' (the functions are ${FORMULA_FUNCTIONS.join(', ')})`);
      i++;
      const args = [expr()];
      while (peek() === ',') {
        i++;
        args.push(expr());
      }
      expect(')');
      if (args.length < f!.arity[0] || args.length > f!.arity[1]) fail(`${tok}() takes ${f!.arity[1] === 1 ? 'one argument' : f!.arity[0] === f!.arity[1] ? `${f!.arity[0]} arguments` : 'one or more arguments'}, got ${args.length}`);
      return { kind: 'call', fn: tok, args };
    }
    return fail(`unexpected '${tok}'`);
  }
  const root = expr();
  if (i < tokens.length) fail(`unexpected '${tokens[i]}' after a complete formula`);
  return root;
}

function names(n: Node, into: Set<string>): Set<string> {
  if (n.kind === 'name' || n.kind === 'test') into.add(n.name);
  else if (n.kind === 'neg') names(n.arg, into);
  else if (n.kind === 'bin') (names(n.left, into), names(n.right, into));
  else if (n.kind === 'call') for (const a of n.args) names(a, into);
  return into;
}

/** Values of the names a formula reads: numbers, or strings for choice params. */
export type FormulaVars = Readonly<Record<string, number | string>>;

function tests(n: Node, into: Extract<Node, { kind: 'test' }>[]): typeof into {
  if (n.kind === 'test') into.push(n);
  else if (n.kind === 'neg') tests(n.arg, into);
  else if (n.kind === 'bin') (tests(n.left, into), tests(n.right, into));
  else if (n.kind === 'call') for (const a of n.args) tests(a, into);
  return into;
}

function evaluate(n: Node, vars: FormulaVars): number {
  switch (n.kind) {
    case 'num': return n.value;
    case 'name': return vars[n.name] as number;
    case 'test': return (vars[n.name] === n.value) === (n.op === '==') ? 1 : 0;
    case 'neg': return -evaluate(n.arg, vars);
    case 'call': return FUNCTIONS[n.fn]!.fn(...n.args.map((a) => evaluate(a, vars)));
    case 'bin': {
      const a = evaluate(n.left, vars), b = evaluate(n.right, vars);
      return n.op === '+' ? a + b : n.op === '-' ? a - b : n.op === '*' ? a * b : a / b;
    }
  }
}

/** A parsed formula: the names it reads and its value for given names. */
export interface Formula {
  readonly source: string;
  readonly names: ReadonlySet<string>;
  /**
   * The value; throws FormulaError when a name it reads is not given a finite
   * number (or, for a name it tests, a string).
   */
  evaluate(vars: FormulaVars): number;
}

/**
 * Parses `source`; with `allowed`, refuses a name outside it; with
 * `choices` (choice param name -> its values), refuses a choice param used
 * as a number, a test of a numeric param, and a test against a value the
 * choice does not have. Throws FormulaError naming what is wrong.
 */
export function compileFormula(source: string, allowed?: readonly string[], choices?: Readonly<Record<string, readonly string[]>>): Formula {
  if (typeof source !== 'string' || source.trim() === '') throw new FormulaError(`a formula must be a non-empty string, got ${JSON.stringify(source)}`);
  const root = parse(source);
  const used = names(root, new Set());
  const tested = tests(root, []);
  const testedNames = new Set(tested.filter((t) => typeof t.value === 'string').map((t) => t.name));
  if (allowed) {
    for (const n of used) {
      if (!allowed.includes(n)) throw new FormulaError(`unknown name '${n}' in '${source}' (the names are ${allowed.length ? allowed.join(', ') : 'none: the formula must be a number'})`);
    }
  }
  if (choices) {
    const numeric = new Set<string>();
    (function walk(n: Node) {
      if (n.kind === 'name') numeric.add(n.name);
      else if (n.kind === 'neg') walk(n.arg);
      else if (n.kind === 'bin') (walk(n.left), walk(n.right));
      else if (n.kind === 'call') n.args.forEach(walk);
    })(root);
    for (const n of numeric) if (Object.hasOwn(choices, n)) throw new FormulaError(`'${n}' is a choice in '${source}': test it against a value, e.g. if(${n} == '${choices[n]![0]}', ..., ...)`);
    for (const t of tested) {
      const values = Object.hasOwn(choices, t.name) ? choices[t.name]! : null;
      if (typeof t.value === 'number') {
        if (values) throw new FormulaError(`'${t.name}' is a choice in '${source}': test it against a quoted value such as '${values[0]}'`);
        continue;
      }
      if (!values) throw new FormulaError(`'${t.name}' is not a choice param in '${source}'; test it against a number`);
      if (!values.includes(t.value)) throw new FormulaError(`'${t.value}' is not a value of '${t.name}' in '${source}' (its values are ${values.join(', ')})`);
    }
  }
  return {
    source,
    names: used,
    evaluate(vars) {
      for (const n of used) {
        const v = vars[n];
        const ok = testedNames.has(n) ? typeof v === 'string' : typeof v === 'number' && Number.isFinite(v);
        if (!ok) throw new FormulaError(`'${source}' needs ${testedNames.has(n) ? 'a string' : 'a number'} for '${n}', got ${String(v)}`);
      }
      return evaluate(root, vars);
    },
  };
}
