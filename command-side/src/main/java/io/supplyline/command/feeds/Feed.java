package io.supplyline.command.feeds;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** One inbound topic whose records become commands, checked by the record format's JSON Schema first. */
interface Feed {

    /** Short and stable: the principal is {@code feed:<name>}, the schema {@code feeds/<name>.schema.json}. */
    String name();

    String topic();

    /** How the feed's records are read and checked. */
    RecordFormat format();

    /**
     * The command a well-formed record asks for; throws {@link RecordRefused} when it names nothing valid.
     *
     * @param newId the id for an aggregate the command creates: the same for every delivery of the record
     */
    FeedCommand command(JsonNode record, UUID newId);

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
