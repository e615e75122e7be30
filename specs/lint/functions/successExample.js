// stt-success-example: an operation has a 2xx response; every 2xx JSON body has `example` or `examples`.
// A binary body (format: binary) and a response without a body need no example.
export default function successExample(operation, _opts, context) {
  if (operation === null || typeof operation !== 'object') return [];
  const responses = operation.responses || {};
  const success = Object.keys(responses).filter((code) => /^2(\d\d|XX)$/i.test(code));
  if (success.length === 0) {
    return [{ message: 'The operation documents no 2xx response.', path: [...context.path, 'responses'] }];
  }
  const results = [];
  for (const code of success) {
    const content = (responses[code] && responses[code].content) || {};
    for (const [mediaType, media] of Object.entries(content)) {
      if (!/json/i.test(mediaType) || media === null || typeof media !== 'object') continue;
      const schema = media.schema || {};
      if (schema.format === 'binary') continue;
      const hasExamples = media.examples && Object.keys(media.examples).length > 0;
      if (media.example === undefined && !hasExamples) {
        results.push({
          message: `The ${code} ${mediaType} body has no example.`,
          path: [...context.path, 'responses', code, 'content', mediaType],
        });
      }
    }
  }
  return results;
}
