package io.supplyline.command.feeds;

import com.fasterxml.jackson.databind.JsonNode;

/** One inbound topic whose records become commands, checked by the record format's JSON Schema first. */
interface Feed {

    /** Short and stable: the principal is {@code feed:<name>}, the schema {@code feeds/<name>.schema.json}. */
    String name();

    String topic();

    /** How the feed's records are read and checked. */
    RecordFormat format();

    /** The command a well-formed record asks for; throws {@link RecordRefused} when it names nothing valid. */
    FeedCommand command(JsonNode record);

    /** A command for an existing aggregate, whose handler answers the aggregate's new version. */
    record FeedCommand(Object command, String aggregateId) {
    }
}
