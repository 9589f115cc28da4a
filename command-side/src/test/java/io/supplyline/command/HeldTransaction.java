package io.supplyline.command;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.transaction.TransactionManager;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import io.supplyline.command.axon.CommandMetadata;

/**
 * Commands that ran in one transaction which then stays open, as a stalled transaction would (a
 * lock wait, a GC pause, a slow disk): their events are inserted, global indexes taken, nothing
 * committed, until the test commits or rolls back.
 */
public final class HeldTransaction implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CompletableFuture<Boolean> decision = new CompletableFuture<>();
    private final Future<Void> ended;

    private HeldTransaction(TransactionManager jta, CommandGateway gateway, Duration atMost, Object... commands)
            throws Exception {
        CompletableFuture<Void> appended = new CompletableFuture<>();
        ended = thread.submit(() -> {
            // JTA transactions belong to a thread: this one begins, holds and ends it.
            jta.setTransactionTimeout((int) atMost.toSeconds());
            jta.begin();
            try {
                for (Object command : commands) {
                    gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(MetaData.from(Map.of(
                            CommandMetadata.PRINCIPAL, "held-transaction-test",
                            CommandMetadata.COMMAND_NAME, command.getClass().getSimpleName()))));
                }
                appended.complete(null);
            } catch (Exception | Error e) {
                appended.completeExceptionally(e);
                jta.rollback();
                throw e;
            }
            if (decision.get()) {
                jta.commit();
            } else {
                jta.rollback();
            }
            return null;
        });
        appended.get(30, TimeUnit.SECONDS);
    }

    /** Runs the commands in a transaction that stays open (at most {@code atMost}) until told otherwise. */
    public static HeldTransaction appending(TransactionManager jta, CommandGateway gateway, Duration atMost,
                                            Object... commands) throws Exception {
        return new HeldTransaction(jta, gateway, atMost, commands);
    }

    public boolean isOpen() {
        return !ended.isDone();
    }

    public void commit() throws Exception {
        end(true);
    }

    public void rollBack() throws Exception {
        end(false);
    }

    private void end(boolean commit) throws Exception {
        decision.complete(commit);
        ended.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        decision.complete(false);
        thread.shutdown();
    }
}
