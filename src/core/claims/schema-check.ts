/**
 * A small JSON Schema checker for the subset `assets/claim-set.schema.json`
 * uses (type, enum, required, properties, additionalProperties: false, items,
 * minItems, minLength, minimum, maximum, pattern, local $ref). Keeping our own
 * avoids shipping a general validator in the content script; the schema file
 * stays the one definition of the format.
 */
export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean;
  items?: SchemaNode;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
}

/** One place where the value breaks the schema: a JSON path (`claims[3].passage`) and what is wrong. */
export interface SchemaProblem {
  path: string;
  message: string;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (Number.isInteger(value)) return 'an integer';
  return `a ${typeof value}`;
}

function typeMatches(type: NonNullable<SchemaNode['type']>, value: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** Every problem of `value` against `schema`, in document order; at most `limit` of them. */
export function checkAgainstSchema(value: unknown, root: SchemaNode, limit = 20): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const patterns = new Map<string, RegExp>();

  const resolve = (node: SchemaNode): SchemaNode => {
    if (!node.$ref) return node;
    const name = node.$ref.replace(/^#\/\$defs\//, '');
    const target = root.$defs?.[name];
    if (!target) throw new Error(`schema: unknown $ref ${node.$ref}`);
    return resolve(target);
  };

  const visit = (raw: SchemaNode, v: unknown, path: string): void => {
    if (problems.length >= limit) return;
    const node = resolve(raw);
    const where = path || '(top level)';
    if (node.type && !typeMatches(node.type, v)) {
      problems.push({ path: where, message: `expected ${node.type === 'integer' ? 'an integer' : `a ${node.type}`}, found ${describe(v)}` });
      return;
    }
    if (node.enum && !node.enum.includes(v)) {
      problems.push({ path: where, message: `expected one of ${node.enum.map((e) => JSON.stringify(e)).join(', ')}, found ${JSON.stringify(v)}` });
      return;
    }
    if (typeof v === 'string') {
      if (node.minLength !== undefined && v.length < node.minLength) problems.push({ path: where, message: 'must not be empty' });
      if (node.pattern) {
        let re = patterns.get(node.pattern);
        if (!re) patterns.set(node.pattern, (re = new RegExp(node.pattern, 'u')));
        if (!re.test(v)) problems.push({ path: where, message: `${JSON.stringify(v)} does not match ${node.pattern}` });
      }
    }
    if (typeof v === 'number') {
      if (node.minimum !== undefined && v < node.minimum) problems.push({ path: where, message: `${v} is below ${node.minimum}` });
      if (node.maximum !== undefined && v > node.maximum) problems.push({ path: where, message: `${v} is above ${node.maximum}` });
    }
    if (Array.isArray(v)) {
      if (node.minItems !== undefined && v.length < node.minItems) {
        problems.push({ path: where, message: `needs at least ${node.minItems} item${node.minItems === 1 ? '' : 's'}` });
      }
      if (node.items) v.forEach((item, i) => visit(node.items as SchemaNode, item, join(path, i)));
    } else if (typeof v === 'object' && v !== null) {
      const record = v as Record<string, unknown>;
      for (const key of node.required ?? []) {
        if (!(key in record)) problems.push({ path: join(path, key), message: 'is missing' });
      }
      for (const [key, child] of Object.entries(record)) {
        const sub = node.properties?.[key];
        if (sub) visit(sub, child, join(path, key));
        else if (node.additionalProperties === false) problems.push({ path: join(path, key), message: 'is not a known field' });
      }
    }
  };

  visit(root, value, '');
  return problems;
}
