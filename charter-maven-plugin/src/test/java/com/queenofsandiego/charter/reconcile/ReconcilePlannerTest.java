package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.deploy.PlanReport;
import com.queenofsandiego.charter.text.UntrustedTextTest;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.queenofsandiego.charter.booking.BookingChanges.cancelled;
import static com.queenofsandiego.charter.reconcile.ReconcileFixture.booking;
import static org.assertj.core.api.Assertions.assertThat;

class ReconcilePlannerTest {

    @Test
    void aSystemWithoutAnEndpointIsLeftAloneAndThePlanSaysSo() {
        ReconcilePlan plan = ReconcilePlanner.plan(
                List.of(booking("BS-1")), Map.of(), Map.of(RemoteSystem.SCC, "https://scc.example.com"));

        assertThat(plan.summary()).isEqualTo("JADA: not configured; SCC: create 1, update 0, delete 0");
        assertThat(PlanReport.markdown(plan))
                .startsWith(
                        "### JADA",
                        "Not configured (set charter.jada.endpoint): nothing is sent to JADA.",
                        "### SCC (https://scc.example.com)");
        assertThat(PlanReport.json(plan)).containsEntry("jada", Map.of("configured", false));
    }

    @Test
    void aCancelledBookingNeverCreatedNeedsNothingAndOnePendingIsLookedUpToDelete() {
        LedgerEntry pending = new LedgerEntry(LedgerEntry.Remote.pending(), null);

        ReconcilePlan plan = ReconcilePlanner.plan(
                List.of(cancelled(booking("BS-1")), cancelled(booking("BS-2"))),
                Map.of("BS-2", pending),
                Map.of(RemoteSystem.JADA, "sandbox"));

        assertThat(plan.changes()).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(ReconcilePlan.Action.DELETE);
            assertThat(change.bookingId()).isEqualTo("BS-2");
            assertThat(change.remoteId()).isEmpty();
            assertThat(change.reason()).isEqualTo("cancelled");
        });
    }

    @Test
    void theContractsNotesCarryTheInternalNotesOnTheirOwnLine() {
        assertThat(DesiredState.notes(
                        booking("BS-7", "2026-06-01", "10:00", "13:00", List.of(), "  bare minimum crew \n")))
                .isEqualTo("Guest: Guest BS-7, Boatsetter ID: BS-7\nbare minimum crew");
        assertThat(DesiredState.of(RemoteSystem.JADA, booking("BS-7"))
                        .orElseThrow()
                        .idempotencyKey("BS-7"))
                .matches("BS-7-[0-9a-f]{12}");
        assertThat(DesiredState.of(RemoteSystem.SCC, cancelled(booking("BS-7"))))
                .isEmpty();
    }

    @Test
    void aFileNameOrIdCannotBreakOutOfItsCodeSpanInThePlan() {
        String file = "bookings/a`` b\n# Approved\n- **x**.yaml";
        ReconcilePlan.Change change = new ReconcilePlan.Change(
                RemoteSystem.JADA,
                ReconcilePlan.Action.DELETE,
                "BS-1`",
                Optional.of(file),
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                "file removed",
                false);

        List<String> lines = PlanReport.markdown(
                new ReconcilePlan(Map.of(RemoteSystem.JADA, "sandbox"), List.of(change), Map.of(), List.of()));
        Node document = Parser.builder().build().parse(String.join("\n", lines));

        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n", "\r"));
        assertThat(UntrustedTextTest.codes(document))
                .containsExactly("BS-1`", "bookings/a`` b\\n# Approved\\n- **x**.yaml");
    }
}
