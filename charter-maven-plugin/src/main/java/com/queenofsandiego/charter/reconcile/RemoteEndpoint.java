package com.queenofsandiego.charter.reconcile;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Checks a JADA or SCC base URL before anything is sent to it. */
public final class RemoteEndpoint {

    private RemoteEndpoint() {
    }

    /**
     * The URL as a URI, or an {@link IllegalArgumentException} saying what is wrong: not a URL, plain http to a host
     * that is not loopback (the secret would cross the network in clear), or JADA behind CloudFront.
     */
    public static URI check(RemoteSystem system, String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(system.endpointProperty() + " '" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(system.endpointProperty() + " '" + url + "' must be an https:// URL such as https://api.example.com/prod");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException(system.endpointProperty() + " must not carry credentials: give the secret through "
                    + system.secretSources());
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new IllegalArgumentException(system.endpointProperty() + " '" + url + "' uses plain http to " + host
                    + ": the " + system.label() + " secret would cross the network unencrypted. Use https:// (plain http is allowed only on 127.0.0.1, ::1 or localhost)");
        }
        if (system == RemoteSystem.JADA && (host.endsWith(".cloudfront.net") || host.equals("cloudfront.net"))) {
            throw new IllegalArgumentException(system.endpointProperty() + " '" + url + "' is a CloudFront distribution."
                    + " CloudFront drops the custom X-Dashboard-Token header, so every call would be refused;"
                    + " use the API Gateway URL instead (https://<api-id>.execute-api.<region>.amazonaws.com/<stage>)");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.matches("[0-9.]+|[0-9a-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
