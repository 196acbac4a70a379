// Lookback formulas: arithmetic over param names, kept as data so clients and
// docs can read them. A small recursive-descent parser, never eval: numbers,
// names, + - * /, unary minus, parentheses and the functions below.
//
//   expr   := term (('+' | '-') term)*
//   term   := unary (('*' | '/') unary)*
//   unary  := '-' unary | atom
//   atom   := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'

const FUNCTIONS: Readonly<Record<string, { arity: [number, number]; fn: (...xs: number[]) => number }>> = {
  max: { arity: [1, Infinity], fn: Math.max },
  min: { arity: [1, Infinity], fn: Math.min },
  floor: { arity: [1, 1], fn: Math.floor },
  ceil: { arity: [1, 1], fn: Math.ceil },
  sqrt: { arity: [1, 1], fn: Math.sqrt },
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
  | { kind: 'call'; fn: string; args: Node[] };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_]\w*)|([-+*/(),]))/y;

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
    out.push(m[1] ?? m[2] ?? m[3]!);
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
      if (args.length < f!.arity[0] || args.length > f!.arity[1]) fail(`${tok}() takes ${f!.arity[1] === 1 ? 'one argument' : 'one or more arguments'}, got ${args.length}`);
      return { kind: 'call', fn: tok, args };
    }
    return fail(`unexpected '${tok}'`);
  }
  const root = expr();
  if (i < tokens.length) fail(`unexpected '${tokens[i]}' after a complete formula`);
  return root;
}

function names(n: Node, into: Set<string>): Set<string> {
  if (n.kind === 'name') into.add(n.name);
  else if (n.kind === 'neg') names(n.arg, into);
  else if (n.kind === 'bin') (names(n.left, into), names(n.right, into));
  else if (n.kind === 'call') for (const a of n.args) names(a, into);
  return into;
}

function evaluate(n: Node, vars: Readonly<Record<string, number>>): number {
  switch (n.kind) {
    case 'num': return n.value;
    case 'name': return vars[n.name]!;
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
  /** The value; throws FormulaError when a name it reads is not given a finite number. */
  evaluate(vars: Readonly<Record<string, number>>): number;
}

/**
 * Parses `source`; with `allowed`, refuses a name outside it. Throws
 * FormulaError naming what is wrong.
 */
export function compileFormula(source: string, allowed?: readonly string[]): Formula {
  if (typeof source !== 'string' || source.trim() === '') throw new FormulaError(`a formula must be a non-empty string, got ${JSON.stringify(source)}`);
  const root = parse(source);
  const used = names(root, new Set());
  if (allowed) {
    for (const n of used) {
      if (!allowed.includes(n)) throw new FormulaError(`unknown name '${n}' in '${source}' (the names are ${allowed.length ? allowed.join(', ') : 'none: the formula must be a number'})`);
    }
  }
  return {
    source,
    names: used,
    evaluate(vars) {
      for (const n of used) {
        if (typeof vars[n] !== 'number' || !Number.isFinite(vars[n])) throw new FormulaError(`'${source}' needs a number for '${n}', got ${String(vars[n])}`);
      }
      return evaluate(root, vars);
    },
  };
}
