package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.deploy.DeployPlan;
import com.queenofsandiego.charter.deploy.PlanReport;
import com.queenofsandiego.charter.sandbox.TestSandbox;
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

import static com.queenofsandiego.charter.booking.BookingChanges.startingAt;
import static com.queenofsandiego.charter.reconcile.ReconcileFixture.JADA_TOKEN;
import static com.queenofsandiego.charter.reconcile.ReconcileFixture.SCC_KEY;
import static com.queenofsandiego.charter.reconcile.ReconcileFixture.booking;
import static org.assertj.core.api.Assertions.assertThat;

/** The ledger records which JADA and SCC it describes, and moving to others (the sandbox → real ones) duplicates nothing. */
class ReconcileEndpointTest {

    @TempDir
    Path work;

    ReconcileFixture fixture;
    TestSandbox real;

    @BeforeEach
    void start() throws IOException {
        fixture = new ReconcileFixture(work);
        real = TestSandbox.start(work.resolve("real"), 0, JADA_TOKEN, SCC_KEY);
    }

    @AfterEach
    void stop() {
        fixture.close();
        Thread closing = new Thread(real::close, "close-real");
        closing.setDaemon(true);
        closing.start();
    }

    @Test
    void movingToOtherEndpointsCreatesEachBookingThereOnceDeletesNothingItDoesNotKnowAndLeavesTheOldAlone() {
        fixture.deploy(List.of(booking("BS-1"), booking("BS-2"), booking("BS-3")));
        TestSandbox sandbox = fixture.sandbox;
        Map<String, Integer> sandboxCalls = sandbox.calls();
        fixture.remote = real;
        // Someone made BS-2's entry in the real JADA already, and BS-3's, whose file is removed in this change.
        fixture.clients()
                .get(RemoteSystem.JADA)
                .create(
                        "BS-2",
                        DesiredState.of(RemoteSystem.JADA, booking("BS-2")).orElseThrow());
        fixture.clients()
                .get(RemoteSystem.JADA)
                .create(
                        "BS-3",
                        DesiredState.of(RemoteSystem.JADA, booking("BS-3")).orElseThrow());
        List<Booking> bookings = List.of(booking("BS-1"), booking("BS-2"));

        DeployPlan plan = fixture.plan(bookings);

        String from = "http://127.0.0.1:" + sandbox.baseUri().getPort();
        String to = "http://127.0.0.1:" + real.baseUri().getPort();
        assertThat(PlanReport.markdown(plan))
                .contains("JADA: the ledger describes " + from + ", not " + to
                        + "; its 3 bookings are looked up by external_id and adopted or created.");
        assertThat(plan.reconcile().count(RemoteSystem.JADA, ReconcilePlan.Action.CREATE))
                .isEqualTo(2);
        assertThat(plan.reconcile().count(RemoteSystem.JADA, ReconcilePlan.Action.DELETE))
                .isZero();

        fixture.deploy(bookings);

        for (RemoteSystem system : RemoteSystem.values()) {
            assertThat(real.store(system).creates())
                    .as(system.label())
                    .containsEntry("BS-1", 1)
                    .containsEntry("BS-2", 1);
        }
        assertThat(fixture.entries(RemoteSystem.JADA))
                .extracting(e -> e.get("external_id"))
                .containsExactlyInAnyOrder("BS-1", "BS-2", "BS-3");
        assertThat(fixture.entries(RemoteSystem.SCC))
                .extracting(e -> e.get("external_id"))
                .containsExactlyInAnyOrder("BS-1", "BS-2");
        assertThat(sandbox.calls()).as("the sandbox is left alone").isEqualTo(sandboxCalls);
        assertThat(Ledger.load(StateStore.in(fixture.target())).endpoints())
                .containsEntry(RemoteSystem.JADA, to)
                .containsEntry(RemoteSystem.SCC, to);

        Map<String, Integer> realCalls = real.calls();
        assertThat(fixture.plan(bookings).isEmpty()).isTrue();
        fixture.deploy(bookings);
        assertThat(real.calls()).as("a third run sends nothing").isEqualTo(realCalls);
    }

    @Test
    void aLedgerFromBeforeEndpointsDescribesTheConfiguredOnesAndRecordsThemOnItsNextWrite() throws IOException {
        fixture.deploy(List.of(booking("BS-1")));
        Path file = work.resolve("local/bucket/.charter/ledger.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode old = (ObjectNode) json.readTree(file.toFile());
        old.remove("endpoints");
        Files.write(file, json.writeValueAsBytes(old));

        assertThat(fixture.plan(List.of(booking("BS-1"))).isEmpty()).isTrue();

        fixture.deploy(List.of(startingAt(booking("BS-1"), "09:00")));

        assertThat(fixture.applied.reconcile().changes())
                .extracting(ReconcilePlan.Change::action)
                .containsOnly(ReconcilePlan.Action.UPDATE);
        assertThat(json.readTree(file.toFile()).has("endpoints"))
                .as("recorded in the journal, not by rewriting ledger.json")
                .isFalse();
        assertThat(Ledger.load(StateStore.in(fixture.target())).endpoints())
                .containsEntry(
                        RemoteSystem.JADA,
                        "http://127.0.0.1:" + fixture.sandbox.baseUri().getPort());
    }
}
