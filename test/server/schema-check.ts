/**
 * A small JSON Schema checker for the subset the OpenAPI document uses
 * ($ref, allOf, type, enum, required, properties, items, bounds). Strict: a
 * property the schema does not describe is an error, so the document and the
 * answers cannot drift apart in either direction.
 */
type Schema = Record<string, unknown>;

export function checkSchema(value: unknown, schema: Schema, root: Schema, at = '$'): string[] {
  const errors: string[] = [];
  const resolved = resolveRef(schema, root);
  if (Array.isArray(resolved.allOf)) {
    // allOf parts are objects here: merge their properties so strictness sees all of them.
    const parts = (resolved.allOf as Schema[]).map((s) => resolveRef(s, root));
    const merged: Schema = {
      type: 'object',
      required: parts.flatMap((p) => (p.required as string[] | undefined) ?? []),
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
    };
    return checkSchema(value, merged, root, at);
  }
  const type = resolved.type as string | undefined;
  if (type && !hasType(value, type)) return [`${at}: expected ${type}, got ${JSON.stringify(value)}`];
  if (Array.isArray(resolved.enum) && !resolved.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'number') {
    if (typeof resolved.minimum === 'number' && value < resolved.minimum) errors.push(`${at}: below minimum`);
    if (typeof resolved.maximum === 'number' && value > resolved.maximum) errors.push(`${at}: above maximum`);
  }
  if (typeof value === 'string') {
    if (typeof resolved.minLength === 'number' && value.length < resolved.minLength) errors.push(`${at}: too short`);
    if (typeof resolved.maxLength === 'number' && value.length > resolved.maxLength) errors.push(`${at}: too long`);
  }
  if (Array.isArray(value) && resolved.items) {
    value.forEach((item, i) => errors.push(...checkSchema(item, resolved.items as Schema, root, `${at}[${i}]`)));
  }
  if (type === 'object' && value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (resolved.properties ?? {}) as Record<string, Schema>;
    for (const key of (resolved.required as string[] | undefined) ?? []) {
      if (!(key in obj)) errors.push(`${at}: missing required ${key}`);
    }
    for (const [key, v] of Object.entries(obj)) {
      if (v === undefined) continue;
      const prop = props[key];
      if (!prop) errors.push(`${at}: property ${key} is not described`);
      else errors.push(...checkSchema(v, prop, root, `${at}.${key}`));
    }
  }
  return errors;
}

function resolveRef(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)[part];
  if (!node) throw new Error(`unresolved ${ref}`);
  return { ...(node as Schema), ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) };
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}
