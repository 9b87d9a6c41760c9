// Runs a CloudFront Function file, as CloudFront would, on a table of viewer requests; prints one JSON result per line.
const fs = require('fs');
const [functionFile, casesFile] = process.argv.slice(2);
const handler = new Function(fs.readFileSync(functionFile, 'utf8') + '\nreturn handler;')();
for (const c of JSON.parse(fs.readFileSync(casesFile, 'utf8'))) {
  const event = { version: '1.0', context: { eventType: 'viewer-request' }, viewer: { ip: '127.0.0.1' },
    request: { method: 'GET', uri: c.uri, querystring: c.querystring, headers: {}, cookies: {} } };
  const result = handler(event);
  console.log(JSON.stringify({ uri: c.uri, resultUri: result.uri, status: result.statusCode,
    query: Object.keys(result.querystring || {}) }));
}
