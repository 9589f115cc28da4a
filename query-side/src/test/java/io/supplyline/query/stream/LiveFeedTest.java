package io.supplyline.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** The feed's promises to its subscribers, without HTTP: all changes in order, bounded, limited. */
class LiveFeedTest {

    private static final int MAX_SUBSCRIBERS = 3;
    private static final int BUFFER = 10;

    private final LiveFeed feed = new LiveFeed(null, MAX_SUBSCRIBERS, BUFFER);

    /** Records what it is sent; each change is written at once, unless it {@code stalls}. */
    private static final class Recorder implements LiveFeed.Subscriber {
        final List<LiveFeed.Change> received = new ArrayList<>();
        boolean stalls;
        boolean dropped;

        @Override
        public synchronized CompletionStage<?> send(LiveFeed.Change change) {
            received.add(change);
            return stalls ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
        }

        @Override
        public synchronized void dropped() {
            dropped = true;
        }

        synchronized List<Long> sequences() {
            return received.stream().map(LiveFeed.Change::sequence).toList();
        }
    }

    @Test
    void everySubscriberGetsEveryChangeOnceInNumberOrderWhilePublishersRace() throws Exception {
        int threads = 8;
        int each = 2_000;
        // Room for all of them: racing publishers can queue faster than one thread sends.
        LiveFeed feed = new LiveFeed(null, MAX_SUBSCRIBERS, threads * each);
        List<Recorder> subscribers = List.of(new Recorder(), new Recorder(), new Recorder());
        subscribers.forEach(subscriber -> feed.subscribe(null, subscriber));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> publishers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            publishers.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    feed.publishCarried("stock-level", i);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> publisher : publishers) {
            publisher.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<Long> all = LongStream.rangeClosed(1, (long) threads * each).boxed().toList();
        subscribers.forEach(subscriber -> assertThat(subscriber.sequences()).isEqualTo(all));
        assertThat(subscribers).noneMatch(subscriber -> subscriber.dropped);
    }

    @Test
    void aSubscriberThatStopsReadingIsDroppedOnceItsBufferIsFullAndOthersGoOn() {
        Recorder stalled = new Recorder();
        stalled.stalls = true;
        Recorder reading = new Recorder();
        feed.subscribe(null, stalled);
        feed.subscribe(null, reading);

        for (int i = 0; i < 3 * BUFFER; i++) {
            feed.publishCarried("alert", i);
        }

        assertThat(stalled.dropped).isTrue();
        assertThat(stalled.received).as("sent before it was dropped").hasSize(BUFFER);
        assertThat(reading.received).hasSize(3 * BUFFER);
        assertThat(feed.subscribers()).isEqualTo(1);
    }

    @Test
    void subscribersBeyondTheLimitAreRefusedUntilOneLeaves() {
        List<Recorder> subscribers = new ArrayList<>();
        for (int i = 0; i < MAX_SUBSCRIBERS; i++) {
            subscribers.add(new Recorder());
            assertThat(feed.subscribe(null, subscribers.get(i))).isTrue();
        }
        assertThat(feed.subscribe(null, new Recorder())).isFalse();

        feed.unsubscribe(subscribers.get(0));
        assertThat(feed.subscribe(null, new Recorder())).isTrue();
    }

    @Test
    void aResumingSubscriberGetsWhatItMissedAndThenWhatFollows() {
        Recorder first = new Recorder();
        feed.subscribe(null, first);
        for (int i = 0; i < 5; i++) {
            feed.publishCarried("alert", i);
        }
        Recorder resumed = new Recorder();
        feed.subscribe(feed.idOf(first.received.get(1)), resumed);
        feed.publishCarried("alert", 5);

        assertThat(resumed.sequences()).containsExactly(3L, 4L, 5L, 6L);
    }

    /** More missed than it may have unwritten: it is told to reload, and follows from there. */
    @Test
    void aSubscriberResumingFurtherBehindThanItsBufferIsToldToReload() {
        Recorder first = new Recorder();
        feed.subscribe(null, first);
        for (int i = 0; i <= BUFFER + 1; i++) {
            feed.publishCarried("alert", i);
        }
        Recorder resumed = new Recorder();
        feed.subscribe(feed.idOf(first.received.get(0)), resumed);
        feed.publishCarried("alert", "next");

        assertThat(resumed.received).extracting(LiveFeed.Change::type).containsExactly(LiveFeed.RESET, "alert");
        assertThat(resumed.received).extracting(LiveFeed.Change::sequence).containsExactly(BUFFER + 2L, BUFFER + 3L);
    }
}
