package com.queenofsandiego.charter.reconcile;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a failed call says: enough to act on, and never a header the client sent. */
class RemoteClientMessagesTest {

    @Test
    void aFailureWhoseExceptionQuotesTheAuthHeaderIsReportedByItsClassOnly() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> echoAuthorizationAsStatusLine(server));
            answering.setDaemon(true);
            answering.start();
            RemoteClient client = new RemoteClient(
                    RemoteSystem.SCC,
                    URI.create("http://127.0.0.1:" + server.getLocalPort()),
                    new Secret("scc-key-never-shown-91", "a test"),
                    ReconcileFixture.FAST);

            assertThatThrownBy(() -> client.find("BS-1"))
                    .isInstanceOfSatisfying(
                            RemoteException.class,
                            e -> assertThat(e.getMessage())
                                    .contains("SCC GET /events?external_id=BS-1 failed: IOException")
                                    .doesNotContain("scc-key-never-shown-91")
                                    .doesNotContain("Bearer"));
        }
    }

    /** A broken server (or proxy) that answers with a status line quoting the request's Authorization header. */
    private static void echoAuthorizationAsStatusLine(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                BufferedReader request =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                String authorization = "";
                for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
                    if (line.regionMatches(true, 0, "Authorization:", 0, 14)) {
                        authorization = line;
                    }
                }
                socket.getOutputStream()
                        .write(("HTTP/1.1 " + authorization + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                return;
            }
        }
    }
}
