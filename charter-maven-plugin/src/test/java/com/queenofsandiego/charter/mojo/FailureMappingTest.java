package com.queenofsandiego.charter.mojo;

import com.queenofsandiego.charter.ConfigurationException;
import com.queenofsandiego.charter.reconcile.RemoteException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one mapping of charter's failures to Maven's, and what each goal says it left behind. */
class FailureMappingTest {

    @Test
    void theUsersFaultFailsTheBuildAndAnOutageOrDefectIsAnError() {
        assertThatThrownBy(() -> deploy(
                                new ConfigurationException("charter.target 'gcp' is not a target: use local or aws"))
                        .execute())
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("charter: charter.target 'gcp' is not a target: use local or aws");
        assertThatThrownBy(() -> deploy(new RemoteException(RemoteException.Kind.REFUSED, "JADA refused the body"))
                        .execute())
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage(
                        "charter: JADA refused the body. The ledger records everything done so far: fix this and run again.");
        assertThatThrownBy(() -> deploy(
                                new RemoteException(RemoteException.Kind.UNAVAILABLE, "SCC answered 503 five times"))
                        .execute())
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("charter: SCC answered 503 five times. Nothing half-done is left behind");
        assertThatThrownBy(() -> deploy(new UncheckedIOException(new IOException("disk full")))
                        .execute())
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("disk full. Nothing half-done is left behind");
    }

    @Test
    void aPlanThatFailsSaysNothingChangedNotThatNothingIsHalfDone() {
        PlanMojo plan = new PlanMojo() {
            @Override
            void run() {
                throw new RemoteException(RemoteException.Kind.UNAVAILABLE, "JADA answered 503 five times");
            }
        };
        root(plan);
        assertThatThrownBy(plan::execute)
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("charter: JADA answered 503 five times. Nothing was changed.");
    }

    @Test
    void onGitHubAFailureAboutABookingIsAnAnnotationOnItsFileWithoutTheFileTwice() {
        RemoteException refused =
                new RemoteException(RemoteException.Kind.REFUSED, "JADA refused the body").in("bookings/b.yaml");
        DeployMojo mojo = new DeployMojo() {
            @Override
            void run() {
                throw refused;
            }

            @Override
            Map<String, String> environment() {
                return Map.of("GITHUB_ACTIONS", "true");
            }
        };
        root(mojo);
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(mojo::execute)
                    .isExactlyInstanceOf(MojoFailureException.class)
                    .hasMessageStartingWith("charter: bookings/b.yaml: JADA refused the body.");
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("::error file=bookings/b.yaml")
                .contains("::JADA refused the body")
                .doesNotContain("::bookings/b.yaml");
    }

    private static DeployMojo deploy(RuntimeException failure) {
        DeployMojo mojo = new DeployMojo() {
            @Override
            void run() {
                throw failure;
            }

            @Override
            Map<String, String> environment() {
                return Map.of();
            }
        };
        root(mojo);
        return mojo;
    }

    private static void root(AbstractCharterMojo mojo) {
        mojo.project = new MavenProject();
        mojo.project.setExecutionRoot(true);
    }
}
