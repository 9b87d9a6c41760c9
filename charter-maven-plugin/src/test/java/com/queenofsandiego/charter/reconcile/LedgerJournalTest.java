package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.queenofsandiego.charter.store.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.queenofsandiego.charter.reconcile.ReconcileFixture.booking;
import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's journal: what a run that died left behind is read by plan and continued by the next deploy. */
class LedgerJournalTest {

    @TempDir
    Path work;

    ReconcileFixture fixture;

    @BeforeEach
    void start() throws IOException {
        fixture = new ReconcileFixture(work);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aSuccessfulDeployLeavesOnlyLedgerJsonInTheFormatEarlierVersionsWrote() throws IOException {
        fixture.deploy(List.of(booking("BS-1")));

        Path state = work.resolve("local/bucket/.charter");
        JsonNode ledger = new ObjectMapper().readTree(state.resolve(Ledger.NAME).toFile());
        // Earlier versions skip fields they do not know, such as endpoints.
        assertThat(ledger.fieldNames()).toIterable().containsExactlyInAnyOrder("bookings", "endpoints", "format");
        assertThat(ledger.path("format").asInt()).isEqualTo(2);
        assertThat(ledger.path("bookings").path("BS-1").path("scc").path("id").asText())
                .isEqualTo("scc-1");
        assertThat(files(state.resolve("ledger"))).isEmpty();
    }

    @Test
    void theJournalOfARunThatDiedIsReadByPlanAndContinuedByTheNextDeploy() throws IOException {
        fixture.deploy(List.of(booking("BS-1")));
        Path state = work.resolve("local/bucket/.charter");
        byte[] folded = Files.readAllBytes(state.resolve(Ledger.NAME));
        // A run that created BS-2 in JADA, recorded it, and died before SCC answered.
        RemoteBody jada = DesiredState.of(RemoteSystem.JADA, booking("BS-2")).orElseThrow();
        String id =
                fixture.clients().get(RemoteSystem.JADA).create("BS-2", jada).id();
        Ledger died = Ledger.load(StateStore.in(fixture.target()));
        List<Ledger.Slot> creates =
                List.of(new Ledger.Slot(RemoteSystem.JADA, "BS-2"), new Ledger.Slot(RemoteSystem.SCC, "BS-2"));
        died.begin(creates, creates, Map.of());
        died.sent(RemoteSystem.JADA, "BS-2", id, jada);

        ReconcilePlan plan =
                fixture.plan(List.of(booking("BS-1"), booking("BS-2"))).reconcile();
        assertThat(plan.changes()).singleElement().satisfies(change -> {
            assertThat(change.system()).isEqualTo(RemoteSystem.SCC);
            assertThat(change.reason()).isEqualTo("an earlier create may have reached SCC; it is looked up first");
        });

        fixture.deploy(List.of(booking("BS-1"), booking("BS-2")));

        assertThat(Files.readAllBytes(state.resolve(Ledger.NAME)))
                .as("a small journal is carried, not folded")
                .isEqualTo(folded);
        assertThat(files(state.resolve("ledger"))).hasSize(3);
        Ledger carried = Ledger.load(StateStore.in(fixture.target()));
        assertThat(carried.remote(RemoteSystem.JADA, "BS-2"))
                .hasValueSatisfying(remote -> assertThat(remote.id()).isEqualTo(id));
        assertThat(carried.remote(RemoteSystem.SCC, "BS-2"))
                .hasValueSatisfying(remote -> assertThat(remote.isPending()).isFalse());
        assertThat(fixture.sandbox.store(RemoteSystem.JADA).creates("BS-2")).isEqualTo(1);
        assertThat(fixture.plan(List.of(booking("BS-1"), booking("BS-2"))).isEmpty())
                .isTrue();
    }

    @Test
    void aRunThatMovedToAnotherEndpointAndDiedLeavesALedgerThatDescribesTheNewOne() {
        fixture.deploy(List.of(booking("BS-1"), booking("BS-2")));
        String moved = "https://jada.example.com/prod";
        Ledger died = Ledger.load(StateStore.in(fixture.target()));
        List<Ledger.Slot> creates = List.of(new Ledger.Slot(RemoteSystem.JADA, "BS-1"));
        died.begin(creates, creates, Map.of(RemoteSystem.JADA, moved));
        died.sent(
                RemoteSystem.JADA,
                "BS-1",
                "jada-77",
                DesiredState.of(RemoteSystem.JADA, booking("BS-1")).orElseThrow());

        Ledger read = Ledger.load(StateStore.in(fixture.target()));

        assertThat(read.endpoints()).containsEntry(RemoteSystem.JADA, moved);
        assertThat(read.remote(RemoteSystem.JADA, "BS-1"))
                .hasValueSatisfying(remote -> assertThat(remote.id()).isEqualTo("jada-77"));
        assertThat(read.remote(RemoteSystem.JADA, "BS-2"))
                .as("recorded for the old endpoint")
                .isEmpty();
        assertThat(read.remote(RemoteSystem.SCC, "BS-2")).as("SCC did not move").isPresent();
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
