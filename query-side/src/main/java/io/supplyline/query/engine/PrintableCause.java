package io.supplyline.query.engine;

import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Why an event was parked, as the dead-letter table can store it: a database error quotes the value it
 * refused, and a NUL quoted from a refused row would make storing the cause fail the same way.
 */
public final class PrintableCause {

    private PrintableCause() {
    }

    /** The cause with its type kept and its message made printable (null stays null). */
    public static ThrowableCause of(Throwable failure) {
        if (failure == null || failure instanceof ThrowableCause) {
            return (ThrowableCause) failure;
        }
        String text = printable(String.valueOf(failure.getMessage()));
        return new ThrowableCause(failure.getClass().getName(), text.length() > ThrowableCause.TRUNCATED_MESSAGE_SIZE
                ? text.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE) : text);
    }

    /**
     * For Axon's {@code withCause}, which keeps only a throwable's class and message: the failure itself
     * when its message is printable, else its type and printable message as the message.
     */
    public static Throwable forRequeue(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        return printable(message).equals(message) ? failure
                : new ThrowableCause(failure.getClass().getName(), failure.getClass().getName() + ": " + printable(message));
    }

    private static String printable(String message) {
        StringBuilder printable = new StringBuilder(message.length());
        message.codePoints().forEach(c -> printable.appendCodePoint(
                Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t' ? '\uFFFD' : c));
        return printable.toString();
    }
}
