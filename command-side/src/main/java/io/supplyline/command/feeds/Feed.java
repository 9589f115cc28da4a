package io.supplyline.command.feeds;

import java.util.UUID;

import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One inbound topic whose records become commands, checked by the record format's JSON Schema first. */
abstract class Feed {

    private final String name;
    private final String topic;
    private final RecordFormat format;

    /** @param name short and stable: the principal is {@code feed:<name>}, the schema {@code feeds/<name>.schema.json} */
    Feed(String name, String topic, ObjectMapper json, Validator validator) {
        this.name = name;
        this.topic = topic;
        this.format = new RecordFormat(name, json, validator);
    }

    final String name() {
        return name;
    }

    final String topic() {
        return topic;
    }

    /** How the feed's records are read and checked. */
    final RecordFormat format() {
        return format;
    }

    /**
     * The command a well-formed record asks for; throws {@link RecordRefused} when it names nothing valid.
     *
     * @param newId the id for an aggregate the command creates: the same for every delivery of the record
     */
    abstract FeedCommand command(JsonNode record, UUID newId);

    /** A command and what its handler answers: an existing aggregate's new version, or a new aggregate's id. */
    record FeedCommand(Object command, String aggregateId, boolean creates) {

        static FeedCommand changing(Object command, String aggregateId) {
            return new FeedCommand(command, aggregateId, false);
        }

        static FeedCommand creating(Object command) {
            return new FeedCommand(command, null, true);
        }
    }
}
