package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.ConfigurationException;
import com.queenofsandiego.charter.reconcile.RemoteSystem;
import com.queenofsandiego.charter.reconcile.Secret;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * JADA's token and SCC's key where a build finds them: the system's environment variable first (CI), then the password
 * of its server in settings.xml, decrypted. Each secret says where it came from, never what it is.
 */
final class SettingsSecrets implements Function<RemoteSystem, Optional<Secret>> {

    private final Map<String, String> environment;
    private final Settings settings;
    private final SettingsDecrypter decrypter;

    SettingsSecrets(Map<String, String> environment, Settings settings, SettingsDecrypter decrypter) {
        this.environment = environment;
        this.settings = settings;
        this.decrypter = decrypter;
    }

    @Override
    public Optional<Secret> apply(RemoteSystem system) {
        String fromEnvironment = environment.get(system.environmentVariable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(new Secret(fromEnvironment, "the environment variable " + system.environmentVariable()));
        }
        Server server = settings == null ? null : settings.getServer(system.serverId());
        if (server == null
                || server.getPassword() == null
                || server.getPassword().isBlank()) {
            return Optional.empty();
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!decrypted.getProblems().isEmpty()) {
            throw new ConfigurationException(
                    "the password of server '" + system.serverId() + "' in settings.xml cannot be decrypted: "
                            + decrypted.getProblems().get(0).getMessage()
                            + "; see https://maven.apache.org/guides/mini/guide-encryption.html");
        }
        return Optional.of(new Secret(
                decrypted.getServer().getPassword(),
                "the password of server '" + system.serverId() + "' in settings.xml"));
    }
}
