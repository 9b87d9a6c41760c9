package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.ConfigurationException;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Checks a JADA or SCC base URL before anything is sent to it. */
public final class RemoteEndpoint {

    private RemoteEndpoint() {}

    /**
     * The URL as a URI, or an {@link ConfigurationException} saying what is wrong: not a URL, plain http to a host
     * that is not loopback (the secret would cross the network in clear), or JADA behind CloudFront. Messages show the
     * URL only as {@link #redacted} does.
     */
    public static URI check(RemoteSystem system, String url) {
        URI uri = parse(system.endpointProperty(), url);
        String shown = system.endpointProperty() + " '" + redacted(uri) + "'";
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = normalisedHost(uri);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ConfigurationException(shown + " must be an https:// URL such as https://api.example.com/prod");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ConfigurationException(
                    shown + " must not carry credentials: give the secret through " + system.secretSources());
        }
        // The client appends paths to the base URL; a query there would be sent, and shown, with every call.
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigurationException(shown + " must not carry a query or fragment: give the API's base URL,"
                    + " and any secret through " + system.secretSources());
        }
        if (system == RemoteSystem.JADA && (host.endsWith(".cloudfront.net") || host.equals("cloudfront.net"))) {
            throw new ConfigurationException(shown + " is a CloudFront distribution."
                    + " CloudFront drops the custom X-Dashboard-Token header, so every call would be refused;"
                    + " use the API Gateway URL instead (https://<api-id>.execute-api.<region>.amazonaws.com/<stage>)");
        }
        if (uri.getHost() == null) {
            throw new ConfigurationException(shown + " has a host that is not plain ASCII; write it as " + host);
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new ConfigurationException(
                    shown + " uses plain http to " + host + ": the " + system.label()
                            + " secret would cross the network unencrypted. Use https:// (plain http is allowed only on 127.0.0.1, ::1 or localhost)");
        }
        return uri;
    }

    /**
     * Which JADA or SCC a description from the plan ("https://…", "sandbox in …") names, as the ledger records it:
     * {@code sandbox} for the sandbox wherever it keeps its state, else the URL with scheme and host in lower case,
     * without a default port or a trailing slash. Endpoints with user-info or a query are refused before this, so it
     * holds no secret.
     */
    public static String identity(String where) {
        if (where.startsWith("sandbox")) {
            return "sandbox";
        }
        URI uri = URI.create(where.strip());
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return scheme + "://" + normalisedHost(uri) + (defaultPort ? "" : ":" + port) + path;
    }

    /**
     * A URL as it may appear in a message: {@code scheme://host[:port]/path}, with {@code ***} for user-info, query and
     * fragment, which may carry secrets. A text that is not a URL is shown only when it has no place for one.
     */
    public static String redacted(String url) {
        String trimmed = url.strip();
        try {
            return redacted(new URI(trimmed));
        } catch (URISyntaxException e) {
            return trimmed.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '@' && c != '?' && c != '#')
                    ? trimmed
                    : "(not shown)";
        }
    }

    private static String redacted(URI uri) {
        if (uri.getScheme() == null || uri.isOpaque()) {
            return uri.getRawUserInfo() == null
                            && uri.getRawQuery() == null
                            && uri.getRawFragment() == null
                            && !uri.toString().contains("@")
                    ? uri.toString()
                    : "(not shown)";
        }
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        int credentials = authority.lastIndexOf('@');
        return uri.getScheme() + "://" + (credentials >= 0 ? "***@" + authority.substring(credentials + 1) : authority)
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?***")
                + (uri.getRawFragment() == null ? "" : "#***");
    }

    private static URI parse(String property, String url) {
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new ConfigurationException(
                    property + " '" + redacted(url) + "' is not a URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    /**
     * The host as DNS sees it, so that no spelling slips past a check: lower case, without the trailing dot of a fully
     * qualified name, international names in their ASCII form; empty when there is none.
     */
    private static String normalisedHost(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            // java.net.URI leaves a non-ASCII host unparsed; an ASCII one it cannot parse is no host at all.
            String authority = uri.getAuthority();
            if (authority == null || authority.chars().allMatch(c -> c < 0x80)) {
                return "";
            }
            host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":[0-9]*$", "");
            try {
                host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
            } catch (ConfigurationException e) {
                return "";
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
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
