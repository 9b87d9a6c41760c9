package com.queenofsandiego.charter.reconcile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteEndpointTest {

    @Test
    void jadaBehindCloudFrontIsRefusedWithTheReasonAndWhatToUse() {
        assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.JADA, "https://d1234abcd.cloudfront.net/api"))
                .hasMessageContaining(
                        "charter.jada.endpoint 'https://d1234abcd.cloudfront.net/api' is a CloudFront distribution")
                .hasMessageContaining("drops the custom X-Dashboard-Token header")
                .hasMessageContaining("use the API Gateway URL");
    }

    @Test
    void plainHttpIsAllowedOnlyOnLoopback() {
        assertThat(RemoteEndpoint.check(RemoteSystem.SCC, "http://127.0.0.1:8081"))
                .hasPort(8081);
        assertThat(RemoteEndpoint.check(RemoteSystem.SCC, "http://localhost:8081/"))
                .hasHost("localhost");
        assertThat(RemoteEndpoint.check(RemoteSystem.JADA, "http://[::1]:9000")).hasPort(9000);
        assertThat(RemoteEndpoint.check(RemoteSystem.JADA, "https://abc.execute-api.us-west-2.amazonaws.com/prod"))
                .hasPath("/prod");

        assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.SCC, "http://scc.example.com"))
                .hasMessageContaining("uses plain http to scc.example.com")
                .hasMessageContaining("Use https://");
        assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.SCC, "http://10.0.0.5"))
                .hasMessageContaining("uses plain http");
        assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.SCC, "ftp://scc.example.com"))
                .hasMessageContaining("must be an https:// URL");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.SCC, "https://user:hunter2@scc.example.com"))
                .hasMessageContaining("must not carry credentials")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void cloudFrontIsRefusedHoweverItsHostIsSpelled() {
        for (String url : new String[] {
            "https://abc.cloudfront.net./", "https://ABC.CloudFront.NET", "https://abc\u3002cloudfront\u3002net/prod"
        }) {
            assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.JADA, url))
                    .as(url)
                    .hasMessageContaining("is a CloudFront distribution");
        }
        assertThat(RemoteEndpoint.check(RemoteSystem.SCC, "http://LocalHost.:8081/"))
                .hasPort(8081);
        assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.SCC, "https://sc\u00e7.example.com"))
                .hasMessageContaining("write it as xn--");
    }

    @Test
    void aRefusedOrMalformedEndpointIsShownWithoutCredentialsOrQuery() {
        assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.SCC, "https://user:pa55@host/x?token=s3cret"))
                .hasMessageContaining("charter.scc.endpoint 'https://***@host/x?***' must not carry credentials")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa55", "s3cret", "user:"));
        assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.SCC, "https://host/x?token=s3cret"))
                .hasMessageContaining("charter.scc.endpoint 'https://host/x?***' must not carry a query")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        assertThatThrownBy(() ->
                        RemoteEndpoint.check(RemoteSystem.JADA, "http://user:pa55@d1.cloudfront.net/x?token=s3cret"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa55", "s3cret"));
        assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.JADA, "https://user:pa 55@host/x?token=s3cret"))
                .hasMessageContaining("charter.jada.endpoint '(not shown)' is not a URL: Illegal character")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa 55", "user", "s3cret", "host"));
        assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.JADA, "https://api example.com/prod"))
                .hasMessageContaining("charter.jada.endpoint 'https://api example.com/prod' is not a URL");
    }
}
