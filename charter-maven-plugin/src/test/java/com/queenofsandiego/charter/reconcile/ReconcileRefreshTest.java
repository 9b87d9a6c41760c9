package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.booking.Booking;
import com.queenofsandiego.charter.deploy.DeleteLimitException;
import com.queenofsandiego.charter.deploy.DeployPlan;
import com.queenofsandiego.charter.deploy.Deployment;
import com.queenofsandiego.charter.deploy.PlanReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.queenofsandiego.charter.reconcile.ReconcileFixture.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** charter.refresh: reading JADA and SCC to repair what was changed there by hand. */
class ReconcileRefreshTest {

    @TempDir
    Path work;

    ReconcileFixture fixture;
    final List<Booking> bookings = List.of(booking("BS-1"), booking("BS-2"));

    @BeforeEach
    void start() throws IOException {
        fixture = new ReconcileFixture(work);
        fixture.deploy(bookings);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private String id(RemoteSystem system, String bookingId) {
        return fixture.entries(system).stream()
                .filter(e -> bookingId.equals(e.get("external_id")))
                .findFirst()
                .orElseThrow()
                .get("id")
                .toString();
    }

    @Test
    void aRefreshingDeployRecreatesAnEntryDeletedByHandAndUpdatesBackOneEditedByHandWhileAPlainOneSendsNothing() {
        fixture.sandbox.store(RemoteSystem.JADA).deleteByHand(id(RemoteSystem.JADA, "BS-1"));
        fixture.sandbox.store(RemoteSystem.SCC).editByHand(id(RemoteSystem.SCC, "BS-2"), "start_time", "07:00");
        Map<String, Integer> before = fixture.sandbox.calls();

        Deployment.Result plain = fixture.deploy(bookings);

        assertThat(plain.reconcile()).isEqualTo(new Reconciler.Result(0, 0, 0, 0));
        assertThat(fixture.sandbox.calls())
                .as("without refresh nothing is read or sent")
                .isEqualTo(before);

        fixture.refresh = true;
        fixture.concurrency = 4;
        DeployPlan plan = fixture.plan(bookings);
        assertThat(PlanReport.markdown(plan))
                .contains("### Drift found by refresh")
                .anySatisfy(line ->
                        assertThat(line).startsWith("- JADA: create `BS-1`").contains("deleted by hand"))
                .anySatisfy(line ->
                        assertThat(line).startsWith("- SCC: update `BS-2`").contains("edited by hand"));
        Deployment.Result refreshed = fixture.deploy(bookings);

        assertThat(refreshed.reconcile()).isEqualTo(new Reconciler.Result(1, 0, 1, 0));
        assertThat(fixture.sandbox.store(RemoteSystem.JADA).creates()).containsEntry("BS-1", 2);
        assertThat(fixture.entries(RemoteSystem.JADA)).hasSize(2);
        assertThat(fixture.entries(RemoteSystem.SCC))
                .filteredOn(e -> "BS-2".equals(e.get("external_id")))
                .singleElement()
                .satisfies(e -> assertThat(e).containsEntry("start_time", "10:00"));
        assertThat(fixture.plan(bookings).isEmpty())
                .as("a refresh after the repair finds nothing")
                .isTrue();
    }

    @Test
    void aSecondEntryWithTheSameExternalIdIsDeletedAndCountsAgainstMaxDeletes() {
        String kept = id(RemoteSystem.SCC, "BS-1");
        String second = fixture.sandbox.store(RemoteSystem.SCC).duplicateByHand(kept);
        fixture.refresh = true;

        assertThatThrownBy(() -> fixture.deploy(fixture.target(), bookings, fixture.clients(), 0, false))
                .isInstanceOf(DeleteLimitException.class);

        Deployment.Result result = fixture.deploy(bookings);

        assertThat(result.reconcile()).isEqualTo(new Reconciler.Result(0, 0, 0, 1));
        assertThat(fixture.entries(RemoteSystem.SCC))
                .extracting(e -> e.get("id"))
                .contains(kept)
                .doesNotContain(second);
        assertThat(fixture.plan(bookings).isEmpty())
                .as("the ledger still knows the entry it kept")
                .isTrue();
    }
}
