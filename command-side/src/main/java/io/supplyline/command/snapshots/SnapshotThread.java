package io.supplyline.command.snapshots;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Takes snapshots on a thread of its own, once the command that called for one has committed. Axon's
 * default snapshotter takes it on the committing thread, at the end of its unit of work, while that
 * thread still holds the aggregates' locks (a process batch holds every lock it took until its cleanup):
 * the snapshot's transaction then waited for the append turn on H2 while the turn's holder, a command,
 * waited for one of those locks, both until H2's lock timeout, batch after batch. This thread holds no
 * lock when it starts a snapshot. A snapshot appends no event, so its transaction takes no turn either.
 */
public final class SnapshotThread {

    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread snapshots = new Thread(task, "snapshotter");
                snapshots.setDaemon(true);
                return snapshots;
            });

    /**
     * @param transactions transactions that do not take the append turn
     * @param snapshotted  an aggregate type that takes snapshots, for the handler definition its handlers use
     */
    public Snapshotter snapshotter(Configuration configuration, TransactionManager transactions, Class<?> snapshotted) {
        return AggregateSnapshotter.builder()
                .eventStore(configuration.eventStore())
                .aggregateFactories(configuration.findModules(AggregateConfiguration.class).stream()
                        .<AggregateFactory<?>>map(AggregateConfiguration::aggregateFactory).toList())
                .repositoryProvider(configuration::repository)
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(snapshotted))
                .transactionManager(transactions)
                .executor(thread)
                .build();
    }

    /** Lets the snapshot in hand finish; those not begun are skipped, and a later command calls for them again. */
    public void stop() {
        thread.shutdown();
        thread.getQueue().clear();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
