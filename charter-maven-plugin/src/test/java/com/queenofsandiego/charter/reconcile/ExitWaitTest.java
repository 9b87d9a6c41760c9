package com.queenofsandiego.charter.reconcile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JVM waits up to 0.3 s at exit for every thread blocked in native code, so a deploy must not leave one behind:
 * the JDK's HttpClient did (its selector thread, in epoll, until garbage collected), and Maven took 0.3 s to exit.
 */
class ExitWaitTest {

    @TempDir
    Path root;

    @Test
    void aDeployThatCalledJadaAndSccLeavesNoThreadBlockedInNativeCode() throws Exception {
        try (ReconcileFixture fixture = new ReconcileFixture(root)) {
            fixture.concurrency = 8;
            Set<Thread> before = Thread.getAllStackTraces().keySet();

            fixture.deploy(List.of(ReconcileFixture.booking("BS-1"), ReconcileFixture.booking("BS-2")));

            assertThat(fixture.sandbox.store(RemoteSystem.SCC).creates("BS-2")).isEqualTo(1);
            List<String> inNative = Thread.getAllStackTraces().entrySet().stream()
                    .filter(thread -> !before.contains(thread.getKey()))
                    .filter(thread -> thread.getKey().getState() == Thread.State.RUNNABLE)
                    .filter(thread -> thread.getValue().length > 0 && thread.getValue()[0].isNativeMethod())
                    .map(ExitWaitTest::describe)
                    .toList();
            assertThat(inNative).isEmpty();
        }
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> thread) {
        return thread.getKey().getName() + " in " + thread.getValue()[0];
    }
}
