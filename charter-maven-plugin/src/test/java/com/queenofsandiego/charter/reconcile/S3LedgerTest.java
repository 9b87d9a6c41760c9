package com.queenofsandiego.charter.reconcile;

import com.queenofsandiego.charter.deploy.DeployLock;
import com.queenofsandiego.charter.publish.S3Server;
import com.queenofsandiego.charter.store.S3Store;
import com.queenofsandiego.charter.store.StateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static com.queenofsandiego.charter.reconcile.ReconcileFixture.booking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger and the lock in a bucket, through the AWS SDK against an S3-compatible server on 127.0.0.1. */
class S3LedgerTest {

    private static final String BUCKET = "charter-ledger";

    @TempDir
    Path work;

    S3Server s3;
    ReconcileFixture fixture;

    @BeforeEach
    void start() throws Exception {
        s3 = new S3Server(BUCKET);
        fixture = new ReconcileFixture(work);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
        s3.close();
    }

    @Test
    void aDeployKeepsItsLedgerInTheBucketAndReleasesItsLock() {
        S3Store target = new S3Store(s3.client(), BUCKET);

        fixture.deploy(target, List.of(booking("BS-1"), booking("BS-2")), fixture.clients(), 10, false);

        String ledger =
                new String(target.read(".charter/ledger.json").orElseThrow().content(), StandardCharsets.UTF_8);
        assertThat(ledger).contains("\"BS-1\"", "\"BS-2\"", "\"id\":\"scc-2\"");
        assertThat(target.read(".charter/lock.json")).isEmpty();
        assertThat(fixture.deployment(target)
                        .plan(work.resolve("site"), List.of(booking("BS-1"), booking("BS-2")))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void aLedgerChangedBySomeoneElseIsNeverOverwritten() {
        S3Store target = new S3Store(s3.client(), BUCKET);
        fixture.deploy(target, List.of(booking("BS-1")), fixture.clients(), 10, false);
        Ledger mine = Ledger.load(StateStore.in(target));
        Ledger theirs = Ledger.load(StateStore.in(target));
        theirs.forget(RemoteSystem.JADA, "BS-1", Optional.empty());

        assertThatThrownBy(() -> mine.forget(RemoteSystem.SCC, "BS-1", Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        ".charter/ledger/journal.json in s3://charter-ledger was changed by someone else during this deploy");
        assertThat(Ledger.load(StateStore.in(target)).remote(RemoteSystem.SCC, "BS-1"))
                .isPresent();
    }

    @Test
    void theLockIsCreatedOnlyIfAbsent() {
        S3Store target = new S3Store(s3.client(), BUCKET);
        try (DeployLock held = DeployLock.acquire(StateStore.in(target), "run 7 (alice)", Clock.systemUTC(), false)) {
            assertThatThrownBy(() -> fixture.deploy(target, List.of(booking("BS-1")), fixture.clients(), 10, false))
                    .isInstanceOf(DeployLock.HeldException.class)
                    .hasMessageContaining("another deploy holds the lock on s3://charter-ledger: run 7 (alice) since");
        }
        assertThat(fixture.sandbox.calls()).isEmpty();
    }
}
