package io.supplyline.command.jdbc;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Rows that an in-transaction event handler gathers while its processor handles one batch of events (a
 * command's events: the subscribing processor's unit of work, nested in the command's), written together
 * when that unit of work prepares to commit: still inside the command's transaction, before it commits.
 */
public final class RowsOfBatch {

    private RowsOfBatch() {
    }

    /**
     * The current batch's collection under {@code key}, made empty by {@code empty} on first use, when
     * {@code write} is registered to receive it at the batch's prepare-commit.
     */
    public static <C> C of(String key, Supplier<C> empty, Consumer<C> write) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        return batch.getOrComputeResource(key, k -> {
            C rows = empty.get();
            batch.onPrepareCommit(unit -> write.accept(rows));
            return rows;
        });
    }
}
