// stt-id-parameter-format: a path/query/header parameter named id, *Id or *_id has a pattern or a format
// (an integer id counts), or states in `x-undocumented-format` that the vendor documents none.
const ID_NAME = /(^id$|Id$|_id$|^id_)/;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function localRef(doc, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').reduce((node, key) => (node == null ? undefined : node[key]), doc);
}

function check(doc, raw, at, results) {
  const param = raw && raw.$ref ? localRef(doc, raw.$ref) : raw;
  if (!param || typeof param.name !== 'string' || !ID_NAME.test(param.name)) return;
  const where = raw && raw.$ref ? raw.$ref.slice(2).split('/') : at;
  let schema = param.schema || {};
  if (schema.$ref) schema = localRef(doc, schema.$ref) || {};
  const constrained = schema.pattern || schema.format || schema.enum || schema.type === 'integer';
  const waived = typeof param['x-undocumented-format'] === 'string' && param['x-undocumented-format'].trim() !== '';
  if (!constrained && !waived) {
    results.push({
      message: `Id parameter "${param.name}" has no pattern or format; if the vendor documents none, say so in x-undocumented-format.`,
      path: where,
    });
  }
}

export default function idParameterFormat(doc) {
  if (doc === null || typeof doc !== 'object' || !doc.paths) return [];
  const results = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    (item.parameters || []).forEach((p, i) => check(doc, p, ['paths', path, 'parameters', i], results));
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      (op.parameters || []).forEach((p, i) => check(doc, p, ['paths', path, method, 'parameters', i], results));
    }
  }
  // A waived or checked $ref'd parameter is reported once.
  const seen = new Set();
  return results.filter((r) => { const k = r.path.join('/'); if (seen.has(k)) return false; seen.add(k); return true; });
}
