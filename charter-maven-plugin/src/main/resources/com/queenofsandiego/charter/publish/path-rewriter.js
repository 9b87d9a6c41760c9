// CloudFront Function (viewer request, runtime cloudfront-js-2.0), published by `mvn charter:deploy`.
// Guest pages are stored as g/<slug>.html and served at /g/<slug>; the tool's records under /.charter/ are private.
function handler(event) {
    var request = event.request;
    var uri = request.uri;
    if (isPrivate(uri)) {
        return { statusCode: 404, statusDescription: 'Not Found' };
    }
    var guest = /^\/g\/([a-z0-9][a-z0-9-]*)\/?$/.exec(uri);
    if (guest) {
        request.uri = '/g/' + guest[1] + '.html';
    }
    return request;
}

// The bucket decodes percent-escapes in a key ('%2E', '%2F', '%61'…), so compare the path as every decoding of it
// would read: decoded until it stops changing, '\' as '/', repeated slashes collapsed, '.' and '..' segments resolved,
// any case. A path that cannot be decoded is refused too.
function isPrivate(uri) {
    var path = uri;
    for (var i = 0; i < 5; i++) {
        var decoded;
        try {
            decoded = decodeURIComponent(path);
        } catch (e) {
            return true;
        }
        if (decoded === path) {
            break;
        }
        path = decoded;
    }
    var segments = path.replace(/\\/g, '/').toLowerCase().split('/');
    var resolved = [];
    for (var j = 0; j < segments.length; j++) {
        var segment = segments[j];
        if (segment === '' || segment === '.') {
            continue;
        }
        if (segment === '..') {
            resolved.pop();
        } else {
            resolved.push(segment);
        }
    }
    return resolved.length > 0 && resolved[0] === '.charter';
}
