package io.supplyline.command.envelope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * What every event records about the command that caused it: who sent it, the business
 * conversation it belongs to, the message that caused it and the command's name.
 */
public final class CommandMetadata implements CorrelationDataProvider {

    public static final String PRINCIPAL = "principal";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String COMMAND_NAME = "commandName";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String REQUEST_HASH = "requestHash";
    /** For a command from an inbound Kafka feed: the record it came from, as topic/partition/offset. */
    public static final String SOURCE_RECORD = "sourceRecord";

    private static final List<String> INHERITED = List.of(PRINCIPAL, CORRELATION_ID, COMMAND_NAME, IDEMPOTENCY_KEY, REQUEST_HASH,
            SOURCE_RECORD);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        INHERITED.forEach(key -> {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        });
        // A command a process sent names the event it reacts to; any other message is itself the cause.
        data.put(CAUSATION_ID, message instanceof CommandMessage<?> && message.getMetaData().containsKey(CAUSATION_ID)
                ? message.getMetaData().get(CAUSATION_ID) : message.getIdentifier());
        data.putIfAbsent(CORRELATION_ID, message.getIdentifier());
        return data;
    }
}
