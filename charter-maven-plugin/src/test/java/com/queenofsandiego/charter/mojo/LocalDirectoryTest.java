package com.queenofsandiego.charter.mojo;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One property moves all of charter's output: the local target follows charter.outputDirectory unless it is set itself. */
class LocalDirectoryTest {

    private final PlanMojo plan = new PlanMojo();
    private final ServeMojo serve = new ServeMojo();

    LocalDirectoryTest() {
        plan.outputDirectory = new File("/x");
        plan.statePrefix = ".charter/";
        serve.outputDirectory = new File("/x");
    }

    @Test
    void theLocalBucketLedgerSandboxAndUploadsAreUnderTheOutputDirectory() {
        assertThat(plan.targetSettings().localDirectory()).isEqualTo(Path.of("/x/local"));
        assertThat(plan.remoteSettings().sandboxDirectory()).hasValue(Path.of("/x/local/sandbox"));
        assertThat(serve.uploadsDirectory()).isEqualTo(Path.of("/x/local/uploads"));
    }

    @Test
    void charterLocalDirectoryStillOverridesIt() {
        plan.localDirectory = new File("/y");
        serve.localDirectory = new File("/y");

        assertThat(plan.targetSettings().localDirectory()).isEqualTo(Path.of("/y"));
        assertThat(plan.remoteSettings().sandboxDirectory()).hasValue(Path.of("/y/sandbox"));
        assertThat(serve.uploadsDirectory()).isEqualTo(Path.of("/y/uploads"));
    }
}
