package io.supplyline.command.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.supplyline.command.OnH2;

/** The same, on H2 as the local default runs it (appends take turns there). */
@QuarkusTest
@TestProfile(OnH2.class)
class AggregateAsOfOnH2Test extends AggregateAsOfTest {
}
