package io.supplyline.command;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.transaction.TransactionManager;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import io.supplyline.command.envelope.CommandMetadata;

/**
 * Commands that run in one transaction which then stays open, as a stalled transaction would (a
 * lock wait, a GC pause, a slow disk): their events are inserted, global indexes taken, nothing
 * committed, until the test commits or rolls back.
 */
public final class HeldTransaction implements AutoCloseable {

    /** Commands to send in the transaction, or, when null, the end of it. */
    private record Step(Object[] commands, boolean commit, CompletableFuture<Void> done) {
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final BlockingQueue<Step> steps = new LinkedBlockingQueue<>();
    private final Future<Void> ended;

    private HeldTransaction(TransactionManager jta, CommandGateway gateway, Duration atMost) {
        // JTA transactions belong to a thread: this one begins the transaction, runs every step and ends it.
        ended = thread.submit(() -> {
            jta.setTransactionTimeout((int) atMost.toSeconds());
            jta.begin();
            while (true) {
                Step step = steps.take();
                if (step.commands == null) {
                    if (step.commit) {
                        jta.commit();
                    } else {
                        jta.rollback();
                    }
                    step.done.complete(null);
                    return null;
                }
                try {
                    for (Object command : step.commands) {
                        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(MetaData.from(Map.of(
                                CommandMetadata.PRINCIPAL, "held-transaction-test",
                                CommandMetadata.COMMAND_NAME, command.getClass().getSimpleName()))));
                    }
                    step.done.complete(null);
                } catch (Exception | Error e) {
                    step.done.completeExceptionally(e);
                    jta.rollback();
                    throw e;
                }
            }
        });
    }

    /** Runs the commands in a transaction that stays open (at most {@code atMost}) until told otherwise. */
    public static HeldTransaction appending(TransactionManager jta, CommandGateway gateway, Duration atMost,
                                            Object... commands) throws Exception {
        HeldTransaction held = new HeldTransaction(jta, gateway, atMost);
        held.send(commands);
        return held;
    }

    /** Runs more commands in the same transaction. */
    public void send(Object... commands) throws Exception {
        run(new Step(commands, false, new CompletableFuture<>()));
    }

    /** Starts more commands in the same transaction without waiting for them: they may wait for a lock. */
    public CompletableFuture<Void> start(Object... commands) {
        Step step = new Step(commands, false, new CompletableFuture<>());
        steps.add(step);
        return step.done;
    }

    public boolean isOpen() {
        return !ended.isDone();
    }

    public void commit() throws Exception {
        run(new Step(null, true, new CompletableFuture<>()));
    }

    public void rollBack() throws Exception {
        run(new Step(null, false, new CompletableFuture<>()));
    }

    private void run(Step step) throws Exception {
        steps.add(step);
        step.done.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (isOpen()) {
            steps.add(new Step(null, false, new CompletableFuture<>()));
        }
        thread.shutdown();
    }
}
