package io.supplyline.query.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/** Projections are shared out among the live query instances, and a departed one's share comes back. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class SegmentBalancerTest {

    private static final String OTHER = "4242@another-query-instance";

    @Inject
    AxonConfiguration axon;

    @Inject
    DataSource dataSource;

    @Test
    void theFairShareIsTheSegmentsOverTheInstancesRoundedUp() {
        assertThat(SegmentBalancer.fairShare(7, 1)).isEqualTo(7);
        assertThat(SegmentBalancer.fairShare(7, 2)).isEqualTo(4);
        assertThat(SegmentBalancer.fairShare(7, 3)).isEqualTo(3);
        assertThat(SegmentBalancer.fairShare(7, 8)).isEqualTo(1);
    }

    @Test
    void withASecondLiveInstanceThisOneGivesUpAllButItsShareAndTakesThemBackWhenItGoes() throws Exception {
        int projections = axon.liveProcessors().size();
        await().atMost(Duration.ofSeconds(30)).until(() -> held() == projections);

        // Another instance beats as a live one would, but claims nothing: what is released stays unclaimed.
        ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();
        other.scheduleWithFixedDelay(() -> beat(OTHER), 0, 1, TimeUnit.SECONDS);
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> held() == SegmentBalancer.fairShare(projections, 2));
        } finally {
            other.shutdownNow();
            other.awaitTermination(5, TimeUnit.SECONDS);
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement gone = connection.prepareStatement("DELETE FROM query_instance WHERE instance_id = ?")) {
                gone.setString(1, OTHER);
                gone.executeUpdate();
            }
        }
        // Released for a while only: then unclaimed segments go to whoever is there, this instance.
        await().atMost(Duration.ofSeconds(40)).until(() -> held() == projections);
    }

    private long held() {
        return axon.liveProcessors().stream().filter(processor -> !processor.processingStatus().isEmpty()).count();
    }

    private void beat(String instance) {
        try (Connection connection = dataSource.getConnection()) {
            SegmentBalancer.beat(connection, instance);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
