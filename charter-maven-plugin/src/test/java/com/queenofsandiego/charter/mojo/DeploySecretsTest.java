package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.queenofsandiego.charter.reconcile.Secret;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where deploy takes the JADA token and SCC key from. Maven's decrypter is replaced by a stand-in that "decrypts"
 * {@code {enc}} to {@code plain}: the real one needs a settings-security.xml master password this test cannot have.
 */
class DeploySecretsTest {

    private final Map<String, String> environment = new HashMap<>();
    private final DeployMojo mojo = new DeployMojo() {
        @Override
        Map<String, String> environment() {
            return environment;
        }
    };

    private final SettingsSecrets secrets;

    DeploySecretsTest() {
        mojo.settings = new Settings();
        mojo.decrypter = request -> {
            Server server = request.getServers().get(0).clone();
            List<SettingsProblem> problems = List.of();
            if (server.getPassword().equals("{broken}")) {
                problems = List.of(new DefaultSettingsProblem(
                        "master password missing", SettingsProblem.Severity.ERROR, null, -1, -1, null));
            } else {
                server.setPassword(server.getPassword().replace("{enc}", "plain"));
            }
            return result(server, problems);
        };
        secrets = new SettingsSecrets(environment, mojo.settings, mojo.decrypter);
    }

    @Test
    void theEnvironmentComesFirstThenTheSettingsServerDecrypted() {
        server("charter-scc", "{enc}-key");
        assertThat(secrets.apply(RemoteSystem.JADA)).isEmpty();
        assertThat(secrets.apply(RemoteSystem.SCC))
                .hasValue(new Secret("plain-key", "the password of server 'charter-scc' in settings.xml"));

        environment.put("CHARTER_SCC_KEY", "from-env");
        assertThat(secrets.apply(RemoteSystem.SCC))
                .hasValue(new Secret("from-env", "the environment variable CHARTER_SCC_KEY"));
    }

    @Test
    void aPasswordThatCannotBeDecryptedIsReportedWithoutIt() {
        server("charter-jada", "{broken}");

        assertThatThrownBy(() -> secrets.apply(RemoteSystem.JADA))
                .hasMessageContaining(
                        "the password of server 'charter-jada' in settings.xml cannot be decrypted: master password missing")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("{broken}"));
    }

    @Test
    void aSecretWithATrailingNewlineIsRefusedNamingWhereItCameFromButNotShowingIt() {
        environment.put("CHARTER_SCC_KEY", "scc-key-3f9a0c\n");
        assertThatThrownBy(() -> secrets.apply(RemoteSystem.SCC))
                .hasMessage(
                        "the environment variable CHARTER_SCC_KEY holds a control character (a trailing newline?); remove it");

        server("charter-jada", "{enc}-token-81d2\r\n");
        assertThatThrownBy(() -> secrets.apply(RemoteSystem.JADA))
                .hasMessage(
                        "the password of server 'charter-jada' in settings.xml holds a control character (a trailing newline?); remove it");
    }

    @Test
    void aSecretAnHttpHeaderCannotCarryIsRefusedBeforeAnyCall() {
        environment.put("CHARTER_JADA_TOKEN", "t\u00f6ken-5b1e");
        assertThatThrownBy(() -> secrets.apply(RemoteSystem.JADA))
                .hasMessageContaining("the environment variable CHARTER_JADA_TOKEN holds a non-ASCII character")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("5b1e"));
    }

    @Test
    void aMalformedS3EndpointIsRefusedWithoutTheCredentialsItCarries() {
        mojo.localDirectory = new File("target/charter/local");
        mojo.s3Endpoint = "http://minio:pa55 word@127.0.0.1:9000";

        assertThatThrownBy(mojo::targetSettings)
                .hasMessageStartingWith("charter.s3.endpoint '(not shown)' is not a URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa55", "minio"));
    }

    private void server(String id, String password) {
        Server server = new Server();
        server.setId(id);
        server.setPassword(password);
        mojo.settings.addServer(server);
    }

    private static SettingsDecryptionResult result(Server server, List<SettingsProblem> problems) {
        return new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return server;
            }

            @Override
            public List<Server> getServers() {
                return List.of(server);
            }

            @Override
            public org.apache.maven.settings.Proxy getProxy() {
                return null;
            }

            @Override
            public List<org.apache.maven.settings.Proxy> getProxies() {
                return List.of();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return problems;
            }
        };
    }
}
