package io.supplyline.query.admin;

import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * Why an event was parked, as the dead-letter table can store it: a database error quotes the value it
 * refused, and a NUL quoted from a refused row would make storing the cause fail the same way.
 */
final class PrintableCause {

    private PrintableCause() {
    }

    static ThrowableCause of(Throwable failure) {
        if (failure == null || failure instanceof ThrowableCause) {
            return (ThrowableCause) failure;
        }
        String message = String.valueOf(failure.getMessage());
        StringBuilder printable = new StringBuilder(message.length());
        message.codePoints().forEach(c -> printable.appendCodePoint(
                Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t' ? '\uFFFD' : c));
        String text = printable.toString();
        return new ThrowableCause(failure.getClass().getName(), text.length() > ThrowableCause.TRUNCATED_MESSAGE_SIZE
                ? text.substring(0, ThrowableCause.TRUNCATED_MESSAGE_SIZE) : text);
    }
}
