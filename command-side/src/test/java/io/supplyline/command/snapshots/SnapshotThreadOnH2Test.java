package io.supplyline.command.snapshots;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.supplyline.command.OnH2;

/** The same, on H2 as the local default runs it: there the command waiting for the batch holds the append turn. */
@QuarkusTest
@TestProfile(OnH2.class)
class SnapshotThreadOnH2Test extends SnapshotThreadTest {
}
