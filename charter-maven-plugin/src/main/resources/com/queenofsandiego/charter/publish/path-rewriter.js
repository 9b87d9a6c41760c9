// CloudFront Function (viewer request, runtime cloudfront-js-2.0), published by `mvn charter:deploy`.
// Guest pages are stored as g/<slug>.html and served at /g/<slug>; the tool's records under /.charter/ are private.
function handler(event) {
    var request = event.request;
    var uri = request.uri;
    // '%2E' is a '.' the origin would decode: /%2Echarter/ must stay as private as /.charter/.
    var plain = uri.replace(/%2e/gi, '.');
    if (plain === '/.charter' || plain.indexOf('/.charter/') === 0) {
        return { statusCode: 404, statusDescription: 'Not Found' };
    }
    var guest = /^\/g\/([a-z0-9][a-z0-9-]*)\/?$/.exec(uri);
    if (guest) {
        request.uri = '/g/' + guest[1] + '.html';
    }
    return request;
}
