// stt-error-schema: every 4xx/5xx response has a JSON body whose schema $refs the vendor's error schema.
// Runs on the unresolved document: follows local response $refs itself.
const ERROR_CODE = /^[45](\d\d|XX)$/i;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// The vendor's error schema: the root `x-error-schema` (a name or a list of names) when declared; else
// <Vendor>Error, the vendor being the file's name (specs/gladia.yaml -> GladiaError); else the only schema
// whose name ends in "Error".
function errorSchemaNames(doc, source) {
  const declared = doc['x-error-schema'];
  if (typeof declared === 'string') return [declared];
  if (Array.isArray(declared)) return declared.filter((n) => typeof n === 'string');
  const schemas = (doc.components && doc.components.schemas) || {};
  const file = typeof source === 'string' ? source.split(/[\\/]/).pop().replace(/\.(ya?ml|json)$/i, '') : '';
  const byVendor = file.charAt(0).toUpperCase() + file.slice(1) + 'Error';
  if (file && schemas[byVendor]) return [byVendor];
  const named = Object.keys(schemas).filter((n) => /Error$/.test(n));
  return named.length === 1 ? named : null;
}

function localRef(doc, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').reduce((node, key) => (node == null ? undefined : node[key.replace(/~1/g, '/').replace(/~0/g, '~')]), doc);
}

export default function vendorErrorSchema(doc, _opts, context) {
  if (doc === null || typeof doc !== 'object' || !doc.paths) return [];
  const names = errorSchemaNames(doc, context && context.document && context.document.source);
  if (names === null) {
    return [{
      message: 'Cannot tell the vendor\'s error schema (no <Vendor>Error, several *Error schemas): declare it with a root `x-error-schema`.',
      path: ['components', 'schemas'],
    }];
  }
  const wanted = names.map((n) => `#/components/schemas/${n}`);
  const results = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item && item[method];
      if (!op || !op.responses) continue;
      for (const [code, raw] of Object.entries(op.responses)) {
        if (!ERROR_CODE.test(code)) continue;
        const at = ['paths', path, method, 'responses', code];
        const response = raw && raw.$ref ? localRef(doc, raw.$ref) : raw;
        const content = (response && response.content) || {};
        const json = Object.entries(content).filter(([mt]) => /json/i.test(mt));
        if (json.length === 0) {
          results.push({ message: `${code} has no JSON body: it must use the vendor's error schema (${names.join(' or ')}).`, path: at });
          continue;
        }
        for (const [mt, media] of json) {
          const ref = media && media.schema && media.schema.$ref;
          if (!wanted.includes(ref)) {
            results.push({
              message: `${code} ${mt} body must be $ref ${wanted.join(' or ')}, not ${ref || 'an inline schema'}.`,
              path: at,
            });
          }
        }
      }
    }
  }
  return results;
}
