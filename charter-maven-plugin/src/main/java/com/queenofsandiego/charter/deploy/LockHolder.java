package com.queenofsandiego.charter.deploy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/** Who is deploying, as the lock names them to anyone it stops: the GitHub Actions run, or user@host and process. */
public final class LockHolder {

    private LockHolder() {}

    public static String describe(Map<String, String> environment) {
        if (environment.containsKey("GITHUB_RUN_ID")) {
            return "GitHub Actions run " + environment.get("GITHUB_RUN_ID") + " of "
                    + environment.getOrDefault("GITHUB_REPOSITORY", "?") + " ("
                    + environment.getOrDefault("GITHUB_ACTOR", "?") + ")";
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        return System.getProperty("user.name") + "@" + host + " (pid "
                + ProcessHandle.current().pid() + ")";
    }
}
