package com.queenofsandiego.charter.reconcile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteEndpointTest {

    @Test
    void jadaBehindCloudFrontIsRefusedWithTheReasonAndWhatToUse() {
        assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.JADA, "https://d1234abcd.cloudfront.net/api"))
                .hasMessageContaining("charter.jada.endpoint 'https://d1234abcd.cloudfront.net/api' is a CloudFront distribution")
                .hasMessageContaining("drops the custom X-Dashboard-Token header")
                .hasMessageContaining("use the API Gateway URL");
    }

    @Test
    void plainHttpIsAllowedOnlyOnLoopback() {
        assertThat(RemoteEndpoint.check(RemoteSystem.SCC, "http://127.0.0.1:8081")).hasPort(8081);
        assertThat(RemoteEndpoint.check(RemoteSystem.SCC, "http://localhost:8081/")).hasHost("localhost");
        assertThat(RemoteEndpoint.check(RemoteSystem.JADA, "http://[::1]:9000")).hasPort(9000);
        assertThat(RemoteEndpoint.check(RemoteSystem.JADA, "https://abc.execute-api.us-west-2.amazonaws.com/prod")).hasPath("/prod");

        assertThatThrownBy(() -> RemoteEndpoint.check(RemoteSystem.SCC, "http://scc.example.com"))
                .hasMessageContaining("uses plain http to scc.example.com").hasMessageContaining("Use https://");
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
}
