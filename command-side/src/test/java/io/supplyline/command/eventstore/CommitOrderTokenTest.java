package io.supplyline.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import io.supplyline.events.axon.EventSerializer;

/** Positions in commit order: what a snapshot shows, what a position delivers, how positions compare. */
class CommitOrderTokenTest {

    private static final TxSnapshot EARLIER = TxSnapshot.parse("100:120:100,110");
    private static final TxSnapshot LATER = TxSnapshot.parse("110:130:110,125");

    @Test
    void aSnapshotShowsTransactionsThatHadEndedWhenItWasTaken() {
        assertThat(EARLIER.shows(99)).isTrue();
        assertThat(EARLIER.shows(100)).as("in progress").isFalse();
        assertThat(EARLIER.shows(105)).isTrue();
        assertThat(EARLIER.shows(110)).as("in progress").isFalse();
        assertThat(EARLIER.shows(119)).isTrue();
        assertThat(EARLIER.shows(120)).as("not yet begun").isFalse();
    }

    @Test
    void aLaterSnapshotIncludesAnEarlierOneButNotTheOtherWayRound() {
        assertThat(LATER.includes(EARLIER)).isTrue();
        assertThat(EARLIER.includes(LATER)).isFalse();
        assertThat(TxSnapshot.parse("110:130:105").includes(EARLIER))
                .as("shows 105 still in progress, which the earlier one showed committed").isFalse();
        assertThat(EARLIER.includes(TxSnapshot.NOTHING)).isTrue();
    }

    @Test
    void aPositionInAStepDeliversWhatItsBaseShowsAndTheStepUpToItsLastIndex() {
        CommitOrderToken position = CommitOrderToken.at(EARLIER, 5_000).deliveredInStep(LATER, 5_200);

        assertThat(position.delivers(105, 4_000)).as("shown by the base").isTrue();
        assertThat(position.delivers(100, 3_000)).as("committed in the step, below the last index").isTrue();
        assertThat(position.delivers(121, 5_200)).isTrue();
        assertThat(position.delivers(121, 5_201)).as("committed in the step, not reached yet").isFalse();
        assertThat(position.delivers(110, 5_100)).as("still in progress at the step's bound").isFalse();
        assertThat(position.delivers(130, 5_100)).as("begun after the step's bound").isFalse();
    }

    @Test
    void aPositionCoversThoseItHasPassed() {
        CommitOrderToken base = CommitOrderToken.at(EARLIER, 5_000);
        CommitOrderToken inStep = base.deliveredInStep(LATER, 5_200);
        CommitOrderToken further = base.deliveredInStep(LATER, 5_300);
        CommitOrderToken stepDone = inStep.stepDone(LATER, 5_400);

        assertThat(further.covers(inStep)).isTrue();
        assertThat(inStep.covers(further)).isFalse();
        assertThat(stepDone.covers(further)).isTrue();
        assertThat(inStep.covers(base)).isTrue();
        assertThat(base.covers(inStep)).isFalse();
        assertThat(base.covers(CommitOrderToken.tail())).isTrue();
        assertThat(further.lowerBound(inStep)).isEqualTo(inStep);
        assertThat(inStep.upperBound(further)).isEqualTo(further);
    }

    @Test
    void aPositionSurvivesTheTokenStoreAsJson() {
        Serializer serializer = EventSerializer.create();
        CommitOrderToken position = CommitOrderToken.at(EARLIER, 5_000).deliveredInStep(LATER, 5_200);
        CommitOrderToken legacy = CommitOrderToken.convert(GapAwareTrackingToken.newInstance(42, Set.of(40L, 41L)));

        for (CommitOrderToken token : List.of(position, legacy, CommitOrderToken.tail())) {
            SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);
            TrackingToken read = serializer.deserialize(stored);
            assertThat(read).isEqualTo(token);
        }
    }

    @Test
    void theGapAwarePositionOfTheVersionBeforeDeliversWhatItDid() {
        CommitOrderToken converted = CommitOrderToken.convert(GapAwareTrackingToken.newInstance(42, Set.of(40L)));

        assertThat(converted.delivers(TxSnapshot.LEGACY_TXID, 39)).isTrue();
        assertThat(converted.delivers(TxSnapshot.LEGACY_TXID, 40)).as("in a gap").isFalse();
        assertThat(converted.delivers(TxSnapshot.LEGACY_TXID, 42)).isTrue();
        assertThat(converted.delivers(TxSnapshot.LEGACY_TXID, 43)).as("above its index").isFalse();
        assertThat(converted.delivers(500, 43)).as("appended after the upgrade").isFalse();
    }
}
